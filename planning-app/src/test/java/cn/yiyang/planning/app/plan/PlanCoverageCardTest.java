package cn.yiyang.planning.app.plan;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcIndicatorTargetRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The plan coverage card without a browser (Karibu), over an in-memory H2GIS store with two counties: 3 of 4 rural
 * villages covered in one (an urban community and a plan under review do not count), none of 1 in the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanCoverageCardTest {

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private TestStores.TestStore store;
    private PlanCoverageService coverage;

    @BeforeAll
    void load() {
        store = TestStores.h2gis();
        FeatureRepository repo = new JdbcFeatureRepository(store.store());
        load(repo, "county", Map.of("code", "430921", "name", "南县"), Map.of("code", "430922", "name", "桃江县"));
        load(
                repo,
                "township",
                Map.of("code", "430921100", "name", "南洲镇", "county_code", "430921"),
                Map.of("code", "430922100", "name", "桃花江镇", "county_code", "430922"));
        load(
                repo,
                "village",
                village("430921100201", "220", true),
                village("430921100202", "220", false),
                village("430921100203", "220", false),
                village("430921100204", "220", true),
                village("430921100001", "111", false),
                village("430922100201", "220", false));
        load(
                repo,
                "village_plan",
                plan("P1", "approved", "430921100201、430921100202"),
                plan("P2", "entered", "430921100203,430921100001"),
                plan("P3", "reviewing", "430921100204 430922100201"));
        coverage = new PlanCoverageService(
                repo, catalogue, new JdbcIndicatorTargetRepository(store.store()), "2021-2025", new Messages());
    }

    @AfterAll
    void close() throws Exception {
        store.close();
    }

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void theCityByGroupAgainstTheTargetAndEachCounty() {
        UI.getCurrent().add(new PlanCoverageCard(coverage));
        assertThat(_get(Span.class, s -> s.withId("plan-coverage-headline")).getText())
                .as("one line on the register page, the details open below it")
                .isEqualTo("村庄规划覆盖率：60.0% (3 / 5)，目标 100.0%（点击查看分组和区县）");
        assertThat(_get(Details.class, s -> s.withId("plan-coverage-details")).isOpened())
                .isFalse();
        Div all = _get(Div.class, s -> s.withId("plan-coverage-all"));
        assertThat(texts(all)).containsExactly("全部村", "60.0%", "3 / 5", "目标 100.0%");
        assertThat(all.getClassNames()).contains("access-below");
        assertThat(texts(_get(Div.class, s -> s.withId("plan-coverage-key_support"))))
                .containsExactly("重点帮扶村", "50.0%", "1 / 2", "目标 100.0%");
        assertThat(texts(_get(Div.class, s -> s.withId("plan-coverage-demonstration"))))
                .contains("—", "0 / 0");

        @SuppressWarnings("unchecked")
        Grid<IndicatorValue> counties = _get(Grid.class, s -> s.withId("plan-coverage-counties"));
        assertThat(GridKt._size(counties)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(counties, 0)).containsExactly("南县", "75.0% (3 / 4)", "100.0%");
        assertThat(GridKt._getFormattedRow(counties, 1)).containsExactly("桃江县", "0.0% (0 / 1)", "100.0%");
    }

    @Test
    void inEnglish() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().add(new PlanCoverageCard(coverage));
        assertThat(texts(_get(Div.class, s -> s.withId("plan-coverage-all")))).contains("Target 100.0%");
    }

    private static List<String> texts(Div card) {
        return card.getChildren().map(c -> ((Span) c).getText()).collect(Collectors.toList());
    }

    @SafeVarargs
    private void load(FeatureRepository repo, String layer, Map<String, Object>... rows) {
        List<Feature> features = new ArrayList<>();
        for (Map<String, Object> a : rows) {
            features.add(Feature.of(a, box(a.get("code").toString())));
        }
        repo.load(catalogue.get(layer), LoadMode.REPLACE, features.iterator());
    }

    private static Map<String, Object> village(String code, String urbanRural, boolean keySupport) {
        return Map.of(
                "code", code,
                "name", "村" + code.substring(9),
                "township_code", code.substring(0, 9),
                "urban_rural_code", urbanRural,
                "key_support", keySupport);
    }

    private static Map<String, Object> plan(String code, String status, String villages) {
        return Map.of("code", code, "name", code + "村庄规划", "status", status, "village_codes", villages);
    }

    private static Geometry box(String code) {
        double x = 112.0 + Math.floorMod(code.hashCode(), 100) * 0.005;
        double y = 28.3 + Math.floorMod(code.hashCode() / 100, 100) * 0.005;
        return LayerGeometry.FACTORY.createMultiPolygon(new Polygon[] {
            LayerGeometry.FACTORY.createPolygon(new Coordinate[] {
                new Coordinate(x, y),
                new Coordinate(x + 0.004, y),
                new Coordinate(x + 0.004, y + 0.004),
                new Coordinate(x, y + 0.004),
                new Coordinate(x, y)
            })
        });
    }
}
