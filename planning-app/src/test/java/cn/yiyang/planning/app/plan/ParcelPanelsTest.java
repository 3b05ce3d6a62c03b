package cn.yiyang.planning.app.plan;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.app.testsupport.Audits;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcConflictJustificationRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

/**
 * The balance and conflict panels without a server, over an in-memory H2GIS store with one plan: two current parcels
 * (耕地, 农村宅基地), one planned 农村宅基地 over both, and a basic-farmland polygon under its west half.
 */
class ParcelPanelsTest {

    private static final AppUser LEADER = new AppUser("leader", EnumSet.of(Role.LEADER));
    private static final AppUser APPROVER = new AppUser("approver", EnumSet.of(Role.APPROVER));

    private TestStores.TestStore store;
    private BalanceService balances;
    private BalanceExport export;
    private ConflictService conflicts;
    private FeatureRepository features;

    @BeforeEach
    void setUp() throws Exception {
        MockVaadin.setup(new Routes());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        store = TestStores.h2gis();
        features = new JdbcFeatureRepository(store.store());
        LayerCatalogue catalogue = LayerCatalogue.standard();
        WKTReader wkt = new WKTReader();
        features.load(
                catalogue.get(LayerIds.VILLAGE_PLAN),
                LoadMode.APPEND,
                List.of(new Feature(
                                null,
                                Map.of(
                                        "code",
                                        "P1",
                                        "name",
                                        "桃花村规划",
                                        "village_codes",
                                        "430921001001",
                                        "status",
                                        "reviewing"),
                                Map.of(),
                                wkt.read(
                                        "MULTIPOLYGON(((112.300 28.500, 112.302 28.500, 112.302 28.501, 112.300 28.501,"
                                                + " 112.300 28.500)))")))
                        .iterator());
        List<Feature> parcels = new ArrayList<>();
        parcels.add(parcel(wkt, "01", "current", "112.300", "112.301"));
        parcels.add(parcel(wkt, "0703", "current", "112.301", "112.302"));
        parcels.add(parcel(wkt, "0703", "planned", "112.300", "112.302"));
        features.load(catalogue.get(LayerIds.PLAN_LAND_USE), LoadMode.APPEND, parcels.iterator());
        features.load(
                catalogue.get(LayerIds.BASIC_FARMLAND),
                LoadMode.APPEND,
                List.of(new Feature(
                                null,
                                Map.of(),
                                Map.of(),
                                wkt.read("MULTIPOLYGON(((112.2995 28.500, 112.301 28.500, 112.301 28.501,"
                                        + " 112.2995 28.501, 112.2995 28.500)))")))
                        .iterator());
        ParcelReader reader = new ParcelReader(catalogue, features);
        balances = new BalanceService(reader);
        export = new BalanceExport(new Messages());
        conflicts = new ConflictService(
                reader, new JdbcConflictJustificationRepository(store.store()), Audits.log(store.store()));
    }

    private static Feature parcel(WKTReader wkt, String code, String state, String west, String east) throws Exception {
        return new Feature(
                null,
                Map.of("plan_code", "P1", "land_use_code", code, "state", state),
                Map.of(),
                wkt.read("MULTIPOLYGON(((" + west + " 28.500, " + east + " 28.500, " + east + " 28.501, " + west
                        + " 28.501, " + west + " 28.500)))"));
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        store.close();
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    @Test
    void theBalanceShowsEachClassAndTheTotalInMuAndHectaresWithItsDownload() {
        UI.getCurrent().add(new BalancePanel(balances, export, "P1", LEADER));

        Grid<Object> grid = grid("plan-balance-grid");
        assertThat(GridKt._size(grid)).isEqualTo(3);
        List<String> cropland = GridKt._getFormattedRow(grid, 0);
        assertThat(cropland.subList(0, 2)).containsExactly("01", "耕地");
        assertThat(cropland.get(4)).as("half the current land").isEqualTo("50.00%");
        assertThat(cropland.get(5)).isEqualTo("0.00");
        assertThat(GridKt._getFormattedRow(grid, 1).subList(0, 2)).containsExactly("0703", "农村宅基地");
        assertThat(GridKt._getFormattedRow(grid, 1).get(7)).isEqualTo("100.00%");
        List<String> total = GridKt._getFormattedRow(grid, 2);
        assertThat(total.get(1)).isEqualTo("合计");
        assertThat(total.get(2))
                .as("the current and the planned total are the same land")
                .isEqualTo(total.get(5));
        double mu = Double.parseDouble(total.get(2));
        assertThat(mu)
                .as("0.002° × 0.001° near 28.5°N is about 21 700 m², 32.6 亩")
                .isBetween(32.0, 33.0);
        assertThat(_get(Anchor.class, s -> s.withId("plan-balance-xlsx")).getText())
                .isEqualTo("下载 XLSX");
    }

    @Test
    void approversJustifyTheSelectedConflictAndOthersOnlyLook() throws Exception {
        ConflictPanel leaderView = new ConflictPanel(conflicts, "P1", LEADER);
        UI.getCurrent().add(leaderView);
        _assertNone(Button.class, s -> s.withId("plan-conflict-justify")); // a leader may not justify
        Grid<Object> grid = grid("plan-conflict-grid");
        assertThat(GridKt._size(grid)).isEqualTo(1);
        List<String> row = GridKt._getFormattedRow(grid, 0);
        assertThat(row.get(1)).isEqualTo("0703 农村宅基地");
        assertThat(row.get(3)).startsWith("永久基本农田 #");
        assertThat(Double.parseDouble(row.get(4)))
                .as("the west half: about 10 900 m²")
                .isBetween(10_500.0, 11_200.0);
        assertThat(_get(Span.class, s -> s.withId("plan-conflict-summary")).getText())
                .isEqualTo("共 1 处冲突，其中 1 处未说明理由。");
        List<PlanConflict> shown = new ArrayList<>();
        leaderView.addShowListener(shown::add);
        grid.select(GridKt._get(grid, 0));
        _click(_get(Button.class, s -> s.withId("plan-conflict-show")));
        assertThat(shown).hasSize(1);

        // the page opens the conflict on a map: every overlap of the plan drawn, the map on the chosen one
        ConflictMapDialog onMap = new ConflictMapDialog(null, conflicts.conflicts(LEADER, "P1"), shown.getFirst());
        onMap.open();
        assertThat(onMap.getHeaderTitle()).startsWith("地块 ").contains("0703", "平方米", "亩");
        assertThat(onMap.map().getOverlayCount()).isEqualTo(1);
        assertThat(_get(Anchor.class, s -> s.withId("plan-conflict-open-map")).getHref())
                .startsWith("?extent=112.3,28.5,")
                .endsWith("&layer=plan_land_use");
        _click(_get(Button.class, s -> s.withId("plan-conflict-map-close")));
        _assertNone(Dialog.class);
        UI.getCurrent().removeAll();

        UI.getCurrent().add(new ConflictPanel(conflicts, "P1", APPROVER));
        Button justify = _get(Button.class, s -> s.withId("plan-conflict-justify"));
        assertThat(justify.isVisible()).isTrue();
        assertThat(justify.isEnabled()).as("nothing selected").isFalse();
        Grid<Object> approverGrid = grid("plan-conflict-grid");
        approverGrid.select(GridKt._get(approverGrid, 0));
        _click(justify);
        _click(_get(Button.class, s -> s.withId("plan-conflict-save")));
        TextArea text = _get(TextArea.class, s -> s.withId("plan-conflict-text"));
        assertThat(text.isInvalid()).as("an empty justification is refused").isTrue();
        text.setValue("村民安置点，已报省厅备案");
        _click(_get(Button.class, s -> s.withId("plan-conflict-save")));
        _assertNone(Dialog.class);
        assertThat(GridKt._getFormattedRow(approverGrid, 0).get(6)).isEqualTo("村民安置点，已报省厅备案 (approver)");
        assertThat(_get(Span.class, s -> s.withId("plan-conflict-summary")).getText())
                .isEqualTo("共 1 处冲突，其中 0 处未说明理由。");
        assertThat(new ConflictApprovalGate(conflicts).blockers("P1")).isEmpty();

        // a new import of a constraint layer changes its data version: the cached index is built again
        features.load(
                LayerCatalogue.standard().get(LayerIds.ECOLOGICAL_REDLINE),
                LoadMode.APPEND,
                List.of(new Feature(
                                null,
                                Map.of(),
                                Map.of(),
                                new WKTReader()
                                        .read("MULTIPOLYGON(((112.3015 28.500, 112.303 28.500, 112.303 28.501,"
                                                + " 112.3015 28.501, 112.3015 28.500)))")))
                        .iterator());
        assertThat(conflicts.conflicts("P1"))
                .extracting(PlanConflict::constraintLayer)
                .containsExactly("basic_farmland", "ecological_redline");
        assertThat(new ConflictApprovalGate(conflicts).blockers("P1"))
                .extracting(b -> b.in(Locale.ENGLISH))
                .containsExactly("1 conflict(s) without a justification");
    }
}
