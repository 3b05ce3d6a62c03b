package cn.yiyang.planning.app.audit;

import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.system.ProblemException;
import cn.yiyang.planning.layers.audit.AuditChain;
import cn.yiyang.planning.layers.audit.AuditEntry;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit page ({@code /audit}, ADMIN): entries filtered by user, layer, feature, action and dates, newest first
 * (at most 10,000); the CSV of what is listed (from the API, signed by the page's session); and the chain check,
 * which names the first broken link. Texts are set as text, never as HTML.
 */
@Route("audit")
@RolesAllowed("ADMIN")
public class AuditView extends Div implements HasDynamicTitle {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final AuditLog audit;
    private final AppUser user;
    private final TextField userFilter = new TextField();
    private final TextField layer = new TextField();
    private final TextField feature = new TextField();
    private final TextField action = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Anchor csv = new Anchor();
    private final Paragraph chain = new Paragraph();

    @Autowired
    public AuditView(AuditLog audit, AuthenticationContext auth) {
        this(audit, AppUser.of(auth));
    }

    AuditView(AuditLog audit, AppUser user) {
        this.audit = audit;
        this.user = user;
        setId("audit-view");
        addClassName("audit-view");
        userFilter.setLabel(getTranslation("audit.user"));
        userFilter.setId("audit-user");
        layer.setLabel(getTranslation("audit.layer"));
        layer.setId("audit-layer");
        feature.setLabel(getTranslation("audit.feature"));
        feature.setId("audit-feature");
        action.setLabel(getTranslation("audit.action"));
        action.setId("audit-action");
        from.setLabel(getTranslation("audit.from"));
        from.setId("audit-from");
        to.setLabel(getTranslation("audit.to"));
        to.setId("audit-to");
        Button show = new Button(getTranslation("audit.show"), e -> refresh());
        show.setId("audit-show");
        csv.setText(getTranslation("audit.csv"));
        csv.setId("audit-csv");
        csv.getElement().setAttribute("download", true);
        Button check = new Button(getTranslation("audit.check"), e -> check());
        check.setId("audit-check");
        chain.setId("audit-chain");
        HorizontalLayout filters = new HorizontalLayout(userFilter, layer, feature, action, from, to, show);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        grid.setId("audit-grid");
        grid.addColumn(e -> e.id()).setHeader("#").setAutoWidth(true);
        grid.addColumn(e -> TIME.format(e.at())).setHeader(getTranslation("audit.at"));
        grid.addColumn(AuditEntry::user).setHeader(getTranslation("audit.user"));
        grid.addColumn(AuditEntry::address).setHeader(getTranslation("audit.address"));
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("audit.action"));
        grid.addColumn(AuditEntry::layer).setHeader(getTranslation("audit.layer"));
        grid.addColumn(AuditEntry::feature).setHeader(getTranslation("audit.feature"));
        grid.addColumn(AuditEntry::detail).setHeader(getTranslation("audit.detail"));
        add(new H2(getTranslation("audit.heading")), filters, new HorizontalLayout(csv, check), chain, grid);
        refresh();
    }

    private void refresh() {
        try {
            grid.setItems(audit.find(
                    user,
                    AuditQuery.filter(
                            userFilter.getValue(),
                            layer.getValue(),
                            feature.getValue(),
                            action.getValue(),
                            from.getValue(),
                            to.getValue())));
        } catch (ProblemException e) {
            chain.setText(getTranslation(e.messageKey(), e.arguments(getLocale())));
        }
        csv.setHref(csvLink());
    }

    private void check() {
        AuditChain.Check result = audit.verify(user);
        chain.setText(result.firstBreak()
                .map(b -> getTranslation("audit.chain.broken", result.entries(), b.id(), b.reason()))
                .orElseGet(() -> getTranslation("audit.chain.holds", result.entries())));
    }

    /** The API's CSV of what the filters list. */
    private String csvLink() {
        List<String> params = new ArrayList<>();
        param(params, "user", userFilter.getValue());
        param(params, "layer", layer.getValue());
        param(params, "feature", feature.getValue());
        param(params, "action", action.getValue());
        param(params, "from", from.getValue() == null ? null : from.getValue().toString());
        param(params, "to", to.getValue() == null ? null : to.getValue().toString());
        return "api/v1/audit.csv" + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    private static void param(List<String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.heading") + " · " + getTranslation("app.title");
    }
}
