package cn.yiyang.planning.layers.store;

import static cn.yiyang.planning.geo.access.AccessIndicator.HOUSEHOLD_ROAD_ACCESS_RATE;
import static cn.yiyang.planning.geo.access.AccessIndicator.LARGE_NATURAL_VILLAGE_HARDENED_ROAD_RATE;
import static cn.yiyang.planning.geo.access.AccessIndicator.RURAL_ACCESS_INDEX;
import static cn.yiyang.planning.geo.access.AccessIndicator.TOWNSHIP_CLASS3_ROAD_RATE;
import static cn.yiyang.planning.geo.access.AccessIndicator.VILLAGE_BUS_SERVICE_RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.AnalysisRunRepository;
import cn.yiyang.planning.layers.analysis.IndicatorTargetRepository;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract of the analysis records (runs, indicators, targets: migration V3) on both stores. Each
 * test uses its own analysis kind, so that they do not see each other's runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnalysisRunContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private TestStore test;
    private AnalysisRunRepository runs;
    private IndicatorTargetRepository targets;

    abstract StoreKind kind();

    @BeforeAll
    void open() {
        test = TestStores.create(kind());
        runs = new JdbcAnalysisRunRepository(test.store());
        targets = new JdbcIndicatorTargetRepository(test.store());
    }

    @AfterAll
    void close() throws Exception {
        test.close();
    }

    @Test
    void migrationCreatesTheAnalysisTables() throws Exception {
        Map<String, List<String>> expected = Map.of(
                "analysis_run",
                        List.of(
                                "id",
                                "kind",
                                "status",
                                "progress",
                                "requested_by",
                                "created_at",
                                "started_at",
                                "finished_at",
                                "settings",
                                "data_version",
                                "summary",
                                "message"),
                "analysis_indicator",
                        List.of(
                                "run_id",
                                "indicator",
                                "level",
                                "code",
                                "name",
                                "parent_code",
                                "grp",
                                "numerator",
                                "denominator",
                                "target"),
                "indicator_target", List.of("indicator", "period", "target", "source", "grp", "note_zh", "note_en"));
        try (Connection c = test.store().dataSource().getConnection()) {
            for (var table : expected.entrySet()) {
                Set<String> actual = new LinkedHashSet<>();
                String name = kind() == StoreKind.H2GIS ? table.getKey().toUpperCase(Locale.ROOT) : table.getKey();
                try (ResultSet rs = c.getMetaData().getColumns(null, null, name, null)) {
                    while (rs.next()) {
                        actual.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                assertThat(actual)
                        .as("columns of %s", table.getKey())
                        .containsExactlyInAnyOrderElementsOf(table.getValue());
            }
        }
    }

    @Test
    void runsAreCreatedUpdatedFoundAndListedNewestFirst() throws Exception {
        String kind = "road_access_crud";
        String settings = "{\"householdMetres\": 50, \"名称\": \"通户\"}";
        runs.create(new AnalysisRun("r1", kind, RunStatus.QUEUED, 0, "张三", T0, null, null, settings, null, null, null));
        runs.create(new AnalysisRun(
                "r2", kind, RunStatus.QUEUED, 0, "李四", T0.plusSeconds(60), null, null, null, null, null, null));
        runs.create(new AnalysisRun(
                "r0",
                "other_kind",
                RunStatus.QUEUED,
                0,
                "system",
                T0.plusSeconds(120),
                null,
                null,
                null,
                null,
                null,
                null));

        AnalysisRun r1 = runs.find("r1").orElseThrow();
        assertThat(r1.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(r1.createdAt()).isEqualTo(T0);
        assertThat(r1.startedAt()).isNull();
        assertThat(r1.requestedBy()).isEqualTo("张三");
        assertThat(JSON.readTree(r1.settingsJson())).isEqualTo(JSON.readTree(settings));

        AnalysisRun running = r1.started(T0.plusSeconds(1), "{\"road\": 17, \"household\": 3}")
                .withProgress(0.25);
        runs.update(running);
        assertThat(runs.find("r1").orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(r.progress()).isEqualTo(0.25);
            assertThat(r.startedAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(JSON.readTree(r.dataVersionJson()).get("road").asInt()).isEqualTo(17);
        });
        runs.update(running.succeeded(T0.plusSeconds(9), "{\"households\": 19000, \"unserved\": 412}"));
        runs.update(
                runs.find("r2").orElseThrow().started(T0.plusSeconds(61), null).failed(T0.plusSeconds(62), "NO_ROADS"));

        AnalysisRun done = runs.find("r1").orElseThrow();
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(JSON.readTree(done.summaryJson()).get("unserved").asInt()).isEqualTo(412);
        assertThat(JSON.readTree(done.settingsJson()))
                .as("settings do not change")
                .isEqualTo(JSON.readTree(settings));
        assertThat(runs.find("r2").orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.message()).isEqualTo("NO_ROADS");
        });

        assertThat(runs.recent(kind, 10)).extracting(AnalysisRun::id).containsExactly("r2", "r1");
        assertThat(runs.recent(kind, 1)).extracting(AnalysisRun::id).containsExactly("r2");
        assertThat(runs.latestSucceeded(kind)).map(AnalysisRun::id).contains("r1");
        assertThat(runs.latestSucceeded("other_kind")).isEmpty();
        assertThat(runs.find("nope")).isEmpty();
        assertThatThrownBy(() -> runs.update(new AnalysisRun(
                        "nope", kind, RunStatus.RUNNING, 0.5, "x", T0, T0, null, null, null, null, null)))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> runs.create(AnalysisRun.queued("r1", kind, "张三", null)))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).reason())
                .isEqualTo(StoreException.Reason.CONSTRAINT_VIOLATED);
    }

    @Test
    void theLatestSucceededRunIsTheOneThatFinishedLast() {
        String kind = "road_access_latest";
        AnalysisRun a = new AnalysisRun("l-a", kind, RunStatus.QUEUED, 0, "a", T0, null, null, null, null, null, null);
        AnalysisRun b = new AnalysisRun(
                "l-b", kind, RunStatus.QUEUED, 0, "b", T0.plusSeconds(5), null, null, null, null, null, null);
        runs.create(a);
        runs.create(b);
        assertThat(runs.latestSucceeded(kind)).isEmpty();
        runs.update(b.started(T0.plusSeconds(5), null).succeeded(T0.plusSeconds(6), "{}"));
        runs.update(a.started(T0, null).succeeded(T0.plusSeconds(30), "{}"));
        assertThat(runs.latestSucceeded(kind)).map(AnalysisRun::id).contains("l-a");
        assertThat(runs.recent(kind, 5)).extracting(AnalysisRun::id).containsExactly("l-b", "l-a");
    }

    @Test
    void tensOfThousandsOfIndicatorsAreSavedAtOnceAndFiltered() throws Exception {
        String run = "ind-1";
        runs.create(AnalysisRun.queued(run, "road_access_ind", "system", null));
        List<IndicatorValue> values = new ArrayList<>();
        AccessIndicator[] indicators = {
            HOUSEHOLD_ROAD_ACCESS_RATE,
            LARGE_NATURAL_VILLAGE_HARDENED_ROAD_RATE,
            TOWNSHIP_CLASS3_ROAD_RATE,
            VILLAGE_BUS_SERVICE_RATE,
            RURAL_ACCESS_INDEX
        };
        for (int v = 0; v < 1446; v++) {
            String code = "430921" + String.format("%06d", v);
            for (AccessIndicator indicator : indicators) {
                for (UnitGroup group : UnitGroup.values()) {
                    values.add(new IndicatorValue(
                            run,
                            indicator,
                            UnitLevel.VILLAGE,
                            code,
                            "村" + v,
                            code.substring(0, 9),
                            group,
                            v % 7,
                            v % 5,
                            indicator == TOWNSHIP_CLASS3_ROAD_RATE ? 0.85 : null));
                }
            }
        }
        values.add(new IndicatorValue(
                run,
                HOUSEHOLD_ROAD_ACCESS_RATE,
                UnitLevel.CITY,
                Region.CITY_CODE,
                "益阳市",
                null,
                UnitGroup.ALL,
                361_000,
                371_000,
                null));
        long start = System.nanoTime();
        runs.saveIndicators(run, values);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis)
                .as("saving %d indicators took %d ms", values.size(), millis)
                .isLessThan(20_000);

        assertThat(runs.indicators(run, UnitLevel.VILLAGE, null, null, null)).hasSize(1446 * 15);
        List<IndicatorValue> one = runs.indicators(run, UnitLevel.VILLAGE, "430921000012", null, null);
        assertThat(one).hasSize(15).allSatisfy(i -> assertThat(i.name()).isEqualTo("村12"));
        assertThat(one.getFirst().indicator()).isEqualTo(HOUSEHOLD_ROAD_ACCESS_RATE);
        assertThat(runs.indicators(
                        run, UnitLevel.VILLAGE, "430921000012", UnitGroup.KEY_SUPPORT, TOWNSHIP_CLASS3_ROAD_RATE))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.numerator()).isEqualTo(5);
                    assertThat(i.denominator()).isEqualTo(2);
                    assertThat(i.value()).isEqualTo(2.5);
                    assertThat(i.target()).isEqualTo(0.85);
                    assertThat(i.parentCode()).isEqualTo("430921000");
                });
        assertThat(runs.indicators(run, UnitLevel.VILLAGE, null, UnitGroup.DEMONSTRATION, RURAL_ACCESS_INDEX))
                .hasSize(1446)
                .allSatisfy(i -> assertThat(i.target()).isNull());
        IndicatorValue empty = runs.indicators(
                        run, UnitLevel.VILLAGE, "430921000005", UnitGroup.ALL, RURAL_ACCESS_INDEX)
                .getFirst();
        assertThat(empty.denominator()).isZero();
        assertThat(empty.value()).isNull();
        IndicatorValue city = runs.indicators(run, UnitLevel.CITY, Region.CITY_CODE, null, null)
                .getFirst();
        assertThat(city.value()).isCloseTo(361.0 / 371, Offset.offset(1e-12));
        assertThat(city.parentCode()).isNull();
        assertThat(runs.indicators(run, UnitLevel.COUNTY, null, null, null)).isEmpty();
        try (Connection c = test.store().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT indicator, level, grp FROM analysis_indicator WHERE run_id = ? AND code = ?")) {
            ps.setString(1, run);
            ps.setString(2, Region.CITY_CODE);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .as("stored by their stable ids")
                        .containsExactly("household_road_access_rate", "city", "all");
            }
        }

        // saving the same unit again replaces it
        runs.saveIndicators(
                run,
                List.of(new IndicatorValue(
                        run,
                        HOUSEHOLD_ROAD_ACCESS_RATE,
                        UnitLevel.CITY,
                        Region.CITY_CODE,
                        "益阳市",
                        null,
                        UnitGroup.ALL,
                        362_000,
                        371_000,
                        0.95)));
        assertThat(runs.indicators(run, UnitLevel.CITY, null, null, null))
                .singleElement()
                .satisfies(i -> assertThat(i.numerator()).isEqualTo(362_000));
        assertThatThrownBy(() -> runs.saveIndicators(
                        run,
                        List.of(new IndicatorValue(
                                "other",
                                RURAL_ACCESS_INDEX,
                                UnitLevel.CITY,
                                Region.CITY_CODE,
                                null,
                                null,
                                UnitGroup.ALL,
                                1,
                                1,
                                null))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runs.saveIndicators(
                        "no-such-run",
                        List.of(new IndicatorValue(
                                "no-such-run",
                                RURAL_ACCESS_INDEX,
                                UnitLevel.CITY,
                                Region.CITY_CODE,
                                null,
                                null,
                                UnitGroup.ALL,
                                1,
                                1,
                                null))))
                .as("indicators belong to a run")
                .isInstanceOf(StoreException.class);
    }

    @Test
    void historyFollowsTheSucceededRunsOldestFirst() {
        String kind = "road_access_history";
        String[] ids = {"h1", "h2", "h3", "h4"};
        RunStatus[] ends = {RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.SUCCEEDED, RunStatus.SUCCEEDED};
        for (int i = 0; i < ids.length; i++) {
            Instant at = T0.plusSeconds(3600L * i);
            AnalysisRun run = new AnalysisRun(
                    ids[i], kind, RunStatus.QUEUED, 0, "system", at, null, null, null, null, null, null);
            runs.create(run);
            runs.saveIndicators(
                    ids[i],
                    List.of(
                            new IndicatorValue(
                                    ids[i],
                                    HOUSEHOLD_ROAD_ACCESS_RATE,
                                    UnitLevel.COUNTY,
                                    "430921",
                                    "南县",
                                    Region.CITY_CODE,
                                    UnitGroup.ALL,
                                    900 + 10L * i,
                                    1000,
                                    null),
                            new IndicatorValue(
                                    ids[i],
                                    HOUSEHOLD_ROAD_ACCESS_RATE,
                                    UnitLevel.COUNTY,
                                    "430922",
                                    "桃江县",
                                    Region.CITY_CODE,
                                    UnitGroup.ALL,
                                    1,
                                    2,
                                    null)));
            AnalysisRun started = run.started(at, null);
            runs.update(
                    ends[i] == RunStatus.SUCCEEDED
                            ? started.succeeded(at.plusSeconds(5), "{}")
                            : started.failed(at.plusSeconds(5), "NO_ROADS"));
        }
        runs.create(AnalysisRun.queued("h5", kind, "system", null));

        List<IndicatorValue> trend =
                runs.history(kind, HOUSEHOLD_ROAD_ACCESS_RATE, UnitLevel.COUNTY, "430921", UnitGroup.ALL);
        assertThat(trend).extracting(IndicatorValue::runId).containsExactly("h1", "h3", "h4");
        assertThat(trend).extracting(IndicatorValue::numerator).containsExactly(900L, 920L, 930L);
        assertThat(runs.history(kind, HOUSEHOLD_ROAD_ACCESS_RATE, UnitLevel.COUNTY, "430921", UnitGroup.KEY_SUPPORT))
                .isEmpty();
        assertThat(runs.history("other_kind", HOUSEHOLD_ROAD_ACCESS_RATE, UnitLevel.COUNTY, "430921", UnitGroup.ALL))
                .isEmpty();
    }

    @Test
    void naturalVillageValuesOfRunsOlderThanTheLatestKeptAreDeletedAndNothingElse() {
        String kind = "road_access_prune";
        String[] ids = {"p1", "p2", "p3", "p4", "p5"};
        RunStatus[] ends = {
            RunStatus.SUCCEEDED, RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.SUCCEEDED, RunStatus.SUCCEEDED
        };
        for (int i = 0; i < ids.length; i++) {
            Instant at = T0.plusSeconds(3600L * i);
            AnalysisRun run = new AnalysisRun(
                    ids[i], kind, RunStatus.QUEUED, 0, "system", at, null, null, null, null, null, null);
            runs.create(run);
            runs.saveIndicators(ids[i], pruneValues(ids[i]));
            AnalysisRun started = run.started(at, null);
            runs.update(
                    ends[i] == RunStatus.SUCCEEDED
                            ? started.succeeded(at.plusSeconds(5), "{}")
                            : started.failed(at.plusSeconds(5), "NO_ROADS"));
        }
        // A run still going (another process's, say) and another kind's run, older than all: never touched.
        AnalysisRun going = new AnalysisRun(
                "p-going",
                kind,
                RunStatus.QUEUED,
                0,
                "system",
                T0.minusSeconds(60),
                null,
                null,
                null,
                null,
                null,
                null);
        runs.create(going);
        runs.saveIndicators("p-going", pruneValues("p-going"));
        runs.update(going.started(T0.minusSeconds(60), null));
        AnalysisRun other = new AnalysisRun(
                "p-other", "water_prune", RunStatus.QUEUED, 0, "system", T0, null, null, null, null, null, null);
        runs.create(other);
        runs.saveIndicators("p-other", pruneValues("p-other"));
        runs.update(other.started(T0, null).succeeded(T0.plusSeconds(1), "{}"));

        // Keep the latest two successes (p4, p5): p1, p2 and the failed p3 lose their natural villages' values.
        assertThat(runs.pruneLevel(kind, UnitLevel.NATURAL_VILLAGE, 2)).isEqualTo(3 * 2);
        for (String id : List.of("p1", "p2", "p3")) {
            assertThat(runs.indicators(id, UnitLevel.NATURAL_VILLAGE, null, null, null))
                    .as(id)
                    .isEmpty();
            assertThat(runs.indicators(id, UnitLevel.VILLAGE, null, null, null))
                    .as(id)
                    .hasSize(1);
        }
        for (String id : List.of("p4", "p5", "p-going", "p-other")) {
            assertThat(runs.indicators(id, UnitLevel.NATURAL_VILLAGE, null, null, null))
                    .as(id)
                    .hasSize(2);
        }
        assertThat(runs.history(kind, HOUSEHOLD_ROAD_ACCESS_RATE, UnitLevel.VILLAGE, "430921101201", UnitGroup.ALL))
                .extracting(IndicatorValue::runId)
                .containsExactly("p1", "p2", "p4", "p5");
        assertThat(runs.pruneLevel(kind, UnitLevel.NATURAL_VILLAGE, 2)).isZero();
        // Keeping one success: the run before it (p4) goes now.
        assertThat(runs.pruneLevel(kind, UnitLevel.NATURAL_VILLAGE, 1)).isEqualTo(2);
        assertThat(runs.indicators("p5", UnitLevel.NATURAL_VILLAGE, null, null, null))
                .hasSize(2);
        // Keeping none (a run about to succeed keeps its own): every finished run's go, the running one's stay.
        assertThat(runs.pruneLevel(kind, UnitLevel.NATURAL_VILLAGE, 0)).isEqualTo(2);
        assertThat(runs.indicators("p5", UnitLevel.NATURAL_VILLAGE, null, null, null))
                .isEmpty();
        assertThat(runs.indicators("p-going", UnitLevel.NATURAL_VILLAGE, null, null, null))
                .hasSize(2);
        assertThatThrownBy(() -> runs.pruneLevel(kind, UnitLevel.NATURAL_VILLAGE, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void naturalVillageValuesAreKeptAsOneDocumentPerIndicatorAndGroupAndReadAsRows() throws Exception {
        String kind = "road_access_documents";
        List<String> ids = List.of("d1", "d2");
        for (int r = 0; r < ids.size(); r++) {
            String id = ids.get(r);
            Instant at = T0.plusSeconds(600L * r);
            AnalysisRun run =
                    new AnalysisRun(id, kind, RunStatus.QUEUED, 0, "system", at, null, null, null, null, null, null);
            runs.create(run);
            List<IndicatorValue> values = new ArrayList<>();
            for (int v = 12_999; v >= 0; v--) { // not in code order
                String code = "430921101201" + String.format(Locale.ROOT, "%03d", v % 1000) + (v / 1000);
                for (UnitGroup g : List.of(UnitGroup.ALL, UnitGroup.KEY_SUPPORT)) {
                    values.add(new IndicatorValue(
                            id,
                            HOUSEHOLD_ROAD_ACCESS_RATE,
                            UnitLevel.NATURAL_VILLAGE,
                            code,
                            v == 7 ? null : "自然村\"" + v,
                            v == 8 ? null : "430921101201",
                            g,
                            v + r,
                            v + 10,
                            v == 9 ? null : 0.85));
                    values.add(new IndicatorValue(
                            id, RURAL_ACCESS_INDEX, UnitLevel.NATURAL_VILLAGE, code, "n", "p", g, 1, 2, null));
                }
            }
            values.add(new IndicatorValue(
                    id,
                    HOUSEHOLD_ROAD_ACCESS_RATE,
                    UnitLevel.CITY,
                    Region.CITY_CODE,
                    "益阳市",
                    null,
                    UnitGroup.ALL,
                    5,
                    6,
                    null));
            runs.saveIndicators(id, values);
            runs.update(run.started(at, null).succeeded(at.plusSeconds(5), "{}"));
        }
        try (Connection c = test.store().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM analysis_indicator WHERE "
                        + "run_id = 'd1'), (SELECT COUNT(*) FROM analysis_indicator_units WHERE run_id = 'd1'), "
                        + "(SELECT SUM(unit_count) FROM analysis_indicator_units WHERE run_id = 'd1')");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).containsExactly(1L, 4L, 52_000L);
        }

        List<IndicatorValue> all = runs.indicators("d1", UnitLevel.NATURAL_VILLAGE, null, null, null);
        assertThat(all).hasSize(52_000);
        assertThat(all)
                .isSortedAccordingTo(Comparator.comparing(IndicatorValue::code)
                        .thenComparing(v -> v.indicator().id())
                        .thenComparing(v -> v.group().id()));
        String code7 = "4309211012010070";
        List<IndicatorValue> seven = runs.indicators(
                "d1", UnitLevel.NATURAL_VILLAGE, code7, UnitGroup.KEY_SUPPORT, HOUSEHOLD_ROAD_ACCESS_RATE);
        assertThat(seven)
                .singleElement()
                .isEqualTo(new IndicatorValue(
                        "d1",
                        HOUSEHOLD_ROAD_ACCESS_RATE,
                        UnitLevel.NATURAL_VILLAGE,
                        code7,
                        null,
                        "430921101201",
                        UnitGroup.KEY_SUPPORT,
                        7,
                        17,
                        0.85));
        assertThat(runs.indicators("d1", UnitLevel.NATURAL_VILLAGE, "4309211012010080", UnitGroup.ALL, null))
                .extracting(IndicatorValue::parentCode, IndicatorValue::name)
                .containsOnly(tuple(null, "自然村\"8"), tuple("p", "n"));
        assertThat(runs.indicators(
                        "d1", UnitLevel.NATURAL_VILLAGE, "4309211012010090", null, HOUSEHOLD_ROAD_ACCESS_RATE))
                .extracting(IndicatorValue::target)
                .containsOnlyNulls();
        assertThat(runs.history(kind, HOUSEHOLD_ROAD_ACCESS_RATE, UnitLevel.NATURAL_VILLAGE, code7, UnitGroup.ALL))
                .extracting(IndicatorValue::runId, IndicatorValue::numerator)
                .containsExactly(tuple("d1", 7L), tuple("d2", 8L));

        // Saving some of a run's values again replaces those, the others stay.
        runs.saveIndicators(
                "d2",
                List.of(new IndicatorValue(
                        "d2",
                        HOUSEHOLD_ROAD_ACCESS_RATE,
                        UnitLevel.NATURAL_VILLAGE,
                        code7,
                        "改",
                        "430921101201",
                        UnitGroup.ALL,
                        1,
                        1,
                        null)));
        assertThat(runs.indicators("d2", UnitLevel.NATURAL_VILLAGE, null, UnitGroup.ALL, HOUSEHOLD_ROAD_ACCESS_RATE))
                .hasSize(13_000)
                .filteredOn(v -> v.code().equals(code7))
                .extracting(IndicatorValue::name)
                .containsExactly("改");

        // Rows of a natural village that a run saved before the documents (V28) are read and pruned beside them.
        try (Connection c = test.store().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO analysis_indicator (run_id, indicator, level, "
                        + "code, name, parent_code, grp, numerator, denominator) VALUES ('d1', 'rural_access_index', "
                        + "'natural_village', '430921101299001', '旧', '430921101299', 'demonstration', 3, 4)")) {
            ps.executeUpdate();
        }
        assertThat(runs.indicators("d1", UnitLevel.NATURAL_VILLAGE, "430921101299001", null, null))
                .extracting(IndicatorValue::name)
                .containsExactly("旧");
        assertThat(runs.history(
                        kind,
                        RURAL_ACCESS_INDEX,
                        UnitLevel.NATURAL_VILLAGE,
                        "430921101299001",
                        UnitGroup.DEMONSTRATION))
                .extracting(IndicatorValue::runId)
                .containsExactly("d1");
        assertThat(runs.pruneLevel(kind, UnitLevel.NATURAL_VILLAGE, 1)).isEqualTo(52_001);
        assertThat(runs.indicators("d1", UnitLevel.NATURAL_VILLAGE, null, null, null))
                .isEmpty();
        assertThat(runs.indicators("d1", UnitLevel.CITY, null, null, null)).hasSize(1);
        assertThat(runs.indicators("d2", UnitLevel.NATURAL_VILLAGE, null, null, null))
                .hasSize(52_000);
    }

    @Test
    void migratingKeepsTheNaturalVillageRowsOfEachKindsLatestFiveSuccessfulRuns() throws Exception {
        try (TestStore old = TestStores.createAt(kind(), "27")) {
            AnalysisRunRepository before = new JdbcAnalysisRunRepository(old.store());
            // Road access: 7 successes and a failure, newest last; water: one success.
            for (int i = 0; i < 9; i++) {
                String kind = i == 8 ? "water_supply" : "road_access";
                String id = "m" + i;
                Instant at = T0.plusSeconds(600L * i);
                AnalysisRun run = new AnalysisRun(
                        id, kind, RunStatus.QUEUED, 0, "system", at, null, null, null, null, null, null);
                before.create(run);
                try (Connection c = old.store().dataSource().getConnection();
                        Statement st = c.createStatement()) {
                    for (String level : List.of("natural_village", "village")) {
                        st.executeUpdate("INSERT INTO analysis_indicator (run_id, indicator, level, code, grp, "
                                + "numerator, denominator) VALUES ('" + id + "', 'household_road_access_rate', '"
                                + level + "', '4309211012010010', 'all', 1, 2)");
                    }
                }
                AnalysisRun started = run.started(at, null);
                before.update(
                        i == 6 ? started.failed(at.plusSeconds(5), "x") : started.succeeded(at.plusSeconds(5), "{}"));
            }

            old.store().migrate();

            AnalysisRunRepository after = new JdbcAnalysisRunRepository(old.store());
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                String id = "m" + i;
                if (!after.indicators(id, UnitLevel.NATURAL_VILLAGE, null, null, null)
                        .isEmpty()) {
                    kept.add(id);
                }
                assertThat(after.indicators(id, UnitLevel.VILLAGE, null, null, null))
                        .as(id)
                        .hasSize(1);
            }
            assertThat(kept).containsExactly("m2", "m3", "m4", "m5", "m7", "m8");
        }
    }

    @Test
    void indicatorValuesHaveTheirPrimaryKeyAsTheirOnlyIndex() throws Exception {
        // V27: the index on (level, code, indicator) served no query and cost a third of the saving of a run's values.
        try (Connection c = test.store().dataSource().getConnection()) {
            String table = kind() == StoreKind.H2GIS ? "ANALYSIS_INDICATOR" : "analysis_indicator";
            Set<String> columnsIndexed = new LinkedHashSet<>();
            Set<String> indexes = new LinkedHashSet<>();
            try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null) {
                        indexes.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                        columnsIndexed.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            assertThat(indexes).noneMatch(i -> i.contains("unit_idx"));
            assertThat(columnsIndexed).containsExactlyInAnyOrder("run_id", "indicator", "level", "code", "grp");
        }
    }

    private static List<IndicatorValue> pruneValues(String runId) {
        return List.of(
                new IndicatorValue(
                        runId,
                        HOUSEHOLD_ROAD_ACCESS_RATE,
                        UnitLevel.VILLAGE,
                        "430921101201",
                        "某村",
                        "430921101",
                        UnitGroup.ALL,
                        90,
                        100,
                        null),
                new IndicatorValue(
                        runId,
                        HOUSEHOLD_ROAD_ACCESS_RATE,
                        UnitLevel.NATURAL_VILLAGE,
                        "430921101201001",
                        "某组",
                        "430921101201",
                        UnitGroup.ALL,
                        9,
                        10,
                        null),
                new IndicatorValue(
                        runId,
                        AccessIndicator.HOUSEHOLD_NETWORK_ACCESS_RATE,
                        UnitLevel.NATURAL_VILLAGE,
                        "430921101201001",
                        "某组",
                        "430921101201",
                        UnitGroup.ALL,
                        8,
                        10,
                        null));
    }

    @Test
    void runsLeftQueuedOrRunningByAStoppedProcessAreMarkedInterrupted() {
        String kind = "road_access_interrupted";
        runs.create(AnalysisRun.queued("i-queued", kind, "system", null));
        AnalysisRun running = AnalysisRun.queued("i-running", kind, "system", null);
        runs.create(running);
        runs.update(running.started(Instant.now(), null).withProgress(0.4));
        AnalysisRun done = AnalysisRun.queued("i-done", kind, "system", null);
        runs.create(done);
        runs.update(done.started(T0, null).succeeded(T0.plusSeconds(1), "{}"));

        assertThat(runs.failInterrupted()).isGreaterThanOrEqualTo(2);

        for (String id : List.of("i-queued", "i-running")) {
            AnalysisRun r = runs.find(id).orElseThrow();
            assertThat(r.status()).as(id).isEqualTo(RunStatus.FAILED);
            assertThat(r.message()).isEqualTo(AnalysisRun.INTERRUPTED);
            assertThat(r.finishedAt()).isNotNull();
        }
        assertThat(runs.find("i-running").orElseThrow().progress()).isEqualTo(0.4);
        assertThat(runs.find("i-done").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runs.failInterrupted()).isZero();
    }

    @Test
    void thePlanTargetsAreSeededAndCanBeSet() {
        assertThat(targets.targets("2021-2025"))
                .containsOnly(
                        Map.entry("township_class3_road_rate", 0.85),
                        Map.entry("village_bus_service_rate", 1.0),
                        Map.entry("large_natural_village_hardened_road_rate", 1.0),
                        Map.entry("village_plan_coverage_rate", 1.0),
                        Map.entry("poverty_household_water_supply_rate", 1.0),
                        Map.entry("rural_sewage_treatment_rate", 0.35),
                        Map.entry("township_sewage_facility_rate", 1.0),
                        Map.entry("village_courier_service_rate", 1.0),
                        Map.entry("sanitary_toilet_rate", 0.9),
                        Map.entry("county_warehouse_rate", 1.0),
                        Map.entry("township_cold_chain_centre_rate", 1.0),
                        Map.entry("village_cold_chain_outlet_rate", 1.0),
                        Map.entry("water_quality_test_overdue_count", 0.0),
                        Map.entry("returned_to_poverty_count", 0.0),
                        Map.entry("compulsory_education_rate", 1.0),
                        Map.entry("basic_medical_insurance_rate", 1.0),
                        Map.entry("housing_safety_rate", 1.0),
                        Map.entry("leading_enterprise_growth_rate", 0.05),
                        Map.entry("doctors_per_thousand", 2.9));
        assertThat(targets.targets("2026-2030")).isEmpty();

        targets.set("household_road_access_rate", "2026-2030", 0.9, "测试");
        targets.set("household_road_access_rate", "2026-2030", 0.95, "测试二");
        assertThat(targets.targets("2026-2030")).containsOnly(Map.entry("household_road_access_rate", 0.95));
        assertThat(targets.targets("2021-2025")).hasSize(19);
        assertThatThrownBy(() -> targets.set("x", "2026-2030", 85, "percent, not a fraction"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
