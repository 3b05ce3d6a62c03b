package cn.yiyang.planning.app.security;

import cn.yiyang.planning.app.system.ProblemException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.annotation.Autowired;

/** Changing one's own password ({@code /password}): the current one, the new one twice. */
@Route("password")
@PermitAll
public class PasswordView extends Div implements HasDynamicTitle {

    private final PasswordField current = new PasswordField();
    private final PasswordField password = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final Paragraph result = new Paragraph();

    @Autowired
    public PasswordView(AccountService accounts, AuthenticationContext auth) {
        this(accounts, AppUser.of(auth));
    }

    PasswordView(AccountService accounts, AppUser user) {
        setId("password-view");
        addClassName("password-view");
        current.setLabel(getTranslation("password.current"));
        current.setId("password-current");
        password.setLabel(getTranslation("password.new"));
        password.setHelperText(getTranslation("accounts.password.help", AccountService.MIN_PASSWORD));
        password.setId("password-new");
        repeat.setLabel(getTranslation("password.repeat"));
        repeat.setId("password-repeat");
        result.setId("password-result");
        Button change = new Button(getTranslation("password.change"), e -> {
            if (!password.getValue().equals(repeat.getValue())) {
                show(getTranslation("password.mismatch"), false);
                return;
            }
            try {
                accounts.changeOwnPassword(user, current.getValue(), password.getValue());
                show(getTranslation("password.changed"), true);
            } catch (ProblemException ex) {
                show(getTranslation(ex.messageKey(), ex.arguments(getLocale())), false);
            }
            current.clear();
            password.clear();
            repeat.clear();
        });
        change.setId("password-change");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("password.heading")), current, password, repeat, change, result);
    }

    private void show(String message, boolean ok) {
        result.setText(message);
        Notification n = Notification.show(message, 4000, Notification.Position.MIDDLE);
        n.addThemeVariants(ok ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.heading") + " · " + getTranslation("app.title");
    }
}
