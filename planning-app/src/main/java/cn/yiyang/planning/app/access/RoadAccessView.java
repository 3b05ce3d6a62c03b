package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.analysis.ThemeAnalysisPanel;
import cn.yiyang.planning.app.layout.MainLayout;
import cn.yiyang.planning.app.map.MapLink;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The road-access dashboard ({@code /roads/access}): the road-access analysis on a {@link ThemeAnalysisPanel} (the
 * latest run's indicators for the city, by county and township, targets beside values, for all villages or a group;
 * the city over the runs; for the transport department the thresholds and a run button with a progress bar), with
 * links to the gap list and the map, and what the latest run found about the network.
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

    @Autowired
    public RoadAccessView(AnalysisRunner runner, AuthenticationContext auth) {
        this(runner, AppUser.of(auth));
    }

    RoadAccessView(AnalysisRunner runner, AppUser user) {
        addClassName("access-view");
        setId("road-access-view");
        H2 heading = new H2(getTranslation("access.heading"));
        Paragraph intro = new Paragraph(getTranslation("access.intro"));
        intro.addClassName("access-intro");
        panel = new ThemeAnalysisPanel(runner, runner.kind(RoadAccessKind.ID), user, SHOWN, "access");
        panel.toolbar().add(links());
        problems.addClassName("access-problems");
        add(heading, intro, panel, problems);
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
