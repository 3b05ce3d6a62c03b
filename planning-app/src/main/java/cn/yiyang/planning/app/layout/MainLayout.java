package cn.yiyang.planning.app.layout;

import cn.yiyang.planning.app.access.AccessGapView;
import cn.yiyang.planning.app.access.RoadAccessView;
import cn.yiyang.planning.app.audit.AuditView;
import cn.yiyang.planning.app.dashboard.DashboardView;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.importing.ImportView;
import cn.yiyang.planning.app.indicator.IndicatorEntryView;
import cn.yiyang.planning.app.indicator.IndicatorTargetsView;
import cn.yiyang.planning.app.layer.LayerService;
import cn.yiyang.planning.app.logistics.LogisticsView;
import cn.yiyang.planning.app.map.MapView;
import cn.yiyang.planning.app.plan.PlansView;
import cn.yiyang.planning.app.road.RoadRegisterView;
import cn.yiyang.planning.app.security.AccountsView;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.PasswordView;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.app.sewage.SewageView;
import cn.yiyang.planning.app.water.WaterView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;

/**
 * The frame around every signed-in page: title, the pages (map, data import, road access, gaps, 通返不通 register,
 * village plans),
 * the language switch (中文 / English, remembered for the session) and sign-out in one bar, and under it, when demo
 * data are loaded, a strip saying they are synthetic.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(LayerService layers, AuthenticationContext auth) {
        Span title = new Span(getTranslation("app.title"));
        title.addClassName("app-title");

        HorizontalLayout bar = new HorizontalLayout(title);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.addClassName("app-bar");
        bar.add(navigation(AppUser.of(auth).roles().contains(Role.ADMIN)));
        Span spacer = new Span();
        bar.add(spacer);
        bar.setFlexGrow(1, spacer);

        Select<Locale> language = new Select<>();
        language.setItems(Messages.LOCALES);
        language.setItemLabelGenerator(l -> getTranslation(Messages.EN.equals(l) ? "language.en" : "language.zh"));
        language.setValue(Messages.supported(getLocale()));
        language.setAriaLabel(getTranslation("language.label"));
        language.setId("language-select");
        language.addClassName("app-language");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                VaadinSession.getCurrent().setLocale(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
        bar.add(language);

        auth.getPrincipalName().ifPresent(name -> {
            // the user's name leads to changing their own password
            RouterLink user = new RouterLink(name, PasswordView.class);
            user.setId("nav-password");
            user.addClassName("app-user");
            Button logout = new Button(getTranslation("layout.logout"), e -> auth.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            logout.setId("logout");
            bar.add(user, logout);
        });
        // The synthetic-data notice is a strip of its own under the bar: inside the bar it pushed the
        // language switch and sign-out off screens narrower than about 1,600 px.
        Div navbar = new Div(bar);
        navbar.addClassName("app-navbar");
        if (layers.holdsSyntheticData()) {
            Div synthetic = new Div(getTranslation("app.synthetic-banner"));
            synthetic.addClassName("synthetic-banner");
            synthetic.setId("synthetic-banner");
            synthetic.getElement().setAttribute("role", "note");
            navbar.add(synthetic);
        }
        addToNavbar(navbar);
        setDrawerOpened(false); // no drawer content yet: do not reserve its width beside the page
    }

    /** The pages: 地图 / 数据导入 / 道路通达 / 通达缺口 / 通返不通台账 / 村庄规划 / 供水保障 (the current one highlighted). */
    private Nav navigation(boolean admin) {
        RouterLink map = new RouterLink(getTranslation("nav.map"), MapView.class);
        map.setId("nav-map");
        RouterLink imports = new RouterLink(getTranslation("nav.import"), ImportView.class);
        imports.setId("nav-import");
        RouterLink access = new RouterLink(getTranslation("nav.road-access"), RoadAccessView.class);
        access.setId("nav-road-access");
        RouterLink gaps = new RouterLink(getTranslation("nav.road-gaps"), AccessGapView.class);
        gaps.setId("nav-road-gaps");
        RouterLink roadRegister = new RouterLink(getTranslation("nav.road-register"), RoadRegisterView.class);
        roadRegister.setId("nav-road-register");
        RouterLink plans = new RouterLink(getTranslation("nav.plans"), PlansView.class);
        plans.setId("nav-plans");
        RouterLink sewage = new RouterLink(getTranslation("nav.sewage"), SewageView.class);
        sewage.setId("nav-sewage");
        RouterLink logistics = new RouterLink(getTranslation("nav.logistics"), LogisticsView.class);
        logistics.setId("nav-logistics");
        RouterLink water = new RouterLink(getTranslation("nav.water"), WaterView.class);
        water.setId("nav-water");
        RouterLink entries = new RouterLink(getTranslation("nav.indicator-entries"), IndicatorEntryView.class);
        entries.setId("nav-indicator-entries");
        RouterLink targets = new RouterLink(getTranslation("nav.indicator-targets"), IndicatorTargetsView.class);
        targets.setId("nav-indicator-targets");
        RouterLink dashboard = new RouterLink(getTranslation("nav.dashboard"), DashboardView.class);
        dashboard.setId("nav-dashboard");
        Nav nav = new Nav(
                map, imports, access, gaps, roadRegister, plans, water, sewage, logistics, entries, targets, dashboard);
        nav.addClassName("app-nav");
        if (admin) {
            RouterLink accounts = new RouterLink(getTranslation("nav.accounts"), AccountsView.class);
            accounts.setId("nav-accounts");
            RouterLink audit = new RouterLink(getTranslation("nav.audit"), AuditView.class);
            audit.setId("nav-audit");
            nav.add(accounts, audit);
        }
        return nav;
    }
}
