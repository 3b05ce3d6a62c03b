package cn.yiyang.planning.app.dashboard;

import static cn.yiyang.planning.geo.access.AccessIndicator.HOUSEHOLD_ROAD_ACCESS_RATE;
import static cn.yiyang.planning.geo.access.AccessIndicator.TOWNSHIP_CLASS3_ROAD_RATE;

import cn.yiyang.planning.app.indicator.IndicatorTestData;
import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.AnalysisRunRepository;
import cn.yiyang.planning.layers.analysis.IndicatorEntry;
import cn.yiyang.planning.layers.analysis.IndicatorEntryRepository;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@link IndicatorTestData}'s units with two stored road-access runs and two entries, checked by hand.
 *
 * <p>Run 1 (2025-01-01): 南县 乡镇通三级公路 0/2. Run 2 (2025-06-01): city 2/3; 南县 1/2, 桃江县 1/1; 南洲镇 1/1, 茅草街镇
 * 0/1, 桃花江镇 1/1; 南县 通户 80/100 (all), 30/40 (key support). Entries: 南县 每千人口执业(助理)医师数 2.7 (2024), 3.1
 * (2025).
 */
final class DashboardTestData {

    static final String NANXIAN = IndicatorTestData.NANXIAN;
    static final String TAOJIANG = IndicatorTestData.TAOJIANG;
    static final String NANZHOU = IndicatorTestData.NANZHOU;
    static final String MAOCAOJIE = IndicatorTestData.MAOCAOJIE;
    static final String RUN_1 = "dash-run-1";
    static final String RUN_2 = "dash-run-2";

    private static final Map<String, String> NAMES = Map.of(
            "430900", "益阳市", NANXIAN, "南县", TAOJIANG, "桃江县", NANZHOU, "南洲镇", MAOCAOJIE, "茅草街镇", "430922100", "桃花江镇");

    private DashboardTestData() {}

    static void load(FeatureRepository features, LayerCatalogue catalogue, AnalysisRunRepository runs) {
        IndicatorTestData.load(features, catalogue);
        if (runs.find(RUN_1).isPresent()) {
            return;
        }
        runs.create(succeeded(RUN_1, Instant.parse("2025-01-01T00:00:00Z")));
        runs.saveIndicators(
                RUN_1,
                List.of(value(
                        RUN_1, TOWNSHIP_CLASS3_ROAD_RATE, UnitLevel.COUNTY, NANXIAN, "430900", UnitGroup.ALL, 0, 2)));
        runs.create(succeeded(RUN_2, Instant.parse("2025-06-01T00:00:00Z")));
        runs.saveIndicators(
                RUN_2,
                List.of(
                        value(RUN_2, TOWNSHIP_CLASS3_ROAD_RATE, UnitLevel.CITY, "430900", null, UnitGroup.ALL, 2, 3),
                        value(
                                RUN_2,
                                TOWNSHIP_CLASS3_ROAD_RATE,
                                UnitLevel.COUNTY,
                                NANXIAN,
                                "430900",
                                UnitGroup.ALL,
                                1,
                                2),
                        value(
                                RUN_2,
                                TOWNSHIP_CLASS3_ROAD_RATE,
                                UnitLevel.COUNTY,
                                TAOJIANG,
                                "430900",
                                UnitGroup.ALL,
                                1,
                                1),
                        value(
                                RUN_2,
                                TOWNSHIP_CLASS3_ROAD_RATE,
                                UnitLevel.TOWNSHIP,
                                NANZHOU,
                                NANXIAN,
                                UnitGroup.ALL,
                                1,
                                1),
                        value(
                                RUN_2,
                                TOWNSHIP_CLASS3_ROAD_RATE,
                                UnitLevel.TOWNSHIP,
                                MAOCAOJIE,
                                NANXIAN,
                                UnitGroup.ALL,
                                0,
                                1),
                        value(
                                RUN_2,
                                TOWNSHIP_CLASS3_ROAD_RATE,
                                UnitLevel.TOWNSHIP,
                                "430922100",
                                TAOJIANG,
                                UnitGroup.ALL,
                                1,
                                1),
                        value(
                                RUN_2,
                                HOUSEHOLD_ROAD_ACCESS_RATE,
                                UnitLevel.COUNTY,
                                NANXIAN,
                                "430900",
                                UnitGroup.ALL,
                                80,
                                100),
                        value(
                                RUN_2,
                                HOUSEHOLD_ROAD_ACCESS_RATE,
                                UnitLevel.COUNTY,
                                NANXIAN,
                                "430900",
                                UnitGroup.KEY_SUPPORT,
                                30,
                                40)));
    }

    static void entries(IndicatorEntryRepository entries) {
        entries.save(new IndicatorEntry(
                "doctors_per_thousand", 2024, UnitLevel.COUNTY, NANXIAN, 2.7, null, "planner", null));
        entries.save(new IndicatorEntry(
                "doctors_per_thousand", 2025, UnitLevel.COUNTY, NANXIAN, 3.1, null, "planner", null));
    }

    private static IndicatorValue value(
            String run, AccessIndicator i, UnitLevel level, String code, String parent, UnitGroup g, long n, long d) {
        return new IndicatorValue(
                run,
                i,
                level,
                code,
                NAMES.get(code),
                parent,
                g,
                n,
                d,
                i == TOWNSHIP_CLASS3_ROAD_RATE && g == UnitGroup.ALL ? 0.85 : null);
    }

    /** A succeeded road-access run finished at {@code at}. */
    static AnalysisRun succeeded(String id, Instant at) {
        return new AnalysisRun(id, "road_access", RunStatus.SUCCEEDED, 1, "system", at, at, at, null, "{}", "{}", null);
    }
}
