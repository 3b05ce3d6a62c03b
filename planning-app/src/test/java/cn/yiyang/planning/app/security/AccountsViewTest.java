package cn.yiyang.planning.app.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.layers.accounts.AccountRepository;
import cn.yiyang.planning.layers.accounts.ApiToken;
import cn.yiyang.planning.layers.store.JdbcAccountRepository;
import cn.yiyang.planning.layers.store.JdbcApiTokenRepository;
import cn.yiyang.planning.layers.store.JdbcAuditRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The accounts page and the password page without a server (embedded store): what ADMIN does on them. */
class AccountsViewTest {

    private static final AppUser ADMIN = new AppUser("admin", EnumSet.of(Role.ADMIN));
    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private TestStores.TestStore store;
    private AccountRepository repository;
    private SignInThrottle throttle;
    private AccountService accounts;
    private ApiTokenService tokenService;

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        store = TestStores.h2gis();
        repository = new JdbcAccountRepository(store.store());
        throttle = new SignInThrottle(Clock.systemUTC(), Duration.ofMinutes(1), 10, 50);
        accounts = new AccountService(
                repository,
                ENCODER,
                new DemoAccounts(true, "x"),
                new RememberedCredentials(Clock.systemUTC(), Duration.ofMinutes(1)),
                throttle,
                new AuditLog(new JdbcAuditRepository(store.store()), Clock.systemUTC()));
        tokenService = new ApiTokenService(
                new JdbcApiTokenRepository(store.store()),
                TokenKey.of("a key for the page test", null),
                Clock.systemUTC(),
                new AuditLog(new JdbcAuditRepository(store.store()), Clock.systemUTC()));
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        store.close();
    }

    @SuppressWarnings("unchecked")
    private static Grid<AccountService.AccountRow> grid() {
        return _get(Grid.class, s -> s.withId("accounts-grid"));
    }

    @SuppressWarnings("unchecked")
    private static CheckboxGroup<Role> roles() {
        return _get(CheckboxGroup.class, s -> s.withId("account-roles"));
    }

    private static List<String> names() {
        Grid<AccountService.AccountRow> grid = grid();
        return GridKt._fetch(grid, 0, GridKt._size(grid)).stream()
                .map(AccountService.AccountRow::name)
                .toList();
    }

    @Test
    void adminCreatesAnAccountThenDisablesItResetsItsPasswordAndChangesItsRoles() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("guessed", "198.51.100.4");
        }
        UI.getCurrent().add(new AccountsView(accounts, tokenService, ADMIN));
        assertThat(_get(Paragraph.class, s -> s.withId("accounts-demo-note")).getText())
                .contains("演示账号");
        assertThat(GridKt._size(_get(Grid.class, s -> s.withId("accounts-locks"))))
                .as("the locked account is shown")
                .isEqualTo(1);

        _get(TextField.class, s -> s.withId("account-name")).setValue("chen.jing");
        _get(PasswordField.class, s -> s.withId("account-password")).setValue("wushui-2026-a");
        roles().setValue(EnumSet.of(Role.SEWAGE));
        _get(TextField.class, s -> s.withId("account-counties")).setValue("430903，430921");
        _click(_get(Button.class, s -> s.withId("account-create")));
        assertThat(names()).containsExactly("chen.jing");
        assertThat(repository.find("chen.jing").orElseThrow().counties()).containsExactlyInAnyOrder("430903", "430921");

        grid().select(repository.all().stream()
                .map(a -> new AccountService.AccountRow(a.name(), Set.of(Role.SEWAGE), a.counties(), true, a))
                .findFirst()
                .orElseThrow());
        Button toggle = _get(Button.class, s -> s.withId("account-toggle"));
        assertThat(toggle.getText()).isEqualTo("停用");
        _click(toggle);
        assertThat(repository.find("chen.jing").orElseThrow().enabled()).isFalse();

        _get(PasswordField.class, s -> s.withId("account-new-password")).setValue("reset-pass-2026");
        _click(_get(Button.class, s -> s.withId("account-reset")));
        assertThat(ENCODER.matches(
                        "reset-pass-2026",
                        repository.find("chen.jing").orElseThrow().passwordHash()))
                .isTrue();

        roles().setValue(EnumSet.of(Role.SEWAGE, Role.VIEWER));
        _get(TextField.class, s -> s.withId("account-counties")).setValue("");
        _click(_get(Button.class, s -> s.withId("account-assign")));
        assertThat(repository.find("chen.jing").orElseThrow().roles()).containsExactlyInAnyOrder("SEWAGE", "VIEWER");
        assertThat(repository.find("chen.jing").orElseThrow().counties()).isEmpty();
    }

    @Test
    void aRefusedChangeIsShownAndChangesNothing() {
        UI.getCurrent().add(new AccountsView(accounts, tokenService, ADMIN));
        _get(TextField.class, s -> s.withId("account-name")).setValue("x");
        _get(PasswordField.class, s -> s.withId("account-password")).setValue("long-enough-password");
        _click(_get(Button.class, s -> s.withId("account-create")));
        assertThat(repository.count()).isZero();
        assertThat(names()).isEmpty();
    }

    @Test
    void aUserChangesTheirOwnPasswordOnThePasswordPage() {
        accounts.create(ADMIN, "li.na", "jiaotong-2026", EnumSet.of(Role.TRANSPORT), Set.of());
        UI.getCurrent().add(new PasswordView(accounts, new AppUser("li.na", EnumSet.of(Role.TRANSPORT))));
        _get(PasswordField.class, s -> s.withId("password-current")).setValue("jiaotong-2026");
        _get(PasswordField.class, s -> s.withId("password-new")).setValue("jiaotong-2027");
        _get(PasswordField.class, s -> s.withId("password-repeat")).setValue("jiaotong-2028");
        _click(_get(Button.class, s -> s.withId("password-change")));
        assertThat(_get(Paragraph.class, s -> s.withId("password-result")).getText())
                .isEqualTo("两次输入的新密码不一致。");

        _get(PasswordField.class, s -> s.withId("password-current")).setValue("jiaotong-2026");
        _get(PasswordField.class, s -> s.withId("password-new")).setValue("jiaotong-2027");
        _get(PasswordField.class, s -> s.withId("password-repeat")).setValue("jiaotong-2027");
        _click(_get(Button.class, s -> s.withId("password-change")));
        assertThat(_get(Paragraph.class, s -> s.withId("password-result")).getText())
                .isEqualTo("您的密码已修改。");
        assertThat(ENCODER.matches(
                        "jiaotong-2027", repository.find("li.na").orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void adminCreatesATokenSeesItOnceAndRevokesIt() {
        UI.getCurrent().add(new AccountsView(accounts, tokenService, ADMIN));
        _get(TextField.class, s -> s.withId("token-name")).setValue("水利局数据对接");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> tokenRoles = _get(CheckboxGroup.class, s -> s.withId("token-roles"));
        tokenRoles.setValue(EnumSet.of(Role.WATER));
        _click(_get(Button.class, s -> s.withId("token-create")));
        String shown = _get(Paragraph.class, s -> s.withId("token-secret")).getText();
        String token = shown.substring(shown.indexOf(ApiTokenService.PREFIX));
        assertThat(token).hasSize(ApiTokenService.PREFIX.length() + 43);
        assertThat(tokenService.authenticate(token).orElseThrow().name()).isEqualTo("token:水利局数据对接");

        @SuppressWarnings("unchecked")
        Grid<ApiToken> grid = _get(Grid.class, s -> s.withId("tokens-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        grid.select(GridKt._get(grid, 0));
        _click(_get(Button.class, s -> s.withId("token-revoke")));
        assertThat(tokenService.authenticate(token)).isEmpty();
    }
}
