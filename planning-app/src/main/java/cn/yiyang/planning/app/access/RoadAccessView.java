package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.analysis.ThemeAnalysisPanel;
import cn.yiyang.planning.app.layout.MainLayout;
import cn.yiyang.planning.app.map.MapLink;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.access.RouteAccess;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The road-access dashboard ({@code /roads/access}): the road-access analysis on a {@link ThemeAnalysisPanel} (the
 * latest run's indicators for the city, by county and township, targets beside values, for all villages or a group;
 * the city over the runs; for the transport department the thresholds and a run button with a progress bar), with
 * links to the gap list and the map, what the latest run found about the network, and road access per route
 * (路线编码: length, hardened, connected, segments not connected) when the roads carry route codes.
 */
@Route(value = "roads/access", layout = MainLayout.class)
@PermitAll
public class RoadAccessView extends Div implements HasDynamicTitle {

    /** The indicators shown, in order. */
    static final List<Indicator> SHOWN = List.of(
            AccessIndicator.HOUSEHOLD_ROAD_ACCESS_RATE,
            AccessIndicator.HOUSEHOLD_NETWORK_ACCESS_RATE,
            AccessIndicator.LARGE_NATURAL_VILLAGE_HARDENED_ROAD_RATE,
            AccessIndicator.TOWNSHIP_CLASS3_ROAD_RATE,
            AccessIndicator.VILLAGE_BUS_SERVICE_RATE,
            AccessIndicator.RURAL_ACCESS_INDEX);

    private final ThemeAnalysisPanel panel;
    private final Div problems = new Div();
    private final RoadAccessService access;
    private final Grid<RouteAccess.Route> routes = new Grid<>();
    private final Div routesCard = new Div();

    @Autowired
    public RoadAccessView(AnalysisRunner runner, RoadAccessService access, AuthenticationContext auth) {
        this(runner, access, AppUser.of(auth));
    }

    RoadAccessView(AnalysisRunner runner, AppUser user) {
        this(runner, null, user);
    }

    /** @param access per-route figures, or null for none */
    RoadAccessView(AnalysisRunner runner, RoadAccessService access, AppUser user) {
        this.access = access;
        addClassName("access-view");
        setId("road-access-view");
        H2 heading = new H2(getTranslation("access.heading"));
        Paragraph intro = new Paragraph(getTranslation("access.intro"));
        intro.addClassName("access-intro");
        panel = new ThemeAnalysisPanel(runner, runner.kind(RoadAccessKind.ID), user, SHOWN, "access");
        panel.toolbar().add(links());
        problems.addClassName("access-problems");
        add(heading, intro, panel, problems, routesCard());
        panel.addShownListener(this::showSummary);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("access.page-title");
    }

    /** Called by the poll: follows a run started on the page. */
    void refresh() {
        panel.refresh();
    }

    /** Road access per route (路线编码) from the latest run; hidden while no road has a route code. */
    private Div routesCard() {
        routes.addColumn(RouteAccess.Route::routeCode)
                .setHeader(getTranslation("access.routes.column.route"))
                .setAutoWidth(true)
                .setKey("route");
        routes.addColumn(RouteAccess.Route::segments)
                .setHeader(getTranslation("access.routes.column.segments"))
                .setTextAlign(ColumnTextAlign.END)
                .setKey("segments");
        routes.addColumn(r -> km(r.lengthM()))
                .setHeader(getTranslation("access.routes.column.length"))
                .setTextAlign(ColumnTextAlign.END)
                .setKey("length");
        routes.addColumn(r -> km(r.hardenedLengthM()))
                .setHeader(getTranslation("access.routes.column.hardened"))
                .setTextAlign(ColumnTextAlign.END)
                .setKey("hardened");
        routes.addColumn(r -> km(r.connectedLengthM()))
                .setHeader(getTranslation("access.routes.column.connected"))
                .setTextAlign(ColumnTextAlign.END)
                .setKey("connected");
        routes.addColumn(r -> String.join(
                        "、",
                        r.notConnected().stream()
                                .map(RouteAccess.Unconnected::id)
                                .toList()))
                .setHeader(getTranslation("access.routes.column.not-connected"))
                .setAutoWidth(true)
                .setKey("notConnected");
        routes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        routes.setAllRowsVisible(true);
        routes.setId("access-routes");
        routesCard.add(new H3(getTranslation("access.routes.title")), routes);
        routesCard.addClassName("access-routes");
        routesCard.setId("access-routes-card");
        routesCard.setVisible(false);
        return routesCard;
    }

    private static String km(double metres) {
        return String.format(Locale.ROOT, "%.2f", metres / 1000);
    }

    private Div links() {
        Anchor gaps = new Anchor("roads/gaps", getTranslation("access.open-gaps"));
        gaps.setId("access-open-gaps");
        Anchor map = new Anchor(MapLink.to(Place.cityExtent(), LayerIds.ACCESS_GAP), getTranslation("access.open-map"));
        map.setId("access-open-map");
        Div links = new Div(gaps, map);
        links.addClassName("access-links");
        return links;
    }

    private void showSummary(Optional<AnalysisRun> run) {
        problems.removeAll();
        List<RouteAccess.Route> perRoute = access == null || run.isEmpty() ? List.of() : access.routes(null);
        routes.setItems(perRoute);
        routesCard.setVisible(!perRoute.isEmpty());
        AccessRunSummary summary = run.flatMap(AccessRunSummary::of).orElse(null);
        if (summary == null) {
            return;
        }
        Span text = new Span(getTranslation(
                "access.summary",
                summary.households(),
                summary.networkKm(),
                summary.fragments(),
                summary.fragmentKm(),
                summary.impassableRoads(),
                summary.gaps()));
        text.setId("access-summary");
        Anchor fragments = new Anchor(
                MapLink.to(Place.cityExtent(), LayerIds.ACCESS_ROAD), getTranslation("access.open-road-status"));
        problems.add(text, fragments);
    }
}
