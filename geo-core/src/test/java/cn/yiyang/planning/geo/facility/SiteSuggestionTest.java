package cn.yiyang.planning.geo.facility;

import static cn.yiyang.planning.geo.facility.Ground.box;
import static cn.yiyang.planning.geo.facility.Ground.household;
import static cn.yiyang.planning.geo.facility.Ground.network;
import static cn.yiyang.planning.geo.facility.Ground.road;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.geo.facility.SiteSuggestion.Request;
import cn.yiyang.planning.geo.facility.SiteSuggestion.Settings;
import cn.yiyang.planning.geo.facility.SiteSuggestion.Site;
import cn.yiyang.planning.geo.network.RoadNetwork;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class SiteSuggestionTest {

    private static final Settings NODES_ONLY = new Settings(0, 0);

    /**
     * A T: a road west-east (0,0)-(4000,0) and one north from its middle to (2000,2000). With 1,600 m of travel the
     * junction reaches h1 and h2 (1,000 m along + 20 m leg) and h3 (1,500 + 20), not h4 (2,000 + 20); the west end
     * reaches h4 and h1; the north end h3 alone (4 people) and the east end h2 alone (2 people).
     */
    private static final RoadNetwork T = network(road("A", 0, 0, 4000, 0), road("B", 2000, 0, 2000, 2000));

    private static final List<Household> T_HOUSES = List.of(
            household("h1", "V1", 3, 1000, 20),
            household("h2", "V1", 2, 3000, 20),
            household("h3", "V1", 4, 2020, 1500),
            household("h4", "V1", 1, 0, -20));

    @Test
    void tJunctionRanksTheSingleSitesByHouseholdsThenPopulation() {
        SiteSuggestion tool = SiteSuggestion.of(T, T_HOUSES, NODES_ONLY);
        List<Site> sites = tool.suggest(new Request(box(-100, -100, 4100, 2100), Set.of(), 1_600, 3));

        assertThat(sites).extracting(Site::rank).containsExactly(1, 2, 3);
        assertThat(sites).extracting(Site::households).containsExactly(3, 2, 1);
        assertThat(sites).extracting(Site::population).containsExactly(9, 4, 4);
        assertAt(sites.get(0), 2000, 0);
        assertAt(sites.get(1), 0, 0);
        assertAt(sites.get(2), 2000, 2000);
        assertThat(sites.get(2).roadId()).isEqualTo("B");
    }

    @Test
    void alternativesKeepTheirSeparation() {
        // every other node is 2,000 m from the junction: with 2,500 m of separation only the junction remains
        SiteSuggestion apart = SiteSuggestion.of(T, T_HOUSES, new Settings(2_500, 0));
        assertThat(apart.suggest(new Request(null, Set.of(), 1_600, 3)))
                .singleElement()
                .satisfies(s -> assertAt(s, 2000, 0));
        // with 1,900 m the west and north ends stay (2,000 m from it, 2,828 m from each other)
        SiteSuggestion near = SiteSuggestion.of(T, T_HOUSES, new Settings(1_900, 0));
        assertThat(near.suggest(new Request(null, Set.of(), 1_600, 3))).hasSize(3);
    }

    @Test
    void onlyTheDemandVillagesCount() {
        List<Household> houses = List.of(
                household("h1", "V1", 3, 1000, 20),
                household("h2", "V2", 2, 3000, 20),
                household("h3", "V2", 4, 2020, 1500));
        SiteSuggestion tool = SiteSuggestion.of(T, houses, NODES_ONLY);
        List<Site> sites = tool.suggest(new Request(null, Set.of("V2"), 1_600, 1));
        assertThat(sites).singleElement().satisfies(s -> {
            assertAt(s, 2000, 0);
            assertThat(s.households()).isEqualTo(2);
            assertThat(s.population()).isEqualTo(6);
        });
    }

    @Test
    void theAreaLimitsTheCandidatesNotTheDemand() {
        // only the east end lies in the area; with 3,100 m it reaches households outside it: h2 at 1,020 m and h1
        // at 3,020 m (not h3 at 3,520 m nor h4 at 4,020 m)
        SiteSuggestion tool = SiteSuggestion.of(T, T_HOUSES, NODES_ONLY);
        List<Site> sites = tool.suggest(new Request(box(3900, -100, 4100, 100), Set.of(), 3_100, 3));
        assertThat(sites).singleElement().satisfies(s -> {
            assertAt(s, 4000, 0);
            assertThat(s.households()).isEqualTo(2);
            assertThat(s.population()).isEqualTo(5);
        });
    }

    @Test
    void pointsAlongALongEdgeAreCandidates() {
        RoadNetwork line = network(road("L", 0, 0, 3000, 0));
        List<Household> houses = List.of(household("a", "V", 2, 1400, 10), household("b", "V", 3, 1600, 10));
        Request request = new Request(null, Set.of(), 400, 3);

        assertThat(SiteSuggestion.of(line, houses, NODES_ONLY).suggest(request)).isEmpty();

        List<Site> sites = SiteSuggestion.of(line, houses, new Settings(0, 500)).suggest(request);
        // candidates every 500 m: 1,500 reaches both (110 m each); 1,000 and 2,000 reach one each (410 m: no)
        assertThat(sites).singleElement().satisfies(s -> {
            assertAt(s, 1500, 0);
            assertThat(s.households()).isEqualTo(2);
            assertThat(s.population()).isEqualTo(5);
        });
    }

    @Test
    void longTravelDistancesSpaceTheCandidatesWider() {
        // 5 km of travel: candidates every 500 m (a tenth of it), not every 250 m; all reach the one household and
        // tie, so they come west first: the west end, then the first point along the edge
        RoadNetwork line = network(road("L", 0, 0, 3000, 0));
        List<Site> sites = SiteSuggestion.of(line, List.of(household("a", "V", 1, 1500, 10)), new Settings(0, 250))
                .suggest(new Request(null, Set.of(), 5_000, 3));
        assertAt(sites.get(0), 0, 0);
        assertAt(sites.get(1), 500, 0);
        assertAt(sites.get(2), 1000, 0);
    }

    @Test
    void aHouseholdAcrossARiverWithoutABridgeIsNotReached() {
        // west bank road x = 0, east bank road x = 200, no bridge; the area holds the west bank only
        RoadNetwork banks = network(road("W", 0, 0, 0, 3000), road("E", 200, 0, 200, 3000));
        List<Household> houses = List.of(
                household("east", "V", 5, 150, 1500), // 1,507 m from (0,0) in a straight line
                household("west", "V", 1, -30, 1000));
        List<Site> sites = SiteSuggestion.of(banks, houses, NODES_ONLY)
                .suggest(new Request(box(-100, -100, 100, 3100), Set.of(), 2_000, 3));
        assertThat(sites).singleElement().satisfies(s -> {
            assertAt(s, 0, 0);
            assertThat(s.households()).isEqualTo(1);
            assertThat(s.population()).isEqualTo(1);
        });
    }

    @Test
    void tiesGoWestThenSouthWhateverTheInputOrder() {
        List<Household> houses = List.of(household("a", "V", 2, 0, 20), household("b", "V", 2, 2000, 20));
        Request request = new Request(null, Set.of(), 500, 3);
        List<Site> forward = SiteSuggestion.of(network(road("R", 0, 0, 2000, 0)), houses, NODES_ONLY)
                .suggest(request);
        List<Site> backward = SiteSuggestion.of(
                        network(road("R", 2000, 0, 0, 0)), List.of(houses.get(1), houses.get(0)), NODES_ONLY)
                .suggest(request);
        assertThat(forward).hasSize(2);
        assertAt(forward.get(0), 0, 0);
        assertAt(forward.get(1), 2000, 0);
        assertThat(backward)
                .extracting(Site::lonLat)
                .isEqualTo(forward.stream().map(Site::lonLat).toList());

        RoadNetwork vertical = network(road("R", 0, 2000, 0, 0));
        List<Household> stacked = List.of(household("a", "V", 2, 20, 2000), household("b", "V", 2, 20, 0));
        assertAt(
                SiteSuggestion.of(vertical, stacked, NODES_ONLY)
                        .suggest(request)
                        .get(0),
                0,
                0);
    }

    @Test
    void anAreaWithoutARoadGetsNoCandidate() {
        SiteSuggestion tool = SiteSuggestion.of(T, T_HOUSES, SiteSuggestion.Settings.defaults());
        assertThat(tool.suggest(new Request(box(10_000, 10_000, 12_000, 12_000), Set.of(), 5_000, 3)))
                .isEmpty();
    }

    @Test
    void requestsAndSettingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new Request(null, Set.of(), 50, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request(null, Set.of(), 2_000, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertAt(Site site, double x, double y) {
        Coordinate local = Ground.local(site.lonLat());
        assertThat(local.x).as("x of " + site).isCloseTo(x, within(0.01));
        assertThat(local.y).as("y of " + site).isCloseTo(y, within(0.01));
    }
}
