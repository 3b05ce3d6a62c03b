package cn.yiyang.planning.app.audit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.ForbiddenException;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.layers.audit.AuditEntry;
import cn.yiyang.planning.layers.audit.AuditFilter;
import cn.yiyang.planning.layers.store.JdbcAuditRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The audit page and the audit's CSV without a server (embedded store): filters, the chain check before and after a
 * row is changed behind the app's back, markup shown as text, formula-like cells neutralised, ADMIN only.
 */
class AuditViewTest {

    private static final AppUser ADMIN = new AppUser("admin", EnumSet.of(Role.ADMIN));

    private TestStores.TestStore store;
    private AuditLog audit;

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        store = TestStores.h2gis();
        audit = new AuditLog(new JdbcAuditRepository(store.store()), Clock.systemUTC());
        audit.record("water", "10.0.0.5", "feature-update", "water_work", "17", "version 3");
        audit.record(
                "<img src=x onerror=alert(1)>", "10.0.0.6", "sign-in-failed", null, null, "BadCredentialsException");
        audit.record("planner", "10.0.0.7", "feature-create", "village_plan", "2", "=HYPERLINK(\"http://x\")");
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        store.close();
    }

    @SuppressWarnings("unchecked")
    private static List<AuditEntry> shown() {
        Grid<AuditEntry> grid = _get(Grid.class, s -> s.withId("audit-grid"));
        return GridKt._fetch(grid, 0, GridKt._size(grid));
    }

    @Test
    void theListFiltersAndTheChainCheckFindsAChangedRow() {
        UI.getCurrent().add(new AuditView(audit, ADMIN));
        assertThat(shown())
                .extracting(AuditEntry::action)
                .containsExactly("feature-create", "sign-in-failed", "feature-update");
        assertThat(shown().get(1).user()).as("kept as text").isEqualTo("<img src=x onerror=alert(1)>");

        _get(TextField.class, s -> s.withId("audit-layer")).setValue("water_work");
        _click(_get(Button.class, s -> s.withId("audit-show")));
        assertThat(shown()).extracting(AuditEntry::feature).containsExactly("17");
        assertThat(_get(Anchor.class, s -> s.withId("audit-csv")).getHref())
                .isEqualTo("api/v1/audit.csv?layer=water_work");

        _click(_get(Button.class, s -> s.withId("audit-check")));
        assertThat(_get(Paragraph.class, s -> s.withId("audit-chain")).getText())
                .isEqualTo("3 条记录的哈希链完整：没有记录被修改、删除或插入。");

        long id = shown().getFirst().id();
        store.store().withConnection(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE audit_entry SET detail = 'version 2' WHERE id = " + id)) {
                return ps.executeUpdate();
            }
        });
        _click(_get(Button.class, s -> s.withId("audit-check")));
        assertThat(_get(Paragraph.class, s -> s.withId("audit-chain")).getText())
                .isEqualTo("哈希链在第 " + id + " 条记录处断开（hash）：该记录或其前一条被修改、删除或插入（已校验 1 条）。");
    }

    @Test
    void theCsvHasEveryEntryWithItsHashesAndNeutralisesFormulas() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditCsv.write(audit.find(ADMIN, AuditFilter.all(10)), out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).isEqualTo("\uFEFFid,at,user,address,action,layer,feature,detail,prev_hash,hash");
        assertThat(lines.get(1))
                .contains(",planner,10.0.0.7,feature-create,village_plan,2,\"'=HYPERLINK(\"\"http://x\"\")\",");
        assertThat(lines.get(3))
                .contains(",water,10.0.0.5,feature-update,water_work,17,version 3," + "0".repeat(64) + ",");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void onlyAdminReadsAndChecksTheRecord(Role role) {
        AppUser user = new AppUser("someone", EnumSet.of(role));
        assertThatThrownBy(() -> audit.find(user, AuditFilter.all(10))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> audit.verify(user)).isInstanceOf(ForbiddenException.class);
    }
}
