package cn.yiyang.planning.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.yiyang.planning.geo.access.AccessInput.Road;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** How the road-access run reads a road whose file did not say whether it is all-season. */
class AccessInputReaderTest {

    private static Feature road(String code, String surface, Boolean allSeason, double x) {
        Map<String, Object> attrs = new HashMap<>();
        attrs.put("code", code);
        attrs.put("admin_class", "village");
        attrs.put("surface", surface);
        attrs.put("all_season", allSeason);
        return Feature.of(attrs, LayerGeometry.FACTORY.createLineString(new Coordinate[] {
            new Coordinate(x, 28.5), new Coordinate(x + 0.01, 28.5)
        }));
    }

    @Test
    void aRoadWithoutTheFlagIsAllSeasonWhenItsSurfaceIsAndTheRunSaysHowManySoDecided() throws Exception {
        LayerCatalogue catalogue = LayerCatalogue.standard();
        try (TestStores.TestStore store = TestStores.h2gis()) {
            JdbcFeatureRepository repo = new JdbcFeatureRepository(store.store());
            repo.load(
                    catalogue.get(LayerIds.ROAD),
                    LoadMode.REPLACE,
                    List.of(
                                    road("R1", "gravel", null, 112.30),
                                    road("R2", "earth", null, 112.32),
                                    road("R3", "cement", false, 112.34),
                                    road("R4", null, null, 112.36))
                            .iterator());

            AccessInputReader.Read read = new AccessInputReader(repo, catalogue, "益阳市").read(Set.of());

            assertThat(read.input().roads())
                    .extracting(Road::id, Road::allSeason)
                    .containsExactlyInAnyOrder(
                            tuple("R1", true), tuple("R2", false), tuple("R3", false), tuple("R4", false));
            assertThat(read.allSeasonFromSurface())
                    .as("R1 and R2: their surface decided")
                    .isEqualTo(2);
        }
    }
}
