package cn.yiyang.planning.app.sewage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.demo.DemoCityGenerator;
import cn.yiyang.planning.demo.DemoDataLoader;
import cn.yiyang.planning.demo.DemoScale;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.geo.facility.FacilityIndicator;
import cn.yiyang.planning.geo.facility.SanitationAnalysis;
import cn.yiyang.planning.geo.facility.SanitationResult;
import cn.yiyang.planning.geo.facility.SanitationSettings;
import cn.yiyang.planning.geo.facility.SewageAnalysis;
import cn.yiyang.planning.geo.facility.SewageResult;
import cn.yiyang.planning.geo.facility.SewageResult.FacilityLoad;
import cn.yiyang.planning.geo.facility.SewageResult.TownshipCoverage;
import cn.yiyang.planning.geo.facility.SewageResult.VillageTreatment;
import cn.yiyang.planning.geo.facility.SewageSettings;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sewage and sanitation coverage counts of the (small) demo city computed twice: by the Java analyses on the
 * layers read from PostGIS, and independently by PostGIS SQL ({@link PostgisSewageSql}); the counts must be
 * identical. The same analyses on the embedded H2GIS store must give the same indicators and gap list.
 */
class SewageCrossCheckIT {

    private static final LayerCatalogue CATALOGUE = LayerCatalogue.standard();
    private static TestStore postgis;
    private static TestStore h2gis;
    private static SewageResult onPostgis;
    private static SanitationResult toiletsOnPostgis;
    private static PostgisSewageSql sql;

    @BeforeAll
    static void load() throws Exception {
        postgis = TestStores.postgis();
        h2gis = TestStores.h2gis();
        for (TestStore db : List.of(postgis, h2gis)) {
            db.store().migrate();
            new DemoDataLoader(new JdbcFeatureRepository(db.store()), CATALOGUE)
                    .load(DemoScale.SMALL, DemoCityGenerator.DEFAULT_SEED);
        }
        onPostgis = sewage(postgis);
        toiletsOnPostgis = sanitation(postgis);
        sql = postgis.store().withConnection(PostgisSewageSql::run);
    }

    @AfterAll
    static void drop() throws Exception {
        postgis.close();
        h2gis.close();
    }

    private static SewageResult sewage(TestStore db) {
        SewageInputReader.Read read =
                new SewageInputReader(new JdbcFeatureRepository(db.store()), CATALOGUE, "益阳市").read();
        return new SewageAnalysis(SewageSettings.defaults()).run(read.input());
    }

    private static SanitationResult sanitation(TestStore db) {
        SewageInputReader.Read read =
                new SewageInputReader(new JdbcFeatureRepository(db.store()), CATALOGUE, "益阳市").readSanitation();
        return new SanitationAnalysis(SanitationSettings.defaults())
                .run(read.input().households(), read.input().units());
    }

    @Test
    void theDemoCityHasSomethingToFind() {
        UnitIndicator rate = city(FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE);
        assertThat(rate.denominator()).isGreaterThan(5_000);
        assertThat(rate.numerator()).isPositive();
        assertThat(onPostgis.gaps()).isNotEmpty();
        assertThat(onPostgis.townships()).anyMatch(t -> t.counted() && !t.covered());
    }

    @Test
    void postgisSqlCountsTheSameTreatedHouseholdsAndTownships() {
        assertThat(pair(city(FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE))).containsExactly(sql.cityTreated());
        assertThat(pair(city(FacilityIndicator.TOWNSHIP_SEWAGE_FACILITY_RATE))).containsExactly(sql.cityTownships());
        Map<String, List<Long>> java = new TreeMap<>();
        for (VillageTreatment v : onPostgis.villages()) {
            if (v.rural() && v.households() > 0) {
                java.put(v.code(), List.of((long) v.treatedHouseholds(), (long) v.households()));
            }
        }
        Map<String, List<Long>> bySql = new TreeMap<>();
        sql.treatedByVillage().forEach((k, v) -> bySql.put(k, List.of(v[0], v[1])));
        assertThat(java).isEqualTo(bySql);
        assertThat(new TreeSet<>(onPostgis.townships().stream()
                        .filter(TownshipCoverage::covered)
                        .map(TownshipCoverage::code)
                        .toList()))
                .isEqualTo(sql.coveredTownships());
        Map<String, Long> served = new TreeMap<>();
        for (FacilityLoad f : onPostgis.facilities()) {
            if (f.servedHouseholds() > 0) {
                served.put(f.code(), (long) f.servedHouseholds());
            }
        }
        assertThat(served).isEqualTo(sql.servedByFacility());
    }

    @Test
    void postgisSqlCountsTheSameSanitaryToilets() {
        UnitIndicator toilets = toiletsOnPostgis
                .indicator(UnitLevel.CITY, "430900", UnitGroup.ALL)
                .orElseThrow();
        assertThat(pair(toilets)).containsExactly(sql.cityToilets());
    }

    @Test
    void theEmbeddedStoreGivesTheSameIndicatorsAndGaps() {
        SewageResult onH2 = sewage(h2gis);
        assertThat(onH2.indicators()).isEqualTo(onPostgis.indicators());
        assertThat(onH2.gaps()).isEqualTo(onPostgis.gaps());
        assertThat(onH2.problems()).isEqualTo(onPostgis.problems());
        assertThat(sanitation(h2gis).indicators()).isEqualTo(toiletsOnPostgis.indicators());
    }

    private static UnitIndicator city(FacilityIndicator indicator) {
        return onPostgis
                .indicator(indicator, UnitLevel.CITY, "430900", UnitGroup.ALL)
                .orElseThrow();
    }

    private static long[] pair(UnitIndicator i) {
        return new long[] {i.numerator(), i.denominator()};
    }
}
