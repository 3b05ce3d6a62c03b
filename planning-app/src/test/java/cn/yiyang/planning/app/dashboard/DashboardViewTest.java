package cn.yiyang.planning.app.dashboard;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.access.RoadAccessKinds;
import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.indicator.IndicatorCatalogueService;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.plan.PlanCoverageServices;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.app.testsupport.Analyses;
import cn.yiyang.planning.app.testsupport.Audits;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.layers.analysis.CatalogueIndicator;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.store.JdbcAnalysisRunRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcIndicatorCatalogueRepository;
import cn.yiyang.planning.layers.store.JdbcIndicatorEntryRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard page without a server or browser, over an in-memory H2GIS store holding {@link DashboardTestData}: the
 * city's cards with the catalogue's targets, the choropleth and the charts of the counties, drill-down by the table and
 * by a click on the map, the group filter, the final evaluation.
 */
class DashboardViewTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestStores.TestStore store;
    private DashboardService service;
    private UnitShapes shapes;
    private DashboardPdf pdf;
    private DashboardView view;

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        store = TestStores.h2gis();
        JdbcFeatureRepository features = new JdbcFeatureRepository(store.store());
        LayerCatalogue catalogue = LayerCatalogue.standard();
        JdbcAnalysisRunRepository runs = new JdbcAnalysisRunRepository(store.store());
        DashboardTestData.load(features, catalogue, runs);
        DashboardTestData.entries(new JdbcIndicatorEntryRepository(store.store()));
        LayerVersions versions = new LayerVersions(features);
        PlaceService places = new PlaceService(features, catalogue, versions);
        IndicatorCatalogueService indicators = new IndicatorCatalogueService(
                new JdbcIndicatorCatalogueRepository(store.store()),
                new JdbcIndicatorEntryRepository(store.store()),
                places,
                Audits.log(store.store()),
                "2021-2025");
        AnalysisRunner runner = Analyses.runner(
                store.store(), features, versions, Runnable::run, List.of(RoadAccessKinds.of(features, catalogue)));
        service = new DashboardService(
                runner,
                indicators,
                PlanCoverageServices.of(store.store(), features, catalogue),
                places,
                DataScopes.standard());
        shapes = new UnitShapes(features, catalogue, versions);
        pdf = new DashboardPdf(
                service, runner, shapes, new Messages(), "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0");
        // a city-wide leader: the whole city, as before county scoping
        show(new AppUser("leader", EnumSet.of(Role.LEADER)));
    }

    /** The page as this user opens it, in place of the one shown. */
    private void show(AppUser user) {
        UI.getCurrent().removeAll();
        view = new DashboardView(service, shapes, pdf, Runnable::run, user);
        UI.getCurrent().add(view);
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        store.close();
    }

    @Test
    void theCitysCardsTheChoroplethAndTheChartsOfTheCounties() {
        Div card = _get(Div.class, spec -> spec.withId("dashboard-card-township_class3_road_rate"));
        assertThat(card.getElement().getTextRecursively()).isEqualTo("乡镇通三级公路比例66.7%目标 85.0%");
        assertThat(card.hasClassName("access-below")).isTrue();

        JsonNode map = JSON.readTree(_get(Choropleth.class, spec -> spec.withId("dashboard-choropleth"))
                .data());
        assertThat(map.get("features").size()).isEqualTo(2);
        JsonNode nanxian = map.get("features").get(0).get("properties");
        assertThat(nanxian.get("code").asString()).isEqualTo(DashboardTestData.NANXIAN);
        assertThat(nanxian.get("label").asString()).isEqualTo("50.0%");
        JsonNode legend = map.get("legend");
        assertThat(legend.get(0).get("label").asString()).isEqualTo("< 85.0%");
        assertThat(legend.get(1).get("label").asString()).isEqualTo("85.0% – 100.0%");
        assertThat(legend.get(2).get("label").asString()).isEqualTo("≥ 100.0%");
        assertThat(legend.get(3).get("label").asString()).isEqualTo("无数据");
        assertThat(nanxian.get("color").asString())
                .isEqualTo(legend.get(0).get("color").asString());

        JsonNode bars = JSON.readTree(_get(IndicatorChart.class, spec -> spec.withId("dashboard-chart-units"))
                .option());
        assertThat(bars.get("xAxis").get("data").toString()).isEqualTo("[\"南县\",\"桃江县\"]");
        assertThat(bars.get("series").get(0).get("data").toString()).isEqualTo("[50.0,100.0]");
        assertThat(bars.get("series")
                        .get(0)
                        .get("markLine")
                        .get("data")
                        .get(0)
                        .get("yAxis")
                        .asDouble())
                .isEqualTo(85.0);
        JsonNode distribution =
                JSON.readTree(_get(IndicatorChart.class, spec -> spec.withId("dashboard-chart-distribution"))
                        .option());
        assertThat(distribution.get("series").get(0).get("data").toString()).isEqualTo("[1,0,1]");
    }

    @SuppressWarnings("unchecked")
    @Test
    void drillsDownByTheTableAndByAClickOnTheMap() {
        Grid<DashboardValue> units = _get(Grid.class, spec -> spec.withId("dashboard-units"));
        assertThat(GridKt._size(units)).isEqualTo(2);
        GridKt._clickItem(units, 0);
        assertThat(view.unit().code()).isEqualTo(DashboardTestData.NANXIAN);
        _get(Button.class, spec -> spec.withId("dashboard-path-430900"));
        assertThat(GridKt._size(units)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(units, 0)).containsExactly("南洲镇", "100.0%", "85.0%", "达标");
        assertThat(GridKt._getFormattedRow(units, 1)).containsExactly("茅草街镇", "0.0%", "85.0%", "未达标");
        Div card = _get(Div.class, spec -> spec.withId("dashboard-card-township_class3_road_rate"));
        assertThat(card.getElement().getTextRecursively()).isEqualTo("乡镇通三级公路比例50.0%目标 85.0%较上次 +50.0 个百分点");
        Div doctors = _get(Div.class, spec -> spec.withId("dashboard-card-doctors_per_thousand"));
        assertThat(doctors.hasClassName("access-meets")).isTrue();

        Choropleth map = _get(Choropleth.class, spec -> spec.withId("dashboard-choropleth"));
        ComponentUtil.fireEvent(map, new Choropleth.UnitClick(map, true, DashboardTestData.NANZHOU));
        assertThat(view.unit().code()).isEqualTo(DashboardTestData.NANZHOU);
        _get(Button.class, spec -> spec.withId("dashboard-path-" + DashboardTestData.NANXIAN));
    }

    @SuppressWarnings("unchecked")
    @Test
    void theGroupFilterAndTheFinalEvaluation() {
        GridKt._clickItem(_get(Grid.class, spec -> spec.withId("dashboard-units")), 0);
        Grid<DashboardValue> evaluation = _get(Grid.class, spec -> spec.withId("dashboard-evaluation"));
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < GridKt._size(evaluation); r++) {
            rows.add(GridKt._getFormattedRow(evaluation, r));
        }
        assertThat(rows)
                .contains(
                        List.of("脱贫地区每千人口拥有执业(助理)医师数", "2.90 人/千人", "3.10 人/千人", "达标", "2025"),
                        List.of("乡镇通三级公路比例", "85.0%", "50.0%", "未达标", DashboardTestData.RUN_2),
                        List.of("实用性村庄规划覆盖率", "100.0%", "—", "—", "截至 2025-12-31 无数据"));

        _get(Select.class, spec -> spec.withId("dashboard-group")).setValue(UnitGroup.KEY_SUPPORT);
        Div card = _get(Div.class, spec -> spec.withId("dashboard-card-household_road_access_rate"));
        assertThat(card.getElement().getTextRecursively()).isEqualTo("硬化路通户率75.0%规划未设定数值目标");
        Select<CatalogueIndicator> indicator = _get(Select.class, spec -> spec.withId("dashboard-indicator"));
        assertThat(indicator.getValue().id()).isEqualTo("township_class3_road_rate");
    }

    @SuppressWarnings("unchecked")
    @Test
    void theTrendOfAManualIndicatorIsByEntryYear() {
        GridKt._clickItem(_get(Grid.class, spec -> spec.withId("dashboard-units")), 0);
        Select<CatalogueIndicator> indicator = _get(Select.class, spec -> spec.withId("dashboard-indicator"));
        indicator.setValue(indicator
                .getListDataView()
                .getItems()
                .filter(i -> i.id().equals("doctors_per_thousand"))
                .findFirst()
                .orElseThrow());
        JsonNode trend = JSON.readTree(_get(IndicatorChart.class, spec -> spec.withId("dashboard-chart-trend"))
                .option());
        assertThat(trend.get("xAxis").get("data").toString()).isEqualTo("[\"2024\",\"2025\"]");
        assertThat(trend.get("series").get(0).get("data").toString()).isEqualTo("[2.7,3.1]");
        assertThat(trend.get("title").get("text").asString()).isEqualTo("历次分析或历年趋势：南县");
    }

    @Test
    void thePdfIsBuiltOnTheReportWorkerAndThenOffered() {
        assertThat(view.pdfReady()).isFalse();
        view.buildPdf();
        MockVaadin.runUIQueue(); // runs what the worker handed to the page with ui.access
        assertThat(view.pdfReady()).isTrue();
        _assertNone(ProgressBar.class, spec -> spec.withId("dashboard-pdf-progress"));
        _get(Anchor.class, spec -> spec.withId("dashboard-pdf-download"));
        assertThat(_get(Button.class, spec -> spec.withId("dashboard-pdf")).isEnabled())
                .isTrue();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aCountyUserStartsAtItsCountyAndSeesAndDrillsIntoOnlyItsUnits() {
        show(new AppUser("nanxian.leader", EnumSet.of(Role.LEADER), Set.of(DashboardTestData.NANXIAN)));

        assertThat(view.unit().code()).isEqualTo(DashboardTestData.NANXIAN);
        _get(Button.class, spec -> spec.withId("dashboard-path-" + DashboardTestData.NANXIAN));
        _assertNone(Button.class, spec -> spec.withId("dashboard-path-430900"));
        Div card = _get(Div.class, spec -> spec.withId("dashboard-card-township_class3_road_rate"));
        assertThat(card.getElement().getTextRecursively()).isEqualTo("乡镇通三级公路比例50.0%目标 85.0%较上次 +50.0 个百分点");

        JsonNode map = JSON.readTree(_get(Choropleth.class, spec -> spec.withId("dashboard-choropleth"))
                .data());
        List<String> shown = new ArrayList<>();
        map.get("features")
                .forEach(f -> shown.add(f.get("properties").get("code").asString()));
        assertThat(shown).containsExactly(DashboardTestData.NANZHOU, DashboardTestData.MAOCAOJIE);
        JsonNode bars = JSON.readTree(_get(IndicatorChart.class, spec -> spec.withId("dashboard-chart-units"))
                .option());
        assertThat(bars.get("xAxis").get("data").toString()).isEqualTo("[\"南洲镇\",\"茅草街镇\"]");
        Grid<DashboardValue> units = _get(Grid.class, spec -> spec.withId("dashboard-units"));
        assertThat(GridKt._size(units)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(units, 0)).containsExactly("南洲镇", "100.0%", "85.0%", "达标");
        assertThat(GridKt._getFormattedRow(units, 1)).containsExactly("茅草街镇", "0.0%", "85.0%", "未达标");
        Grid<DashboardValue> evaluation = _get(Grid.class, spec -> spec.withId("dashboard-evaluation"));
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < GridKt._size(evaluation); r++) {
            rows.add(GridKt._getFormattedRow(evaluation, r));
        }
        assertThat(rows).contains(List.of("乡镇通三级公路比例", "85.0%", "50.0%", "未达标", DashboardTestData.RUN_2));
        assertThat(_get(Anchor.class, spec -> spec.withId("dashboard-xlsx")).getHref())
                .isEqualTo("/api/v1/dashboard/report.xlsx?code=" + DashboardTestData.NANXIAN + "&group=all");

        // neither the city nor another county, by the map, by the page's API or by a made-up click
        Choropleth choropleth = _get(Choropleth.class, spec -> spec.withId("dashboard-choropleth"));
        ComponentUtil.fireEvent(choropleth, new Choropleth.UnitClick(choropleth, true, DashboardTestData.TAOJIANG));
        assertThat(view.unit().code()).isEqualTo(DashboardTestData.NANXIAN);
        assertThat(view.go(service.unit(null).orElseThrow())).isFalse();
        assertThat(view.go(service.unit(DashboardTestData.TAOJIANG).orElseThrow()))
                .isFalse();
        assertThat(view.unit().code()).isEqualTo(DashboardTestData.NANXIAN);
        assertThat(GridKt._size(units)).isEqualTo(2);

        // down into its townships, and back up only as far as its county
        ComponentUtil.fireEvent(choropleth, new Choropleth.UnitClick(choropleth, true, DashboardTestData.NANZHOU));
        assertThat(view.unit().code()).isEqualTo(DashboardTestData.NANZHOU);
        _assertNone(Button.class, spec -> spec.withId("dashboard-path-430900"));
        _get(Button.class, spec -> spec.withId("dashboard-path-" + DashboardTestData.NANXIAN))
                .click();
        assertThat(view.unit().code()).isEqualTo(DashboardTestData.NANXIAN);
    }

    @Test
    void aUserOfTwoCountiesMovesBetweenThemButNotToTheCity() {
        show(new AppUser(
                "two.counties",
                EnumSet.of(Role.LEADER),
                Set.of(DashboardTestData.TAOJIANG, DashboardTestData.NANXIAN)));
        assertThat(view.unit().code()).isEqualTo(DashboardTestData.NANXIAN);
        _assertNone(Button.class, spec -> spec.withId("dashboard-path-430900"));
        _get(Button.class, spec -> spec.withId("dashboard-path-" + DashboardTestData.TAOJIANG))
                .click();
        assertThat(view.unit().code()).isEqualTo(DashboardTestData.TAOJIANG);
        _get(Button.class, spec -> spec.withId("dashboard-path-" + DashboardTestData.NANXIAN));
        assertThat(view.go(service.unit(null).orElseThrow())).isFalse();
    }

    @Test
    void theCitysLeaderStillStartsAtTheCity() {
        assertThat(view.unit().code()).isEqualTo("430900");
        _get(Button.class, spec -> spec.withId("dashboard-path-430900"));
        assertThat(view.go(service.unit(DashboardTestData.TAOJIANG).orElseThrow()))
                .isTrue();
        assertThat(view.unit().code()).isEqualTo(DashboardTestData.TAOJIANG);
    }
}
