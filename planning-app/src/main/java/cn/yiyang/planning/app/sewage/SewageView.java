package cn.yiyang.planning.app.sewage;

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
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 污水治理 ({@code /sewage}): the sewage analysis (rural sewage treatment rate, townships with a plant) and, below it,
 * the sanitary-toilet analysis, each on a {@link ThemeAnalysisPanel} (cards with value, target, met or not and the
 * change since the previous run; counties and townships; all, key-support or demonstration villages; run history;
 * settings and a run button for the sewage department), with links to the gap list, the untreated households and the
 * suggested sites ({@code findings/<layer>}) and to the gaps on the map, and what the latest sewage run found in
 * figures.
 */
@Route(value = "sewage", layout = MainLayout.class)
@PermitAll
public class SewageView extends Div implements HasDynamicTitle {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ThemeAnalysisPanel sewage;
    private final ThemeAnalysisPanel sanitation;
    private final Span figures = new Span();

    @Autowired
    public SewageView(AnalysisRunner runner, AuthenticationContext auth) {
        this(runner, AppUser.of(auth));
    }

    SewageView(AnalysisRunner runner, AppUser user) {
        addClassName("sewage-view");
        setId("sewage-view");
        H2 heading = new H2(getTranslation("sewage.heading"));
        Paragraph intro = new Paragraph(getTranslation("sewage.intro"));
        intro.addClassName("access-intro");
        SewageKind kind = (SewageKind) runner.kind(SewageKind.ID);
        sewage = new ThemeAnalysisPanel(runner, kind, user, kind.indicators(), "sewage");
        sewage.toolbar().add(links());
        figures.setId("sewage-summary");
        sewage.addShownListener(this::showSummary);
        H3 toilets = new H3(getTranslation("sanitation.heading"));
        Paragraph toiletsIntro = new Paragraph(getTranslation("sanitation.intro"));
        toiletsIntro.addClassName("access-intro");
        SanitationKind toiletKind = (SanitationKind) runner.kind(SanitationKind.ID);
        sanitation = new ThemeAnalysisPanel(runner, toiletKind, user, toiletKind.indicators(), "sanitation");
        Anchor toiletGaps = new Anchor("findings/" + LayerIds.SANITATION_GAP, getTranslation("sanitation.open-gaps"));
        toiletGaps.setId("sanitation-open-gaps");
        sanitation.toolbar().add(toiletGaps);
        add(heading, intro, sewage, figures, toilets, toiletsIntro, sanitation);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sewage.page-title");
    }

    /** Called by the poll: follows runs started on the page. */
    void refresh() {
        sewage.refresh();
        sanitation.refresh();
    }

    private Div links() {
        Anchor gaps = new Anchor("findings/" + LayerIds.SEWAGE_GAP, getTranslation("sewage.open-gaps"));
        gaps.setId("sewage-open-gaps");
        Anchor households =
                new Anchor("findings/" + LayerIds.SEWAGE_HOUSEHOLD, getTranslation("sewage.open-households"));
        households.setId("sewage-open-households");
        Anchor sites = new Anchor("findings/" + LayerIds.SEWAGE_SITE, getTranslation("sewage.open-sites"));
        sites.setId("sewage-open-sites");
        Anchor map = new Anchor(MapLink.to(Place.cityExtent(), LayerIds.SEWAGE_GAP), getTranslation("sewage.open-map"));
        map.setId("sewage-open-map");
        Div links = new Div(gaps, households, sites, map);
        links.addClassName("access-links");
        return links;
    }

    private void showSummary(Optional<AnalysisRun> run) {
        figures.setText("");
        Map<String, Object> s = run.filter(r -> r.summaryJson() != null)
                .map(r -> JSON.readValue(r.summaryJson(), new TypeReference<Map<String, Object>>() {}))
                .orElse(null);
        if (s == null || !s.containsKey("villagesUntreated")) {
            return;
        }
        Object modes = s.get("modes");
        Map<?, ?> m = modes instanceof Map<?, ?> map ? map : Map.of();
        figures.setText(getTranslation(
                "sewage.summary",
                number(s.get("facilitiesOperating")),
                number(s.get("facilitiesOverCapacity")),
                number(s.get("villagesUntreated")),
                number(m.get("connect_town")),
                number(m.get("village_central")),
                number(m.get("small_units")),
                number(s.get("sites"))));
    }

    private static long number(Object v) {
        return v instanceof Number n ? n.longValue() : 0;
    }
}
