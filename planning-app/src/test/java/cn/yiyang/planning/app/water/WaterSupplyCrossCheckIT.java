package cn.yiyang.planning.app.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.app.analysis.RunContext;
import cn.yiyang.planning.app.analysis.RunOutput;
import cn.yiyang.planning.app.analysis.RunProblem;
import cn.yiyang.planning.app.analysis.RunSettings;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.demo.DemoCityGenerator;
import cn.yiyang.planning.demo.DemoDataLoader;
import cn.yiyang.planning.demo.DemoScale;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The water-supply counts of the (small) demo city computed twice: by a water-supply run ({@link WaterSupplyKind}:
 * reading the layers from PostGIS, the analysis, the result rows) and independently by PostGIS SQL ({@link
 * PostgisWaterSql}); households served, by population and poverty households, and overdue tests, for the city and per
 * county, must be identical. The same run on the embedded H2GIS store must give the same indicators and rows. A few
 * works are changed first, the same in both stores, so that every status counts: stopped, under construction, a field
 * test newer than the records that failed, and a county code naming another county.
 */
class WaterSupplyCrossCheckIT {

    private static final LayerCatalogue CATALOGUE = LayerCatalogue.standard();
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    private static final String[] CHANGES = {
        "UPDATE water_work SET status = 'stopped' WHERE code = (SELECT min(code) FROM water_work WHERE kind = 'small')",
        "UPDATE water_work SET status = 'building' WHERE code = (SELECT max(code) FROM water_work WHERE kind = 'small')",
        "UPDATE water_work SET status = 'operating' WHERE code = 'SG430923001'",
        "UPDATE water_work SET last_tested_on = DATE '2026-11-30', last_test_result = 'fail' WHERE code = 'SG430902001'",
        "UPDATE water_work SET county_code = '430921' WHERE code = 'SG430903001'"
    };
    private static TestStore postgis;
    private static TestStore h2gis;
    private static RunOutput onPostgis;

    @BeforeAll
    static void load() throws Exception {
        postgis = TestStores.postgis();
        h2gis = TestStores.h2gis();
        for (TestStore db : List.of(postgis, h2gis)) {
            db.store().migrate();
            new DemoDataLoader(new JdbcFeatureRepository(db.store()), CATALOGUE)
                    .load(DemoScale.SMALL, DemoCityGenerator.DEFAULT_SEED);
            db.store().withConnection(c -> {
                try (Statement st = c.createStatement()) {
                    for (String sql : CHANGES) {
                        st.executeUpdate(sql);
                    }
                }
                return null;
            });
        }
        onPostgis = run(postgis);
    }

    @AfterAll
    static void drop() throws Exception {
        postgis.close();
        h2gis.close();
    }

    private static RunOutput run(TestStore db) {
        var repo = new JdbcFeatureRepository(db.store());
        Messages messages = new Messages();
        WaterSupplyKind kind =
                new WaterSupplyKind(repo, CATALOGUE, new AnalysisInputs(repo, CATALOGUE, messages), messages);
        RunSettings settings = RunSettings.resolve(kind.settings(), Map.of("asOf", AS_OF.toString()), AS_OF);
        return kind.compute(new RunContext("cross-check", "test", settings, p -> {}));
    }

    @Test
    void theDemoCityHasSomethingToFind() {
        UnitIndicator households = city("household_water_supply_rate");
        assertThat(households.denominator()).isGreaterThan(10_000);
        assertThat(households.value()).isStrictlyBetween(0.5, 1.0);
        assertThat(city("water_quality_test_overdue_count").numerator()).isPositive();
        assertThat(onPostgis.layers().get(LayerIds.WATER_HOUSEHOLD))
                .hasSize((int) (households.denominator() - households.numerator()));
        assertThat(onPostgis.layers().get(LayerIds.WATER_DUTY))
                .extracting(f -> f.getString("code"))
                .contains("SG430902001-test_failed");
        assertThat(onPostgis.problems())
                .extracting(RunProblem::code, RunProblem::feature)
                .contains(tuple("code_mismatch", "SG430903001"));
        assertThat(onPostgis.summary().get("works")).isEqualTo(230);
        assertThat((Long) onPostgis.summary().get("worksServing"))
                .as("stopped and building works do not serve")
                .isLessThan(((Integer) onPostgis.summary().get("works")).longValue());
    }

    @Test
    void postgisSqlCountsTheSame() throws Exception {
        PostgisWaterSql.Counts sql = postgis.store().withConnection(c -> PostgisWaterSql.run(c, 100, AS_OF, 6));
        Map<String, List<Long>> expected = new TreeMap<>();
        Map<String, List<Long>> actual = new TreeMap<>();
        sql.city().forEach((id, nd) -> {
            expected.put(id, List.of(nd[0], nd[1]));
            UnitIndicator u = city(id);
            actual.put(id, List.of(u.numerator(), u.denominator()));
        });
        assertThat(actual).isEqualTo(expected);
        sql.byCounty().forEach((id, counties) -> {
            Map<String, List<Long>> sqlCounties = new TreeMap<>();
            counties.forEach((code, nd) -> sqlCounties.put(code, List.of(nd[0], nd[1])));
            Map<String, List<Long>> javaCounties = new TreeMap<>();
            onPostgis.indicators().stream()
                    .filter(u -> u.level() == UnitLevel.COUNTY
                            && u.group() == UnitGroup.ALL
                            && u.indicator().id().equals(id)
                            && u.denominator() > 0)
                    .forEach(u -> javaCounties.put(u.code(), List.of(u.numerator(), u.denominator())));
            assertThat(javaCounties).as(id).isEqualTo(sqlCounties);
        });
    }

    @Test
    void theEmbeddedStoreGivesTheSameResults() {
        RunOutput onH2 = run(h2gis);
        Comparator<UnitIndicator> order = Comparator.comparing(
                        (UnitIndicator u) -> u.level().ordinal())
                .thenComparing(UnitIndicator::code)
                .thenComparing(u -> u.group().ordinal())
                .thenComparing(u -> u.indicator().id());
        assertThat(onH2.indicators().stream().sorted(order).toList())
                .isEqualTo(onPostgis.indicators().stream().sorted(order).toList());
        for (String layer : WaterSupplyKind.RESULT_LAYERS) {
            assertThat(codes(onH2, layer)).as(layer).isEqualTo(codes(onPostgis, layer));
        }
        assertThat(onH2.problems()).isEqualTo(onPostgis.problems());
    }

    private static List<String> codes(RunOutput out, String layer) {
        return out.layers().get(layer).stream()
                .map((Feature f) -> f.getString("code"))
                .sorted()
                .toList();
    }

    private static UnitIndicator city(String id) {
        return onPostgis.indicators().stream()
                .filter(u -> u.level() == UnitLevel.CITY
                        && u.group() == UnitGroup.ALL
                        && u.indicator().id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
