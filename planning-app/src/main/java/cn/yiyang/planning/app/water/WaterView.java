package cn.yiyang.planning.app.water;

import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.analysis.ThemeAnalysisPanel;
import cn.yiyang.planning.app.layout.MainLayout;
import cn.yiyang.planning.app.map.MapLink;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.security.AppUser;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 供水保障 ({@code /water}): the water-supply analysis on a {@link ThemeAnalysisPanel} (household, population and
 * poverty-household coverage and overdue water-quality tests by county and township, against the plan's targets; for
 * the water department the settings and a run button), with links to the lists of unserved households, the duty list
 * and the suggested sites ({@code findings/<layer>}) and to the map, and what the latest run counted.
 */
@Route(value = "water", layout = MainLayout.class)
@PermitAll
public class WaterView extends Div implements HasDynamicTitle {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ThemeAnalysisPanel panel;
    private final Div summary = new Div();

    @Autowired
    public WaterView(AnalysisRunner runner, AuthenticationContext auth) {
        this(runner, AppUser.of(auth));
    }

    WaterView(AnalysisRunner runner, AppUser user) {
        addClassName("access-view");
        setId("water-view");
        H2 heading = new H2(getTranslation("water.heading"));
        Paragraph intro = new Paragraph(getTranslation("water.intro"));
        intro.addClassName("access-intro");
        WaterSupplyKind kind = (WaterSupplyKind) runner.kind(WaterSupplyKind.ID);
        panel = new ThemeAnalysisPanel(runner, kind, user, kind.indicators(), "water");
        panel.toolbar().add(links());
        summary.addClassName("access-problems");
        add(heading, intro, panel, summary);
        panel.addShownListener(this::showSummary);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("water.page-title");
    }

    /** Called by the poll: follows a run started on the page. */
    void refresh() {
        panel.refresh();
    }

    private Div links() {
        Div links = new Div(
                link("water-open-duties", "findings/" + LayerIds.WATER_DUTY, "water.open-duties"),
                link("water-open-households", "findings/" + LayerIds.WATER_HOUSEHOLD, "water.open-households"),
                link("water-open-sites", "findings/" + LayerIds.WATER_SITE, "water.open-sites"),
                link("water-open-map", MapLink.to(Place.cityExtent(), LayerIds.WATER_HOUSEHOLD), "water.open-map"));
        links.addClassName("access-links");
        return links;
    }

    private Anchor link(String id, String href, String key) {
        Anchor a = new Anchor(href, getTranslation(key));
        a.setId(id);
        return a;
    }

    private void showSummary(Optional<AnalysisRun> run) {
        summary.removeAll();
        Map<String, Long> s = run.map(WaterView::figures).orElse(Map.of());
        if (!s.containsKey("households")) {
            return;
        }
        Span text = new Span(getTranslation(
                "water.summary",
                s.get("households"),
                s.get("householdsServed"),
                s.get("servedByServiceArea"),
                s.get("servedByMain"),
                s.get("worksServing"),
                s.get("works"),
                s.get("duties"),
                s.get("dutiesHigh"),
                s.get("suggestedSites")));
        text.setId("water-summary");
        summary.add(text);
    }

    /** @return the run's summary figures that are whole numbers */
    static Map<String, Long> figures(AnalysisRun run) {
        if (run.summaryJson() == null) {
            return Map.of();
        }
        Map<String, Long> out = new LinkedHashMap<>();
        JsonNode node = JSON.readTree(run.summaryJson());
        node.properties().forEach(e -> {
            if (e.getValue().isIntegralNumber()) {
                out.put(e.getKey(), e.getValue().asLong());
            }
        });
        return out;
    }
}
