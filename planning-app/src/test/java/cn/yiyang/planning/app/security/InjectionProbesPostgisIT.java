package cn.yiyang.planning.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.ApiClient;
import cn.yiyang.planning.app.testsupport.StoreSnapshot;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL injection probes on every REST and OGC API parameter that names a column or a layer or takes a filter value
 * (issue 17), on PostGIS with the small demo city, as ADMIN (who may read everything): each payload is refused with
 * a 400 problem that names the parameter (or 404 for a path segment that names nothing), or taken as a plain value
 * (200 with what matches it: nothing); never a 500, never the store's SQL or errors in the answer, and the store is
 * unchanged afterwards, every table of it. Column names reach SQL only from the catalogue
 * ({@code FeatureFilterSql}); values only as bind parameters.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=true",
            "planning.demo.scale=small",
            "planning.tianditu.key=",
            "planning.road-access.run-on-start=false",
            "planning.analyses.run-on-start=false",
            "planning.map.version-check=PT1H"
        })
class InjectionProbesPostgisIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Payloads of the usual shapes: quote breaking, stacked statements, UNION, comments, identifiers. */
    static final List<String> PAYLOADS = List.of(
            "' OR '1'='1",
            "1; DROP TABLE road; --",
            "1 OR 1=1",
            "x') UNION SELECT password_hash, null FROM app_account --",
            "name\" = name OR \"1\"=\"1",
            "code) OR (1=1",
            "2024-01-01'); DELETE FROM audit_entry; --",
            "1,2,3,4); DROP TABLE road; --");

    /** What the store's own failures look like: none may reach a caller. */
    static final List<String> LEAKS = List.of(
            "org.postgresql",
            "org.h2",
            "psqlexception",
            "sqlstate",
            "syntax error",
            "jdbc",
            "exception",
            "st_makeenvelope",
            "where ",
            " from road",
            "at cn.yiyang",
            "hikari");

    private static TestStore db;

    @TempDir
    static Path dataDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry r) {
        db = TestStores.postgis();
        r.add("planning.db.url", db::jdbcUrl);
        r.add("planning.data-dir", () -> dataDir.toString());
    }

    @AfterAll
    static void drop() throws Exception {
        db.close();
    }

    /**
     * A place a payload goes: a query parameter ({@code ?name=P}, after the fixed part) or a path segment ({@code {P}}
     * in the template).
     *
     * @param template  the path with {@code {P}} where a path payload goes, or the path a parameter is added to
     * @param parameter the query parameter that carries the payload, or null for a path segment
     */
    record Probe(String template, String parameter) {

        String path(String payload) {
            String p = URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20");
            if (parameter == null) {
                return template.replace("{P}", p);
            }
            return template + (template.contains("?") ? "&" : "?") + parameter + "=" + p;
        }
    }

    static List<Probe> probes(String plan, String village) {
        List<Probe> out = new ArrayList<>();
        // OGC API Features: attribute filters on each kind of field, the reserved parameters, names in the path
        String items = "/ogc/collections/road/items";
        for (String p : List.of(
                "code",
                "name",
                "admin_class",
                "width",
                "segment_seq",
                "hardened",
                "bbox",
                "bbox-crs",
                "datetime",
                "limit",
                "offset",
                "after",
                "crs",
                "f")) {
            out.add(new Probe(items, p));
        }
        out.add(new Probe("/ogc/collections/road_inspection/items", "inspected_on"));
        out.add(new Probe("/ogc/collections/road_inspection/items", "datetime"));
        out.add(new Probe("/ogc/collections/{P}/items", null));
        out.add(new Probe("/ogc/collections/{P}", null));
        out.add(new Probe("/ogc/collections/road/items/{P}", null));
        // tiles: the layer in the path, the data version
        out.add(new Probe("/tiles/{P}/8/209/107.mvt", null));
        out.add(new Probe("/tiles/county/8/209/107.mvt", "v"));
        out.add(new Probe("/tiles/{P}.json", null));
        // the feature API and the layer catalogue
        out.add(new Probe("/api/v1/layers/{P}", null));
        out.add(new Probe("/api/v1/layers/{P}/features/1", null));
        out.add(new Probe("/api/v1/layers/road/features/{P}", null));
        out.add(new Probe("/api/v1/layers/road/features/1", "asOf"));
        // exports
        String export = "/api/v1/layers/road/export?format=geojson";
        for (String p : List.of("county", "township", "village", "bbox", "crs", "encoding")) {
            out.add(new Probe(export, p));
        }
        out.add(new Probe("/api/v1/layers/road/export", "format"));
        out.add(new Probe("/api/v1/layers/{P}/export?format=geojson", null));
        // plans
        for (String p : List.of("county", "township", "status", "overdue", "offset", "limit")) {
            out.add(new Probe("/api/v1/plans", p));
        }
        out.add(new Probe("/api/v1/plans/{P}", null));
        out.add(new Probe("/api/v1/plans/{P}/conflicts", null));
        out.add(new Probe("/api/v1/plans/" + plan + "/balance", "level"));
        out.add(new Probe("/api/v1/plans/" + plan + "/conflicts", "format"));
        // the road register
        for (String p : List.of("status", "county", "township", "from", "to")) {
            out.add(new Probe("/api/v1/road-register", p));
            out.add(new Probe("/api/v1/road-register.csv", p));
        }
        // analyses, indicators, findings, the dashboard
        out.add(new Probe("/api/v1/indicators", "level"));
        for (String p : List.of("kind", "code", "group", "indicator", "runId")) {
            out.add(new Probe("/api/v1/indicators?level=village", p));
        }
        out.add(new Probe("/api/v1/analyses/runs", "kind"));
        out.add(new Probe("/api/v1/analyses/runs", "limit"));
        out.add(new Probe("/api/v1/analyses/runs/{P}", null));
        for (String p : List.of("county", "township", "group", "severity", "type")) {
            out.add(new Probe("/api/v1/analyses/road-access/findings/access_gap.csv", p));
        }
        out.add(new Probe("/api/v1/analyses/road-access/findings/{P}.csv", null));
        out.add(new Probe("/api/v1/analyses/{P}/findings/access_gap.csv", null));
        out.add(new Probe("/api/v1/dashboard", "code"));
        out.add(new Probe("/api/v1/dashboard", "group"));
        out.add(new Probe("/api/v1/dashboard/below?indicator=road_access_rate", "code"));
        out.add(new Probe("/api/v1/dashboard/below", "indicator"));
        // imports, the indicator catalogue, the audit record
        out.add(new Probe("/api/v1/imports", "layer"));
        out.add(new Probe("/api/v1/imports", "limit"));
        out.add(new Probe("/api/v1/imports/{P}", null));
        out.add(new Probe("/api/v1/indicator-catalogue", "period"));
        out.add(new Probe("/api/v1/indicator-catalogue/{P}/entries", null));
        for (String p : List.of("year", "level", "code")) {
            out.add(new Probe("/api/v1/indicator-catalogue/village_collective_income/entries", p));
        }
        out.add(new Probe("/api/v1/indicator-catalogue/changes", "indicator"));
        for (String p : List.of("user", "layer", "feature", "action", "from", "to")) {
            out.add(new Probe("/api/v1/audit.csv", p));
        }
        out.add(new Probe("/api/v1/indicator-catalogue/village_collective_income/entries?level=village", "code"));
        out.add(new Probe("/api/v1/plans?county=" + village.substring(0, 6), "township"));
        return out;
    }

    @Test
    void noParameterReachesSqlAndEveryRefusalNamesItsParameter() throws Exception {
        StoreSnapshot snapshot = new StoreSnapshot(db.store().dataSource());
        Map<String, String> before = snapshot.take();
        ApiClient api = new ApiClient(port);
        List<String> failures = new ArrayList<>();
        for (Probe probe :
                probes(first("SELECT min(code) FROM village_plan"), first("SELECT min(code) FROM village"))) {
            for (String payload : PAYLOADS) {
                String path = probe.path(payload);
                HttpResponse<String> r = api.send("GET", path, "admin", null);
                String where = path + ": HTTP " + r.statusCode() + " ";
                int status = r.statusCode();
                if (!Set.of(200, 204, 400, 404).contains(status)) {
                    failures.add(where + r.body());
                    continue;
                }
                String answer = withoutPayload(r.body(), payload).toLowerCase(Locale.ROOT);
                LEAKS.stream()
                        .filter(answer::contains)
                        .forEach(leak -> failures.add(where + "shows \"" + leak + "\": " + r.body()));
                if (status == 400 && probe.parameter() != null && !names(r.body(), probe.parameter())) {
                    failures.add(where + "does not name the parameter " + probe.parameter() + ": " + r.body());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(snapshot.take()).as("the store after the probes").isEqualTo(before);
        assertThat(first("SELECT count(*) FROM road")).isNotEqualTo("0");
    }

    /**
     * A road whose name, maintainer and route code hold HTML and script, written through the API: the OGC API's HTML
     * pages escape them, and the CSV and Excel exports hold the literal values (as text, neutralised as formulas
     * would be: none of these starts with one).
     */
    @Test
    void attributeValuesWithMarkupComeBackAsText() throws Exception {
        ApiClient api = new ApiClient(port);
        String code = "C7" + (System.nanoTime() % 100_000);
        String road = "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":"
                + JSON.writeValueAsString(AttributesAsTextTest.IMG) + ",\"admin_class\":\"village\",\"maintainer\":"
                + JSON.writeValueAsString(AttributesAsTextTest.SCRIPT) + ",\"route_code\":"
                + JSON.writeValueAsString(AttributesAsTextTest.QUOTES) + "},\"geometry\":{\"type\":\"LineString\","
                + "\"coordinates\":[[112.30,28.50],[112.31,28.51]]}}";
        HttpResponse<String> created = api.send("POST", "/api/v1/layers/road/features", "admin", road);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();

        for (String page : List.of(
                "/ogc/collections/road/items?f=html&code=" + code, "/ogc/collections/road/items/" + id + "?f=html")) {
            HttpResponse<String> html = api.send("GET", page, "admin", null);
            assertThat(html.statusCode()).isEqualTo(200);
            assertThat(html.body())
                    .as(page)
                    .contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                    .contains("&quot;&#39;&gt;&lt;svg onload=alert(2)&gt;")
                    .doesNotContain(AttributesAsTextTest.IMG, AttributesAsTextTest.SCRIPT, "<svg");
        }
        HttpResponse<byte[]> csv =
                api.bytes(api.request("/api/v1/layers/road/export?format=csv&bbox=112.29,28.49,112.32,28.52", "admin")
                        .GET()
                        .build());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .contains(AttributesAsTextTest.IMG, AttributesAsTextTest.SCRIPT);
        HttpResponse<byte[]> xlsx =
                api.bytes(api.request("/api/v1/layers/road/export?format=xlsx&bbox=112.29,28.49,112.32,28.52", "admin")
                        .GET()
                        .build());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.add(cell.toString())));
        }
        assertThat(cells).contains(AttributesAsTextTest.IMG, AttributesAsTextTest.SCRIPT, AttributesAsTextTest.QUOTES);
    }

    /** The answer without the payload it echoes (as sent, and as JSON escapes it). */
    private static String withoutPayload(String body, String payload) {
        String json = JSON.writeValueAsString(payload);
        return body.replace(json.substring(1, json.length() - 1), "").replace(payload, "");
    }

    /** Whether a 400 problem names the parameter: its {@code parameter} property or its detail. */
    private static boolean names(String body, String parameter) {
        try {
            JsonNode problem = JSON.readTree(body);
            JsonNode named = problem.get("parameter");
            JsonNode detail = problem.get("detail");
            return (named != null && parameter.equals(named.asString()))
                    || (detail != null && detail.asString().contains(parameter));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String first(String sql) throws Exception {
        try (Connection c = db.store().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
