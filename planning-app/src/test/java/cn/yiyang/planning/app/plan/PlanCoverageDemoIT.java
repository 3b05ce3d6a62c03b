package cn.yiyang.planning.app.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The village plan coverage of the SMALL demo city on PostGIS, through the API, against the same figures counted
 * independently in SQL: the village codes split with a regular expression, in force = the stage names approved
 * and entered, urban = an urban-rural code starting with 1.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=true",
            "planning.demo.scale=small",
            "planning.tianditu.key=",
            "planning.road-access.run-on-start=false"
        })
class PlanCoverageDemoIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Per unit and group: covered, rural villages. */
    private static final String SQL = """
            WITH covered AS (
                SELECT DISTINCT c.code FROM village_plan p,
                    regexp_split_to_table(p.village_codes, '[,，、;；[:space:]]+') AS c(code)
                WHERE p.status IN ('approved', 'entered')),
            rural AS (
                SELECT v.code, v.township_code, t.county_code, '430900' AS city_code, coalesce(v.key_support, false) AS key_support,
                       coalesce(v.demonstration, false) AS demonstration, v.code IN (SELECT code FROM covered) AS covered
                FROM village v JOIN township t ON t.code = v.township_code
                WHERE v.urban_rural_code IS NULL OR v.urban_rural_code NOT LIKE '1%%')
            SELECT r.%s AS unit, g.grp, count(*) FILTER (WHERE r.covered), count(*)
            FROM rural r CROSS JOIN (VALUES ('all'), ('key_support'), ('demonstration')) AS g(grp)
            WHERE g.grp = 'all' OR (g.grp = 'key_support' AND r.key_support)
                  OR (g.grp = 'demonstration' AND r.demonstration)
            GROUP BY 1, 2
            """;

    private static TestStore db;

    @TempDir
    static Path dataDir;

    @LocalServerPort
    int port;

    @Autowired
    SpatialStore store;

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

    @Test
    void cityCountiesAndTownshipsMatchTheCountsInSql() throws Exception {
        Map<String, long[]> city = api("city");
        Map<String, long[]> expectedCity = sql("city_code");
        assertThat(city).hasSize(3);
        expectedCity.forEach((key, counts) -> assertThat(city.get(key)).as(key).containsExactly(counts));
        long[] all = city.get("430900/all");
        assertThat(all[1]).isGreaterThan(1000);
        assertThat((double) all[0] / all[1]).as("most plans are in force").isBetween(0.5, 0.95);

        Map<String, long[]> counties = api("county");
        Map<String, long[]> expectedCounties = sql("county_code");
        expectedCounties.forEach(
                (key, counts) -> assertThat(counties.get(key)).as(key).containsExactly(counts));
        assertThat(counties.keySet()).hasSize(8 * 3);
        counties.forEach((key, counts) ->
                assertThat(counts).as(key).containsExactly(expectedCounties.getOrDefault(key, new long[] {0, 0})));

        Map<String, long[]> townships = api("township");
        Map<String, long[]> expectedTownships = sql("township_code");
        expectedTownships.forEach(
                (key, counts) -> assertThat(townships.get(key)).as(key).containsExactly(counts));
        townships.forEach((key, counts) ->
                assertThat(counts).as(key).containsExactly(expectedTownships.getOrDefault(key, new long[] {0, 0})));
    }

    /** @return unit code/group → {numerator, denominator} */
    private Map<String, long[]> api(String level) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/indicators?indicator=village_plan_coverage_rate&level=" + level))
                .timeout(Duration.ofSeconds(60))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("leader:yiyang2025".getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, long[]> out = new HashMap<>();
        for (JsonNode v : JSON.readTree(response.body()).get("indicators")) {
            assertThat(v.get("target").asDouble()).isEqualTo(1.0);
            out.put(v.get("code").asString() + "/" + v.get("group").asString(), new long[] {
                v.get("numerator").asLong(), v.get("denominator").asLong()
            });
        }
        return out;
    }

    /** @param unit the SQL expression of the unit's code */
    private Map<String, long[]> sql(String unit) {
        return store.withConnection(c -> {
            Map<String, long[]> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(SQL.formatted(unit));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1) + "/" + rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4)});
                }
            }
            return out;
        });
    }
}
