package cn.yiyang.planning.app.security;

import cn.yiyang.planning.app.system.ProblemException;
import cn.yiyang.planning.layers.accounts.ApiToken;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The accounts page ({@code /accounts}, ADMIN): the stored accounts; creating one (name, first password, roles,
 * counties); for the selected account, disable or enable it, set a new password, change its roles and counties; the
 * accounts and addresses refused now for too many wrong passwords; and, while they exist, a note that the demo
 * accounts can sign in; the API tokens of machine clients (create: the token shown once; revoke). Every change goes through {@link AccountService}, which checks the permission again.
 */
@Route("accounts")
@RolesAllowed("ADMIN")
public class AccountsView extends Div implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AccountService accounts;
    private final AppUser user;
    private final TextField name = new TextField();
    private final PasswordField password = new PasswordField();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final TextField counties = new TextField();
    private final Button create = new Button();
    private final Button assign = new Button();
    private final Button toggle = new Button();
    private final PasswordField newPassword = new PasswordField();
    private final Button reset = new Button();
    private final Grid<AccountService.AccountRow> grid = new Grid<>();
    private final Grid<SignInThrottle.Lock> locks = new Grid<>();
    private final ApiTokenService tokens;
    private final Grid<ApiToken> tokenGrid = new Grid<>();
    private final Paragraph secret = new Paragraph();

    @Autowired
    public AccountsView(AccountService accounts, ApiTokenService tokens, AuthenticationContext auth) {
        this(accounts, tokens, AppUser.of(auth));
    }

    AccountsView(AccountService accounts, ApiTokenService tokens, AppUser user) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.user = user;
        setId("accounts-view");
        addClassName("accounts-view");
        add(new H2(getTranslation("accounts.heading")));
        if (accounts.demoAccountsActive()) {
            Paragraph demo = new Paragraph(getTranslation("accounts.demo-note"));
            demo.setId("accounts-demo-note");
            add(demo);
        }
        add(form(), buildGrid(), selected(), new H3(getTranslation("accounts.locks.title")), buildLocks());
        add(new H3(getTranslation("tokens.title")), new TokenForm(), secret, buildTokens());
        refresh();
    }

    private Div form() {
        name.setLabel(getTranslation("accounts.name"));
        name.setId("account-name");
        password.setLabel(getTranslation("accounts.password"));
        password.setHelperText(getTranslation("accounts.password.help", AccountService.MIN_PASSWORD));
        password.setId("account-password");
        roles.setLabel(getTranslation("accounts.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation(roleKey(r)));
        roles.setId("account-roles");
        counties.setLabel(getTranslation("accounts.counties"));
        counties.setHelperText(getTranslation("accounts.counties.help"));
        counties.setId("account-counties");
        create.setText(getTranslation("accounts.create"));
        create.setId("account-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> act(() -> {
            accounts.create(user, name.getValue(), password.getValue(), roles.getValue(), codes());
            notice(getTranslation("accounts.created", name.getValue().strip()));
            password.clear();
        }));
        Div form = new Div(new HorizontalLayout(name, password, counties), roles, create);
        form.addClassName("accounts-form");
        return form;
    }

    private Grid<AccountService.AccountRow> buildGrid() {
        grid.setId("accounts-grid");
        grid.addColumn(AccountService.AccountRow::name).setHeader(getTranslation("accounts.name"));
        grid.addColumn(r -> r.roles().stream()
                        .map(role -> getTranslation(roleKey(role)))
                        .collect(Collectors.joining("、")))
                .setHeader(getTranslation("accounts.roles"));
        grid.addColumn(r -> r.counties().isEmpty()
                        ? getTranslation("accounts.counties.all")
                        : String.join(", ", new TreeSet<>(r.counties())))
                .setHeader(getTranslation("accounts.counties"));
        grid.addColumn(r -> getTranslation(r.enabled() ? "accounts.enabled" : "accounts.disabled"))
                .setHeader(getTranslation("accounts.state"));
        grid.addColumn(r -> r.account().createdBy()).setHeader(getTranslation("accounts.created-by"));
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));
        return grid;
    }

    private HorizontalLayout selected() {
        toggle.setId("account-toggle");
        assign.setText(getTranslation("accounts.assign"));
        assign.setId("account-assign");
        newPassword.setLabel(getTranslation("accounts.new-password"));
        newPassword.setId("account-new-password");
        reset.setText(getTranslation("accounts.reset"));
        reset.setId("account-reset");
        toggle.addClickListener(e -> withSelected(row -> {
            accounts.setEnabled(user, row.name(), !row.enabled());
            notice(getTranslation(row.enabled() ? "accounts.disabled-notice" : "accounts.enabled-notice", row.name()));
        }));
        assign.addClickListener(e -> withSelected(row -> {
            accounts.assign(user, row.name(), roles.getValue(), codes());
            notice(getTranslation("accounts.assigned", row.name()));
        }));
        reset.addClickListener(e -> withSelected(row -> {
            accounts.resetPassword(user, row.name(), newPassword.getValue());
            newPassword.clear();
            notice(getTranslation("accounts.reset-notice", row.name()));
        }));
        HorizontalLayout bar = new HorizontalLayout(assign, toggle, newPassword, reset);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        select(null);
        return bar;
    }

    private Grid<SignInThrottle.Lock> buildLocks() {
        locks.setId("accounts-locks");
        locks.addColumn(l -> getTranslation(kindKey(l.kind()))).setHeader(getTranslation("accounts.locks.kind"));
        locks.addColumn(SignInThrottle.Lock::key).setHeader(getTranslation("accounts.locks.key"));
        locks.addColumn(SignInThrottle.Lock::failures).setHeader(getTranslation("accounts.locks.failures"));
        locks.addColumn(l -> TIME.format(l.until().atZone(ZoneId.of("Asia/Shanghai"))))
                .setHeader(getTranslation("accounts.locks.until"));
        locks.setAllRowsVisible(true);
        return locks;
    }

    /** Creating a token: name, roles, counties, last day; the secret is shown once under it. */
    private final class TokenForm extends Div {
        TokenForm() {
            TextField tokenName = new TextField(getTranslation("tokens.name"));
            tokenName.setId("token-name");
            CheckboxGroup<Role> tokenRoles = new CheckboxGroup<>(getTranslation("accounts.roles"));
            tokenRoles.setItems(Role.values());
            tokenRoles.setItemLabelGenerator(r -> getTranslation(roleKey(r)));
            tokenRoles.setId("token-roles");
            TextField tokenCounties = new TextField(getTranslation("accounts.counties"));
            tokenCounties.setHelperText(getTranslation("accounts.counties.help"));
            tokenCounties.setId("token-counties");
            DatePicker expires = new DatePicker(getTranslation("tokens.expires"));
            expires.setHelperText(getTranslation("tokens.expires.help"));
            expires.setId("token-expires");
            Button create = new Button(
                    getTranslation("tokens.create"),
                    e -> act(() -> {
                        ApiTokenService.Created created = tokens.create(
                                user,
                                tokenName.getValue(),
                                tokenRoles.getValue(),
                                codes(tokenCounties.getValue()),
                                expires.getValue());
                        secret.setText(getTranslation("tokens.secret", created.secret()));
                        tokenName.clear();
                    }));
            create.setId("token-create");
            Button revoke = new Button(getTranslation("tokens.revoke"), e -> {
                ApiToken t = tokenGrid.asSingleSelect().getValue();
                if (t != null) {
                    act(() -> {
                        tokens.revoke(user, t.id());
                        notice(getTranslation("tokens.revoked", t.name()));
                    });
                }
            });
            revoke.setId("token-revoke");
            add(
                    new HorizontalLayout(tokenName, tokenCounties, expires),
                    tokenRoles,
                    new HorizontalLayout(create, revoke));
        }
    }

    private Grid<ApiToken> buildTokens() {
        secret.setId("token-secret");
        tokenGrid.setId("tokens-grid");
        tokenGrid.addColumn(ApiToken::name).setHeader(getTranslation("tokens.name"));
        tokenGrid
                .addColumn(t -> SignInAccount.roles(t.roles()).stream()
                        .map(r -> getTranslation(roleKey(r)))
                        .collect(Collectors.joining("、")))
                .setHeader(getTranslation("accounts.roles"));
        tokenGrid
                .addColumn(t -> t.counties().isEmpty()
                        ? getTranslation("accounts.counties.all")
                        : String.join(", ", new TreeSet<>(t.counties())))
                .setHeader(getTranslation("accounts.counties"));
        tokenGrid
                .addColumn(t -> t.expiresAt() == null
                        ? "-"
                        : TIME.format(t.expiresAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai"))))
                .setHeader(getTranslation("tokens.expires"));
        tokenGrid
                .addColumn(t -> getTranslation(t.revokedAt() != null ? "tokens.state.revoked" : "accounts.enabled"))
                .setHeader(getTranslation("accounts.state"));
        tokenGrid.addColumn(ApiToken::createdBy).setHeader(getTranslation("accounts.created-by"));
        tokenGrid.setAllRowsVisible(true);
        return tokenGrid;
    }

    private void select(AccountService.AccountRow row) {
        boolean any = row != null;
        assign.setEnabled(any);
        toggle.setEnabled(any);
        reset.setEnabled(any);
        toggle.setText(getTranslation(any && !row.enabled() ? "accounts.enable" : "accounts.disable"));
        if (any) {
            roles.setValue(row.roles().isEmpty() ? Set.of() : EnumSet.copyOf(row.roles()));
            counties.setValue(String.join(", ", new TreeSet<>(row.counties())));
        }
    }

    private Set<String> codes() {
        return codes(counties.getValue());
    }

    private static Set<String> codes(String text) {
        return Arrays.stream(text.split("[,，、;\\s]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private void withSelected(Consumer<AccountService.AccountRow> change) {
        AccountService.AccountRow row = grid.asSingleSelect().getValue();
        if (row != null) {
            act(() -> change.accept(row));
        }
    }

    /** Runs a change; a refusal is shown in the page's language, and the lists are read again either way. */
    private void act(Runnable change) {
        try {
            change.run();
        } catch (ProblemException e) {
            Notification n = Notification.show(
                    getTranslation(e.messageKey(), e.arguments(getLocale())), 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setId("accounts-error");
        }
        refresh();
    }

    private void notice(String message) {
        Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void refresh() {
        String chosen = grid.asSingleSelect().getValue() == null
                ? null
                : grid.asSingleSelect().getValue().name();
        List<AccountService.AccountRow> rows = accounts.accounts(user);
        grid.setItems(rows);
        rows.stream().filter(r -> r.name().equals(chosen)).findFirst().ifPresent(grid::select);
        locks.setItems(accounts.locks(user));
        tokenGrid.setItems(tokens.tokens(user));
    }

    /** The key of a role's name ({@code accounts.role.WATER} …). */
    static String roleKey(Role role) {
        return "accounts.role." + role.name();
    }

    /** The key of what a lock holds ({@code accounts.locks.ACCOUNT}, {@code accounts.locks.ADDRESS}). */
    static String kindKey(SignInThrottle.Kind kind) {
        return "accounts.locks." + kind.name();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.heading") + " · " + getTranslation("app.title");
    }
}
