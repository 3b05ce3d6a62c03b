package cn.yiyang.planning.layers.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The PostGIS tile statement reads the stored Web Mercator geometry through the right index: at
 * the zooms where {@link TileRules#hidden} leaves road classes out, the partial index of migration
 * V5 whose predicate is exactly that rule; elsewhere the full {@code geom_3857} index. Fails when
 * the rules and the migration's indexes drift apart (a low-zoom tile would then read every road).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgisTileIndexIT {

    private final LayerDef road = LayerCatalogue.standard().get("road");
    private TestStore test;

    @BeforeAll
    void load() {
        test = TestStores.postgis();
        // A county of roads, most of them household access roads as in the demo city.
        GeometryFactory gf = new GeometryFactory();
        List<Feature> roads = new ArrayList<>();
        String[] classes = {
            "household",
            "household",
            "household",
            "household",
            "household",
            "household",
            "group",
            "group",
            "village",
            "county"
        };
        for (int i = 0; i < 3000; i++) {
            double x = 112.0 + (i % 60) * 0.01;
            double y = 28.3 + (i / 60) * 0.01;
            roads.add(Feature.of(
                    Map.of("code", "R" + i, "admin_class", classes[i % classes.length]),
                    gf.createLineString(
                            new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 0.004, y + 0.003)})));
        }
        new JdbcFeatureRepository(test.store()).load(road, LoadMode.REPLACE, roads.iterator());
        test.store().awaitAfterLoadWork(); // the partial tile indexes are built after the replace's swap
        test.store().withConnection(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE road");
            }
            return null;
        });
    }

    @AfterAll
    void close() throws Exception {
        test.close();
    }

    @Test
    void lowZoomRoadTilesReadThePartialIndexOfTheRoadsTheyDraw() {
        for (int z = 6; z <= 15; z++) {
            String expected =
                    z < 10 ? "road_geom_3857_z8_gist" : z < 12 ? "road_geom_3857_z10_gist" : "road_geom_3857_gist";
            assertThat(plan(TileCoord.containing(z, 112.3, 28.5)))
                    .as("plan at zoom %d", z)
                    .containsPattern("(Index Scan using|Bitmap Index Scan on) " + expected + " ")
                    .doesNotContain("road_geom_gist ");
        }
    }

    private String plan(TileCoord c) {
        PostgisTileSource.Query q = PostgisTileSource.query(road, c);
        return test.store().withConnection(conn -> {
            StringBuilder plan = new StringBuilder();
            try (Statement st = conn.createStatement()) {
                st.execute("SET enable_seqscan = off"); // a test table is small enough to scan
            }
            try (PreparedStatement ps = conn.prepareStatement("EXPLAIN " + q.sql())) {
                for (int i = 0; i < q.params().size(); i++) {
                    ps.setObject(i + 1, q.params().get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            } finally {
                try (Statement st = conn.createStatement()) {
                    st.execute("RESET enable_seqscan");
                }
            }
            return plan.toString();
        });
    }
}
