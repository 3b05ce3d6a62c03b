package cn.yiyang.planning.layers.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.StoreKind;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;

/**
 * The vector-tile contract both tile sources keep. Features go in through the repository; tiles are
 * decoded back with the MVT library's reader and checked for layers, ids, attributes, geometry in
 * tile units, emptiness outside the data and the zoom rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TileContract {

    /** The village square and the road across it lie inside tile 10/831/427. */
    static final TileCoord VILLAGE_TILE = new TileCoord(10, 831, 427);

    private static final String FEATURE_ID = "mvt_feature_id";

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final LayerDef village = catalogue.get("village");
    private final LayerDef road = catalogue.get("road");
    private final LayerDef household = catalogue.get("household");
    private TestStore test;
    private FeatureRepository repo;
    private TileSource tiles;

    abstract StoreKind kind();

    @BeforeAll
    void load() throws Exception {
        test = TestStores.create(kind());
        repo = new JdbcFeatureRepository(test.store());
        tiles = TileSource.of(test.store());
        WKTReader wkt = new WKTReader();

        Map<String, Object> v = new HashMap<>();
        v.put("code", "430921100201");
        v.put("name", "新建村");
        v.put("township_code", "430921100");
        v.put("key_support", true);
        v.put("population", 1234);
        v.put("collective_income", 12.5);
        repo.load(
                village,
                LoadMode.REPLACE,
                List.of(
                                Feature.of(
                                        v,
                                        wkt.read(
                                                "POLYGON ((112.30 28.50, 112.40 28.50, 112.40 28.60, 112.30 28.60, 112.30 28.50))")))
                        .iterator());

        Map<String, Object> r = new HashMap<>();
        r.put("code", "C001");
        r.put("name", "新建村道");
        r.put("admin_class", "village");
        r.put("surface", "cement");
        r.put("hardened", true);
        r.put("width", 4.5);
        StringBuilder zigzag = new StringBuilder("LINESTRING (");
        for (int i = 0; i <= 1000; i++) {
            // 1,001 vertices 11 m apart, wobbling by about 1 m: far below a pixel at zoom 10.
            zigzag.append(i == 0 ? "" : ", ")
                    .append(112.31 + i * 0.0001)
                    .append(' ')
                    .append(i % 2 == 0 ? 28.58 : 28.58001);
        }
        Map<String, Object> zz = Map.of("code", "C002", "admin_class", "group", "hardened", false);
        repo.load(
                road,
                LoadMode.REPLACE,
                List.of(
                                Feature.of(r, wkt.read("LINESTRING (112.30 28.55, 112.35 28.56, 112.40 28.55)")),
                                Feature.of(zz, wkt.read(zigzag.append(')').toString())))
                        .iterator());

        GeometryFactory gf = LayerGeometry.FACTORY;
        double[][] houses = {
            {112.350, 28.550}, {112.352, 28.551}, {112.348, 28.549}, {112.3510, 28.5480}, {112.35101, 28.54801}
        };
        List<Feature> hh = new ArrayList<>();
        for (int i = 0; i < houses.length; i++) {
            hh.add(Feature.of(
                    Map.of("code", "H" + i, "village_code", "430921100201", "population", 3 + i),
                    gf.createPoint(new Coordinate(houses[i][0], houses[i][1]))));
        }
        repo.load(household, LoadMode.REPLACE, hh.iterator());

        repo.load(
                catalogue.get("natural_village"),
                LoadMode.REPLACE,
                List.of(Feature.of(
                                Map.of("code", "NV1", "name", "一组", "village_code", "430921100201"),
                                gf.createPoint(new Coordinate(112.35, 28.55))))
                        .iterator());

        repo.load(
                catalogue.get("village_plan"),
                LoadMode.REPLACE,
                List.of(
                                Feature.of(
                                        Map.of(
                                                "code",
                                                "P1",
                                                "name",
                                                "新建村村庄规划",
                                                "village_codes",
                                                "430921100201",
                                                "status",
                                                "approved",
                                                "approved_on",
                                                LocalDate.of(2024, 5, 1)),
                                        wkt.read(
                                                "POLYGON ((112.30 28.50, 112.40 28.50, 112.40 28.60, 112.30 28.60, 112.30 28.50))")))
                        .iterator());
    }

    @AfterAll
    void close() throws Exception {
        test.close();
    }

    @Test
    void aPolygonTileHoldsTheLayerWithIdAttributesAndGeometryInTileUnits() throws IOException {
        JtsMvt mvt = decode(tiles.tile(village, VILLAGE_TILE));

        List<Geometry> features = features(mvt, "village");
        assertThat(features).hasSize(1);
        Geometry poly = features.getFirst();
        assertThat(poly.getGeometryType()).isIn("Polygon", "MultiPolygon");
        Map<String, Object> props = props(poly);
        long storeId = repo.findByKey(village, "430921100201").orElseThrow().id();
        assertThat(props)
                .containsEntry(FEATURE_ID, storeId)
                .containsEntry("id", storeId)
                .containsEntry("code", "430921100201")
                .containsEntry("name", "新建村")
                .containsEntry("township_code", "430921100")
                .containsEntry("key_support", true)
                .containsEntry("population", 1234L)
                .containsEntry("collective_income", 12.5)
                .doesNotContainKeys("extra", "geom", "demonstration");

        // The square's corners, where an independent slippy-map formula puts them.
        Envelope env = poly.getEnvelopeInternal();
        assertThat(env.getMinX()).isCloseTo(expectedUnits(112.30, 28.50, VILLAGE_TILE)[0], within(1.0));
        assertThat(env.getMaxY()).isCloseTo(expectedUnits(112.30, 28.50, VILLAGE_TILE)[1], within(1.0));
        assertThat(env.getMaxX()).isCloseTo(expectedUnits(112.40, 28.60, VILLAGE_TILE)[0], within(1.0));
        assertThat(env.getMinY()).isCloseTo(expectedUnits(112.40, 28.60, VILLAGE_TILE)[1], within(1.0));
        assertThat(poly.getCoordinates()).allSatisfy(c -> {
            assertThat(c.x).isBetween(0.0, 4096.0);
            assertThat(c.y).isBetween(0.0, 4096.0);
        });

        // One label point for the named polygon, inside it.
        List<Geometry> labels = features(mvt, "village_label");
        assertThat(labels).hasSize(1);
        assertThat(labels.getFirst()).isInstanceOf(Point.class);
        assertThat(props(labels.getFirst())).containsEntry("name", "新建村").containsEntry("id", storeId);
        assertThat(env.contains(labels.getFirst().getCoordinate())).isTrue();
    }

    @Test
    void aPolygonLargerThanTheTileIsClippedToTheTileAndItsBuffer() throws IOException {
        TileCoord inside = TileCoord.containing(16, 112.35, 28.55);
        Geometry poly = features(decode(tiles.tile(village, inside)), "village").getFirst();
        Envelope env = poly.getEnvelopeInternal();
        assertThat(env.getMinX()).isEqualTo(-TileRules.BUFFER);
        assertThat(env.getMinY()).isEqualTo(-TileRules.BUFFER);
        assertThat(env.getMaxX()).isEqualTo(TileRules.EXTENT + TileRules.BUFFER);
        assertThat(env.getMaxY()).isEqualTo(TileRules.EXTENT + TileRules.BUFFER);
    }

    @Test
    void roadsCarryTheirAttributesAndAreSimplifiedAtLowZoom() throws IOException {
        List<Geometry> roads = features(decode(tiles.tile(road, VILLAGE_TILE)), "road");
        assertThat(roads).hasSize(2);
        Geometry c001 = roads.stream()
                .filter(g -> "C001".equals(props(g).get("code")))
                .findFirst()
                .orElseThrow();
        assertThat(c001.getGeometryType()).isIn("LineString", "MultiLineString");
        assertThat(props(c001))
                .containsEntry("admin_class", "village")
                .containsEntry("surface", "cement")
                .containsEntry("hardened", true)
                .containsEntry("width", 4.5)
                .containsEntry("name", "新建村道");
        assertThat(c001.getCoordinates()).hasSize(3);
        double[] middle = expectedUnits(112.35, 28.56, VILLAGE_TILE);
        assertThat(c001.getCoordinates()[1].x).isCloseTo(middle[0], within(1.0));
        assertThat(c001.getCoordinates()[1].y).isCloseTo(middle[1], within(1.0));

        Geometry zigzag = roads.stream()
                .filter(g -> "C002".equals(props(g).get("code")))
                .findFirst()
                .orElseThrow();
        assertThat(props(zigzag)).containsEntry("hardened", false).doesNotContainKey("name");
        assertThat(zigzag.getNumPoints())
                .as("a 1,001-vertex line wobbling by 1 m at zoom 10")
                .isLessThan(10);
    }

    @Test
    void householdsAreAbsentBelowZoom13ThinnedAt13AndAllThereFrom14() throws IOException {
        assertThat(tiles.tile(household, TileCoord.containing(10, 112.35, 28.55)))
                .isEmpty();
        assertThat(tiles.tile(household, TileCoord.containing(12, 112.35, 28.55)))
                .isEmpty();

        List<Geometry> z14 =
                features(decode(tiles.tile(household, TileCoord.containing(14, 112.35, 28.55))), "household");
        assertThat(z14).hasSize(5).allSatisfy(g -> assertThat(g).isInstanceOf(Point.class));
        assertThat(z14.stream().map(g -> props(g).get("code"))).containsExactlyInAnyOrder("H0", "H1", "H2", "H3", "H4");
        Geometry h0 = z14.stream()
                .filter(g -> "H0".equals(props(g).get("code")))
                .findFirst()
                .orElseThrow();
        double[] expected = expectedUnits(112.350, 28.550, TileCoord.containing(14, 112.35, 28.55));
        assertThat(h0.getCoordinate().x).isCloseTo(expected[0], within(1.0));
        assertThat(h0.getCoordinate().y).isCloseTo(expected[1], within(1.0));
        assertThat(props(h0)).containsEntry("village_code", "430921100201").containsEntry("population", 3L);

        // At 13 the two houses a metre apart share a thinning cell: the one with the lower id stays.
        List<Geometry> z13 =
                features(decode(tiles.tile(household, TileCoord.containing(13, 112.35, 28.55))), "household");
        assertThat(z13.stream().map(g -> props(g).get("code"))).containsExactlyInAnyOrder("H0", "H1", "H2", "H3");
    }

    @Test
    void eachThinnedZoomKeepsTheLowestIdOfEveryCellOfOneGlobalGrid() throws IOException {
        LayerDef stops = catalogue.get("bus_stop");
        // A row of 30 stops 46 Web Mercator metres apart (1.37 km): at 13 (8-pixel cells of 153 m) 9 or 10
        // cells, at 10 (1.2 km cells) 2; the cells are those of TileRules.thinCell on either store.
        List<Feature> row = new ArrayList<>();
        double[] lons = new double[30];
        for (int i = 0; i < lons.length; i++) {
            lons[i] = 112.3500 + i * 0.00041;
            row.add(Feature.of(
                    Map.of("code", "B" + i, "name", "站" + i),
                    LayerGeometry.FACTORY.createPoint(new Coordinate(lons[i], 28.5500))));
        }
        repo.load(stops, LoadMode.REPLACE, row.iterator());
        Map<Integer, Integer> kept = new HashMap<>();
        for (int z = 10; z <= 14; z++) {
            TileCoord c = TileCoord.containing(z, 112.356, 28.55);
            List<String> expected = new ArrayList<>();
            Set<Long> cells = new HashSet<>();
            for (int i = 0; i < lons.length; i++) {
                if (!TileRules.thinned(stops, c)
                        || cells.add(TileRules.thinCell(WebMercator.x(lons[i]), WebMercator.y(28.55), c))) {
                    expected.add("B" + i);
                }
            }
            List<Geometry> got = features(decode(tiles.tile(stops, c)), "bus_stop");
            assertThat(got.stream().map(g -> (String) props(g).get("code")))
                    .as("zoom %d", z)
                    .containsExactlyInAnyOrderElementsOf(expected);
            kept.put(z, got.size());
        }
        assertThat(kept.get(14)).isEqualTo(30);
        assertThat(kept.get(13)).isBetween(9, 10);
        assertThat(kept.get(10)).isBetween(2, 3);
    }

    @Test
    void naturalVillagesAppearFromZoom10() throws IOException {
        LayerDef nv = catalogue.get("natural_village");
        assertThat(tiles.tile(nv, TileCoord.containing(9, 112.35, 28.55))).isEmpty();
        List<Geometry> z10 =
                features(decode(tiles.tile(nv, TileCoord.containing(10, 112.35, 28.55))), "natural_village");
        assertThat(z10).hasSize(1);
        assertThat(props(z10.getFirst())).containsEntry("name", "一组");
    }

    @Test
    void datesAreIsoText() throws IOException {
        Geometry plan = features(decode(tiles.tile(catalogue.get("village_plan"), VILLAGE_TILE)), "village_plan")
                .getFirst();
        assertThat(props(plan)).containsEntry("approved_on", "2024-05-01").containsEntry("status", "approved");
    }

    @Test
    void tilesOutsideTheDataAreEmpty() {
        TileCoord beijing = TileCoord.containing(10, 116.4, 39.9);
        assertThat(tiles.tile(village, beijing)).isEmpty();
        assertThat(tiles.tile(road, beijing)).isEmpty();
        assertThat(tiles.tile(catalogue.get("county"), new TileCoord(0, 0, 0))).isEmpty();
        // A neighbouring tile beyond the buffer of the village tile.
        assertThat(tiles.tile(village, new TileCoord(10, 833, 427))).isEmpty();
    }

    @Test
    void aLayerIsEmptyBelowItsMinimumZoomEvenWhereItHasFeatures() throws IOException {
        // Below its minimum zoom (8) the village layer is empty even where it has features.
        assertThat(tiles.tile(village, TileCoord.containing(7, 112.35, 28.55))).isEmpty();
        assertThat(features(decode(tiles.tile(village, TileCoord.containing(8, 112.35, 28.55))), "village"))
                .hasSize(1);
    }

    @Test
    void layersWithoutGeometryHaveNoTiles() {
        assertThatThrownBy(() -> tiles.tile(catalogue.get("road_inspection"), VILLAGE_TILE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Tile units of a longitude/latitude, by the OpenStreetMap wiki's tile-number formula. */
    static double[] expectedUnits(double lon, double lat, TileCoord c) {
        double n = 1L << c.z();
        double tx = (lon + 180) / 360 * n;
        double latRad = Math.toRadians(lat);
        double ty = (1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * n;
        return new double[] {(tx - c.x()) * TileRules.EXTENT, (ty - c.y()) * TileRules.EXTENT};
    }

    static JtsMvt decode(byte[] tile) throws IOException {
        return MvtReader.loadMvt(
                new ByteArrayInputStream(tile),
                new GeometryFactory(),
                new TagKeyValueMapConverter(false, FEATURE_ID),
                MvtReader.RING_CLASSIFIER_V2_1);
    }

    static List<Geometry> features(JtsMvt mvt, String layer) {
        JtsLayer l = mvt.getLayer(layer);
        return l == null ? List.of() : List.copyOf(l.getGeometries());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Geometry g) {
        return (Map<String, Object>) g.getUserData();
    }

    @Test
    void minorRoadsAreLeftOutOfLowZoomTiles() throws IOException {
        // C002 is a natural-village road (组道): from zoom 10 on; C001, a village road, at every zoom.
        TileCoord z9 = TileCoord.containing(9, 112.35, 28.56);
        assertThat(features(decode(tiles.tile(road, z9)), "road"))
                .extracting(g -> props(g).get("code"))
                .containsExactly("C001");
        assertThat(features(decode(tiles.tile(road, VILLAGE_TILE)), "road")).hasSize(2);
        assertThat(TileRules.hidden(road, z9))
                .hasValueSatisfying(h -> assertThat(h.values()).containsExactly("group", "household"));
        assertThat(TileRules.hidden(road, new TileCoord(12, 0, 0))).isEmpty();
    }

    @Test
    void theRoadAccessResultLayersServeTilesFromTheirMinimumZoom() throws Exception {
        // What the road-access analysis writes after a run: REPLACE loads into the derived layers. The unserved
        // household and the road statuses describe features of the household and road layers (H0, C001, C002).
        GeometryFactory gf = LayerGeometry.FACTORY;
        LayerDef unserved = catalogue.get("access_household");
        LayerDef status = catalogue.get("access_road");
        LayerDef gaps = catalogue.get("access_gap");
        assertThat(List.of(unserved, status, gaps))
                .allSatisfy(l -> assertThat(l.derived()).isTrue());
        Map<String, Object> h = new HashMap<>(Map.of(
                "code",
                "H0",
                "village_code",
                "430921100201",
                "natural_village_code",
                "NV1",
                "population",
                3, // the household's own (the fixture's H0), as the analysis writes it
                "distance_m",
                312.5,
                "network_distance_m",
                1840.0,
                "run_id",
                "run-1"));
        repo.load(
                unserved,
                LoadMode.REPLACE,
                List.of(Feature.of(h, gf.createPoint(new Coordinate(112.35, 28.55))))
                        .iterator());
        repo.load(
                status,
                LoadMode.REPLACE,
                List.of(
                                Feature.of(
                                        Map.of("code", "C001", "name", "新建村道", "status", "network", "run_id", "run-1"),
                                        new WKTReader().read("LINESTRING (112.30 28.55, 112.35 28.56, 112.40 28.55)")),
                                Feature.of(
                                        Map.of("code", "C002", "status", "fragment", "run_id", "run-1"),
                                        new WKTReader().read("LINESTRING (112.36 28.57, 112.37 28.57)")))
                        .iterator());
        Map<String, Object> g = new HashMap<>();
        g.put("code", "G00001");
        g.put("rank", 1);
        g.put("kind", "natural_village");
        g.put("name", "一组");
        g.put("village_code", "430921100201");
        g.put("households", 31);
        g.put("population", 112);
        g.put("distance_m", 420.0);
        g.put("road_km", 0.45);
        g.put("people_per_km", 248.9);
        g.put("nearest_lon", 112.351);
        g.put("nearest_lat", 28.553);
        g.put("run_id", "run-1");
        repo.load(
                gaps,
                LoadMode.REPLACE,
                List.of(Feature.of(g, gf.createPoint(new Coordinate(112.35, 28.55))))
                        .iterator());

        assertThat(tiles.tile(unserved, TileCoord.containing(9, 112.35, 28.55))).isEmpty();
        List<Geometry> houses =
                features(decode(tiles.tile(unserved, TileCoord.containing(10, 112.35, 28.55))), "access_household");
        assertThat(houses)
                .singleElement()
                .satisfies(p -> assertThat(props(p))
                        .containsEntry("code", "H0")
                        .containsEntry("population", 3L)
                        .containsEntry("network_distance_m", 1840.0)
                        .containsEntry("run_id", "run-1"));

        assertThat(tiles.tile(status, TileCoord.containing(9, 112.35, 28.56))).isEmpty();
        List<Geometry> roads = features(decode(tiles.tile(status, VILLAGE_TILE)), "access_road");
        assertThat(roads).extracting(r -> props(r).get("status")).containsExactlyInAnyOrder("network", "fragment");

        assertThat(tiles.tile(gaps, TileCoord.containing(7, 112.35, 28.55))).isEmpty();
        List<Geometry> gap = features(decode(tiles.tile(gaps, TileCoord.containing(8, 112.35, 28.55))), "access_gap");
        assertThat(gap)
                .singleElement()
                .satisfies(p -> assertThat(props(p))
                        .containsEntry("rank", 1L)
                        .containsEntry("population", 112L)
                        .containsEntry("kind", "natural_village")
                        .containsEntry("people_per_km", 248.9));
    }
}
