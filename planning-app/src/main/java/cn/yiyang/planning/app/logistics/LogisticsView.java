package cn.yiyang.planning.app.logistics;

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
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 冷链物流 ({@code /logistics}): the cold-chain and courier analysis on a {@link ThemeAnalysisPanel} (一县一仓储,
 * 一乡一中心, 一村一网点 and 建制村通物流快递 for the city, by county and township, against the plan's targets; the
 * settings and a run button for the logistics department), with links to the gap list, the suggested sites (both
 * filtered and exported by the findings list) and the map of both.
 */
@Route(value = "logistics", layout = MainLayout.class)
@PermitAll
public class LogisticsView extends Div implements HasDynamicTitle {

    private final ThemeAnalysisPanel panel;
    private final Span summary = new Span();

    @Autowired
    public LogisticsView(AnalysisRunner runner, AuthenticationContext auth) {
        this(runner, AppUser.of(auth));
    }

    LogisticsView(AnalysisRunner runner, AppUser user) {
        addClassName("logistics-view");
        setId("logistics-view");
        H2 heading = new H2(getTranslation("logistics.heading"));
        Paragraph intro = new Paragraph(getTranslation("logistics.intro"));
        intro.addClassName("access-intro");
        panel = new ThemeAnalysisPanel(
                runner, runner.kind(LogisticsKind.ID), user, LogisticsKind.INDICATORS, "logistics");
        panel.toolbar().add(links());
        summary.setId("logistics-summary");
        add(heading, intro, panel, summary);
        panel.addShownListener(this::showSummary);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("logistics.page-title");
    }

    /** Called by the poll: follows a run started on the page. */
    void refresh() {
        panel.refresh();
    }

    private Div links() {
        Anchor gaps = new Anchor("findings/" + LayerIds.LOGISTICS_GAP, getTranslation("logistics.open-gaps"));
        gaps.setId("logistics-open-gaps");
        Anchor sites = new Anchor("findings/" + LayerIds.LOGISTICS_SITE, getTranslation("logistics.open-sites"));
        sites.setId("logistics-open-sites");
        Anchor map = new Anchor(
                MapLink.to(Place.cityExtent(), LayerIds.LOGISTICS_GAP), getTranslation("logistics.open-map"));
        map.setId("logistics-open-map");
        Div links = new Div(gaps, sites, map);
        links.addClassName("access-links");
        return links;
    }

    private void showSummary(Optional<AnalysisRun> run) {
        summary.setText("");
        JsonNode s = run.map(AnalysisRun::summaryJson)
                .filter(j -> j != null && !j.isBlank())
                .map(j -> JsonMapper.builder().build().readTree(j))
                .orElse(null);
        if (s == null || !s.has("gaps")) {
            return;
        }
        summary.setText(getTranslation(
                "logistics.summary",
                s.path("sites").asLong(),
                s.path("courierPoints").asLong(),
                s.path("gaps").asLong(),
                s.path("suggestedSites").asLong(),
                s.path("problemCount").asLong()));
    }
}
