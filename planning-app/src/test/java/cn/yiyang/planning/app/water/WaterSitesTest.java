package cn.yiyang.planning.app.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.demo.DemoCityGenerator;
import cn.yiyang.planning.demo.DemoDataLoader;
import cn.yiyang.planning.demo.DemoScale;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.facility.Household;
import cn.yiyang.planning.geo.facility.SiteSuggestion;
import cn.yiyang.planning.geo.facility.WaterResult;
import cn.yiyang.planning.geo.facility.WaterResult.HouseholdSupply;
import cn.yiyang.planning.geo.facility.WaterSettings;
import cn.yiyang.planning.geo.facility.WaterSupplyAnalysis;
import cn.yiyang.planning.geo.network.RoadNetwork;
import cn.yiyang.planning.geo.network.RoadSegment;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Suggested sites for new water works on the small demo city: only townships with enough unserved households get
 * them, and noding only the roads near those townships gives the very sites the whole city's network gives.
 */
class WaterSitesTest {

    @Test
    void townshipsWithManyUnservedHouseholdsGetTheSitesOfTheWholeNetwork() throws Exception {
        LayerCatalogue catalogue = LayerCatalogue.standard();
        try (TestStores.TestStore store = TestStores.h2gis()) {
            var repo = new JdbcFeatureRepository(store.store());
            new DemoDataLoader(repo, catalogue).load(DemoScale.SMALL, DemoCityGenerator.DEFAULT_SEED);
            AnalysisInputs inputs = new AnalysisInputs(repo, catalogue, new Messages());
            WaterInputReader.Read read = new WaterInputReader(repo, catalogue, inputs).read();
            WaterResult result =
                    new WaterSupplyAnalysis(WaterSettings.defaults(LocalDate.of(2026, 12, 1))).run(read.input());
            List<RoadSegment> roads = inputs.roads();
            List<WaterSites.TownshipSites> sites =
                    WaterSites.suggest(result.households(), read.units(), () -> roads, 100, 3000);
            assertThat(sites).isNotEmpty();
            assertThat(sites).allSatisfy(t -> assertThat(t.unserved()).isGreaterThanOrEqualTo(100));
            assertThat(WaterSites.suggest(
                            result.households(),
                            read.units(),
                            () -> {
                                throw new AssertionError("no township gets sites: the roads are not read");
                            },
                            1_000_000,
                            3000))
                    .isEmpty();

            List<Household> unserved = result.households().stream()
                    .filter(h -> !h.served())
                    .map((HouseholdSupply h) -> new Household(
                            h.code(), h.villageCode(), h.population(), h.povertyOrMonitored(), null, h.lonLat()))
                    .toList();
            SiteSuggestion whole =
                    SiteSuggestion.of(RoadNetwork.build(roads), unserved, SiteSuggestion.Settings.defaults());
            for (WaterSites.TownshipSites t : sites.subList(0, Math.min(3, sites.size()))) {
                Set<String> villages = read.units().villageByCode().values().stream()
                        .filter(v -> t.townshipCode().equals(v.townshipCode()))
                        .map(Village::code)
                        .collect(Collectors.toSet());
                var expected = whole.suggest(new SiteSuggestion.Request(
                        read.units().townships().shape(t.townshipCode()), villages, 3000, 3));
                assertThat(t.sites())
                        .as(t.townshipCode())
                        .extracting(s -> s.rank(), s -> s.households(), s -> s.population(), s -> s.roadId())
                        .isEqualTo(expected.stream()
                                .map(s -> tuple(s.rank(), s.households(), s.population(), s.roadId()))
                                .toList());
            }
        }
    }
}
