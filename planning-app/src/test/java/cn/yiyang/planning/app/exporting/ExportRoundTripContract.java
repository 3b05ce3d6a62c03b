package cn.yiyang.planning.app.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.importing.Multipart;
import cn.yiyang.planning.app.testsupport.ApiClient;
import cn.yiyang.planning.app.testsupport.WorkbookCells;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports read back by the import: each format, exported through {@code GET /api/v1/layers/{layer}/export} and
 * imported through the import API (replace), gives the same features and attributes (codes that start like a
 * formula too: the CSV and XLSX write them neutralised and the import restores them); filters by unit and box, the
 * Shapefile's parts. Subclasses pick the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "planning.demo.enabled=false")
abstract class ExportRoundTripContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> SETTLED = Set.of("NEEDS_INPUT", "SUCCEEDED", "FAILED");
    private static final int HOUSEHOLDS = 60;

    @LocalServerPort
    int port;

    @Autowired
    FeatureRepository features;

    @TempDir
    Path tmp;

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final LayerDef household = catalogue.get("household");
    private ApiClient api;
    private Map<String, Feature> original;

    @BeforeEach
    void load() {
        api = new ApiClient(port);
        List<Feature> villages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            double x = 112.0 + i * 0.1;
            villages.add(Feature.of(
                    Map.of(
                            "code",
                            villageCode(i),
                            "name",
                            "新月村" + i,
                            "township_code",
                            villageCode(i).substring(0, 9)),
                    LayerGeometry.FACTORY.createPolygon(new Coordinate[] {
                        new Coordinate(x, 28.4),
                        new Coordinate(x + 0.1, 28.4),
                        new Coordinate(x + 0.1, 28.5),
                        new Coordinate(x, 28.4)
                    })));
        }
        features.load(catalogue.get("village"), LoadMode.REPLACE, villages.iterator());
        List<Feature> households = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("code", code(i));
            a.put("village_code", villageCode(i % 3));
            a.put("population", 1 + i % 7);
            a.put("sanitary_toilet", i % 2 == 0);
            a.put("poverty_status", i % 5 == 0 ? "monitored" : "exited");
            households.add(Feature.of(
                    a,
                    LayerGeometry.FACTORY.createPoint(
                            new Coordinate(112.0 + (i % 3) * 0.1 + 0.0123456 * (i / 3), 28.41 + 0.0011 * i))));
        }
        features.load(household, LoadMode.REPLACE, households.iterator());
        original = byCode();
    }

    /**
     * A household's code; those of households 1 to 4 start like a formula (the CSV and XLSX write them neutralised,
     * {@code '=H0001}, and the import restores them), that of household 5 is a negative number as text (written as it
     * is).
     */
    private static String code(int i) {
        return i >= 1 && i <= 4
                ? "=+-@".charAt(i - 1) + String.format("H%04d", i)
                : i == 5 ? "-5" : String.format("H%04d", i);
    }

    private static String villageCode(int i) {
        return i < 2 ? "43092110020" + i : "430923100201";
    }

    @Test
    void geoPackageRoundTripsInAGaussKrugerZone() throws Exception {
        roundTrip("gpkg", "EPSG:4546", "household.gpkg");
    }

    @Test
    void shapefileRoundTripsInGbk() throws Exception {
        roundTrip("shp&encoding=GBK", "EPSG:4490", "household.zip");
        roundTrip("shp", "EPSG:4526", "household.zip");
    }

    @Test
    void geoJsonRoundTrips() throws Exception {
        roundTrip("geojson", "EPSG:4490", "household.geojson");
    }

    @Test
    void csvRoundTripsWithAByteOrderMark() throws Exception {
        byte[] csv = export("/api/v1/layers/household/export?format=csv");
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8).lines().map(l -> l.substring(0, l.indexOf(','))))
                .contains("'=H0001", "'+H0002", "'-H0003", "'@H0004", "-5", "H0006");
        roundTrip("csv", "EPSG:4490", "household.csv");
        assertThat(byCode()).containsKeys("=H0001", "+H0002", "-H0003", "@H0004", "-5", "H0006");
        roundTrip("csv", "EPSG:4546", "household.csv");
    }

    @Test
    void xlsxRoundTrips() throws Exception {
        assertThat(WorkbookCells.read(export("/api/v1/layers/household/export?format=xlsx"), 1)
                        .texts())
                .contains("'=H0001", "'+H0002", "'-H0003", "'@H0004", "-5", "H0006");
        roundTrip("xlsx", "EPSG:4490", "household.xlsx");
        assertThat(byCode()).containsKeys("=H0001", "+H0002", "-H0003", "@H0004", "-5", "H0006");
    }

    @Test
    void unitsAndBoxesFilterAndTheShapefileCarriesItsParts() throws Exception {
        assertThat(lines(export("/api/v1/layers/household/export?format=csv&county=430921")))
                .isEqualTo(1 + 40);
        assertThat(lines(export("/api/v1/layers/household/export?format=csv&township=430923100")))
                .isEqualTo(1 + 20);
        assertThat(lines(export("/api/v1/layers/household/export?format=csv&village=430921100201")))
                .isEqualTo(1 + 20);
        assertThat(lines(export("/api/v1/layers/village/export?format=csv&county=430923")))
                .isEqualTo(1 + 1);
        assertThat(lines(export("/api/v1/layers/household/export?format=csv&bbox=111.9,28.3,112.05,28.6")))
                .isEqualTo(1 + 5);

        Map<String, byte[]> zip = unzip(export("/api/v1/layers/village/export?format=shp&encoding=GBK&crs=EPSG:4546"));
        assertThat(zip.keySet())
                .containsExactlyInAnyOrder(
                        "village.shp",
                        "village.shx",
                        "village.dbf",
                        "village.prj",
                        "village.cpg",
                        "village_fields.txt");
        assertThat(new String(zip.get("village.cpg"), StandardCharsets.US_ASCII))
                .isEqualTo("GBK");
        assertThat(new String(zip.get("village.prj"), StandardCharsets.US_ASCII))
                .startsWith("PROJCS[\"CGCS2000_3_Degree_GK_CM_111E\"");
        assertThat(new String(zip.get("village.dbf"), Charset.forName("GBK"))).contains("新月村1");
        Path shp = Files.createDirectories(tmp.resolve("shp"));
        for (Map.Entry<String, byte[]> e : zip.entrySet()) {
            Files.write(shp.resolve(e.getKey()), e.getValue());
        }
        Process ogr = new ProcessBuilder(
                        "ogrinfo", "-ro", "-al", shp.resolve("village.shp").toString())
                .redirectErrorStream(true)
                .start();
        String info = new String(ogr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ogr.waitFor()).isZero();
        assertThat(info).contains("Feature Count: 3", "name (String) = 新月村1", "Gauss-Kruger CM 111E");
        String mapping = new String(zip.get("village_fields.txt"), StandardCharsets.UTF_8);
        assertThat(mapping).contains("poverty_ex\tpoverty_exited\t脱贫村\t", "urban_rura\turban_rural_code\t");

        HttpResponse<String> bad = api.send("GET", "/api/v1/layers/household/export?format=kml", "leader", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("code").asString()).isEqualTo("bad_value");
        HttpResponse<String> noShape =
                api.send("GET", "/api/v1/layers/road_inspection/export?format=shp", "leader", null);
        assertThat(noShape.statusCode()).isEqualTo(400);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** Exports households, deletes them, imports the file (replace) and compares with the originals. */
    private void roundTrip(String format, String crs, String fileName) throws Exception {
        byte[] file = export("/api/v1/layers/household/export?format=" + format + "&crs=" + crs);
        Path path = tmp.resolve(fileName);
        Files.write(path, file);
        features.load(household, LoadMode.REPLACE, List.<Feature>of().iterator());
        Multipart body = new Multipart().file(path).field("mode", "replace");
        if (fileName.endsWith(".zip")) {
            // the DBF's short names back to the fields, from the mapping the zip carries
            StringBuilder map = new StringBuilder("{");
            String mapping = new String(unzip(file).get("household_fields.txt"), StandardCharsets.UTF_8);
            mapping.lines().skip(1).forEach(line -> {
                String[] cols = line.split("\t");
                map.append(map.length() > 1 ? "," : "")
                        .append('"')
                        .append(cols[0])
                        .append("\":\"")
                        .append(cols[1])
                        .append('"');
            });
            body.field("fieldMap", map.append('}').toString());
        }
        if (fileName.endsWith(".csv") || fileName.endsWith(".xlsx")) {
            body.field("crs", crs); // a table names no CRS: the user declares the one chosen for the export
        }
        HttpResponse<String> submitted = api.text(api.request("/api/v1/layers/household/imports", "admin")
                .header("Content-Type", body.contentType())
                .POST(body.publisher())
                .build());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = JSON.readTree(submitted.body()).get("id").asString();
        JsonNode loaded = awaitSettled(id);
        assertThat(loaded.get("status").asString()).as(loaded.toString()).isEqualTo("SUCCEEDED");
        assertThat(loaded.get("rejected").asLong()).as(loaded.toString()).isZero();
        assertThat(loaded.get("imported").asLong()).isEqualTo(HOUSEHOLDS);

        Map<String, Feature> back = byCode();
        assertThat(back.keySet()).isEqualTo(original.keySet());
        for (Feature o : original.values()) {
            Feature b = back.get(o.getString("code"));
            for (FieldDef f : household.fields()) {
                assertThat(b.get(f.name()))
                        .as(format + " " + o.getString("code") + "." + f.name())
                        .isEqualTo(o.get(f.name()));
            }
            Coordinate c0 = o.geometry().getCoordinate();
            Coordinate c1 = b.geometry().getCoordinate();
            // 1e-8 degrees is about a millimetre
            assertThat(Math.abs(c0.x - c1.x) + Math.abs(c0.y - c1.y))
                    .as(format + " position")
                    .isLessThan(1e-8);
        }
    }

    private Map<String, Feature> byCode() {
        Map<String, Feature> m = new HashMap<>();
        features.forEach(household, f -> m.put(f.getString("code"), f));
        return m;
    }

    /** As a planner: the round trip carries the households' poverty status, which only household roles are given. */
    private byte[] export(String path) throws Exception {
        HttpResponse<byte[]> r = api.bytes(api.request(path, "planner").build());
        assertThat(r.statusCode())
                .as(path + " " + new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return r.body();
    }

    private static long lines(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).lines().count();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private JsonNode awaitSettled(String id) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode job = JSON.readTree(
                    api.send("GET", "/api/v1/imports/" + id, "admin", null).body());
            if (SETTLED.contains(job.get("status").asString())) {
                return job;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("import " + id + " did not settle: " + job);
            }
            Thread.sleep(200);
        }
    }
}
