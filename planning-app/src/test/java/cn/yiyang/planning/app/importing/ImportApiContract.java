package cn.yiyang.planning.app.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import API over HTTP against a running app, as a department's system uses it: upload, poll,
 * confirm, list, download; and its refusals (zip slip, too large, unknown layer, a role that does not own
 * the layer, bad values) as problems with a stable code and a message in the caller's language.
 * Subclasses pick the store. Uploads are limited to 1 MB here, to test the limit.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planning.demo.enabled=false", "planning.import.max-upload-mb=1"})
abstract class ImportApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> SETTLED = Set.of("NEEDS_INPUT", "SUCCEEDED", "FAILED");

    @LocalServerPort
    int port;

    @Autowired
    UploadStore uploads;

    @TempDir
    Path work;

    @Test
    void aDryRunAnalysesTheRoadsThenConfirmingLoadsThem() throws Exception {
        long before = featureCount("road");
        int folders = uploadFolders();
        HttpResponse<String> submitted = post(
                "/api/v1/layers/road/imports",
                "transport",
                null,
                new Multipart().file(ImportTestFiles.roadsZip(work)).field("dryRun", "true"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = json(submitted).get("id").asString();
        assertThat(submitted.headers().firstValue("Location")).hasValue("/api/v1/imports/" + id);

        JsonNode analysed = awaitSettled(id);
        assertThat(analysed.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(analysed.get("dryRun").asBoolean()).isTrue();
        assertThat(analysed.get("format").asString()).isEqualTo("SHAPEFILE");
        assertThat(analysed.get("fileName").asString()).isEqualTo("益阳道路_赫山区.zip");
        assertThat(analysed.get("encoding").asString()).isEqualTo("GBK");
        assertThat(analysed.get("encodingDetection").asString()).isEqualTo("DECLARED");
        assertThat(analysed.get("crs").asString()).isEqualTo("EPSG:4525");
        assertThat(analysed.get("crsDetection").asString()).isEqualTo("DECLARED");
        assertThat(analysed.get("read").asLong()).isEqualTo(4);
        assertThat(analysed.get("valid").asLong()).isEqualTo(3);
        assertThat(analysed.get("rejected").asLong()).isEqualTo(1);
        assertThat(analysed.get("imported").asLong()).isZero();
        assertThat(uploadFolders()).as("the upload is kept for the load").isEqualTo(folders + 1);
        assertThat(analysed.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(analysed.get("confirmable").asBoolean()).isTrue();
        assertThat(analysed.get("mode").asString()).isEqualTo("APPEND");
        assertThat(mapping(analysed)).contains("道路名称→name", "路段编码→code", "行政等级→admin_class", "路面类型→surface");
        assertThat(analysed.get("preview").get("extent").get(0).asDouble()).isBetween(112.28, 112.30);
        JsonNode issue = analysed.get("issues").get(0);
        assertThat(issue.get("row").asLong()).isEqualTo(4);
        assertThat(issue.get("field").asString()).isEqualTo("行政等级");
        assertThat(issue.get("code").asString()).isEqualTo("UNKNOWN_CODE");
        assertThat(issue.get("message").asString()).contains("高速", "不在允许的取值范围内");
        assertThat(analysed.toString()).doesNotContain(uploads.root().toString(), "/tmp/");
        assertThat(featureCount("road")).as("a dry run loads nothing").isEqualTo(before);

        HttpResponse<String> confirmed = postJson("/api/v1/imports/" + id + "/confirm", "transport", "{}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);
        JsonNode loaded = awaitSettled(id);
        assertThat(loaded.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(loaded.get("dryRun").asBoolean()).isFalse();
        assertThat(loaded.get("imported").asLong()).isEqualTo(3);
        assertThat(loaded.get("rejected").asLong()).isEqualTo(1);
        assertThat(loaded.get("confirmable").asBoolean()).isFalse();
        assertThat(featureCount("road")).isEqualTo(before + 3);
        assertThat(uploadFolders()).as("the upload is deleted once loaded").isEqualTo(folders);

        JsonNode recent = json(get("/api/v1/imports?layer=road&limit=5", "leader", null));
        JsonNode record = recent.get("imports").get(0);
        assertThat(record.get("id").asString()).isEqualTo(id);
        assertThat(record.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(record.get("imported").asLong()).isEqualTo(3);
        assertThat(record.get("requestedBy").asString()).isEqualTo("transport");

        HttpResponse<byte[]> csv = getBytes("/api/v1/imports/" + id + "/issues.csv", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("file,row,field,code,severity,message", "UNKNOWN_CODE", "值“高速”不在允许的取值范围内");
        String english = new String(
                getBytes("/api/v1/imports/" + id + "/issues.csv", "en").body(), StandardCharsets.UTF_8);
        assertThat(english).contains("高速").doesNotContain("不在允许的取值范围内");
        HttpResponse<byte[]> recordCsv = getBytes("/api/v1/imports/" + id + "/record.csv", null);
        assertThat(recordCsv.body()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(recordCsv.body(), StandardCharsets.UTF_8)).contains(id, "SUCCEEDED", "益阳道路_赫山区.zip");

        JsonNode page = json(get("/api/v1/imports/" + id + "/issues?offset=0&limit=10", "planner", null));
        assertThat(page.get("issueCount").asLong()).isEqualTo(3);
        // in row order: the file's notices first (hardened and all-season follow from the surface), then row 4
        assertThat(page.get("issues").get(0).get("code").asString()).isEqualTo("VALUES_DERIVED");
        assertThat(page.get("issues").get(2).get("code").asString()).isEqualTo("UNKNOWN_CODE");

        HttpResponse<String> again = postJson("/api/v1/imports/" + id + "/confirm", "transport", "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("code").asString()).isEqualTo("import_not_confirmable");
        assertThat(json(again).get("detail").asString()).contains("成功");
    }

    @Test
    void aFileWithoutCoordinateSystemWaitsForOneAndRunsWithIt() throws Exception {
        int folders = uploadFolders();
        Multipart parts = new Multipart().field("dryRun", "true");
        try (Stream<Path> files = Files.list(ImportTestFiles.corpus("no_prj_ambiguous"))) {
            files.sorted().forEach(parts::file);
        }
        HttpResponse<String> submitted = post("/api/v1/layers/bus_stop/imports", "admin", null, parts);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = json(submitted).get("id").asString();

        JsonNode waiting = awaitSettled(id);
        assertThat(waiting.get("status").asString()).isEqualTo("NEEDS_INPUT");
        assertThat(waiting.get("crs").isNull()).isTrue();
        assertThat(waiting.get("crsDetection").asString())
                .as(waiting.toString())
                .isEqualTo("UNKNOWN");
        assertThat(waiting.get("outcome").get("code").asString()).isEqualTo("NO_CRS");
        assertThat(waiting.get("outcome").get("message").asString()).contains("坐标系");
        assertThat(waiting.get("confirmable").asBoolean()).isTrue();
        JsonNode english = json(get("/api/v1/imports/" + id, "admin", "en"));
        assertThat(english.get("outcome").get("message").asString()).contains("coordinate system");

        HttpResponse<String> confirmed =
                postJson("/api/v1/imports/" + id + "/confirm", "admin", "{\"crs\":\"EPSG:4546\",\"dryRun\":true}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);
        JsonNode done = awaitSettled(id);
        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("crs").asString()).isEqualTo("EPSG:4546");
        assertThat(done.get("crsDetection").asString()).isEqualTo("USER");
        assertThat(done.get("read").asLong()).isEqualTo(2);
        assertThat(uploadFolders())
                .as("a dry run keeps its upload for the load")
                .isEqualTo(folders + 1);
    }

    @Test
    void aTableWhoseColumnsTheDepartmentNamedItsOwnWayIsProposedByItsValuesAndLoadsOnceAccepted() throws Exception {
        Path works = work.resolve("供水工程.csv");
        Files.writeString(
                works, "工程编号,工程名称,工程类型,经度,纬度\nSG001,城区水厂,城乡一体化,112.35,28.55\nSG002,泉交河水厂,千人以上,112.24,28.60\n");
        String worksId = json(post(
                        "/api/v1/layers/water_work/imports",
                        "admin",
                        null,
                        new Multipart().file(works).field("mode", "replace")))
                .get("id")
                .asString();
        assertThat(awaitSettled(worksId).get("imported").asLong()).isEqualTo(2);
        Path tests = work.resolve("水质检测_乡镇上报.csv");
        Files.writeString(
                tests,
                "BH,RQ,JL\nSG001,2024/9/28,合格\nSG002,2024年9月28日,不合格\nSG001,45563,合格\nSG002,2024-10-08,合格\nSG009,2024-10-09,合格\n");

        String id = json(post("/api/v1/layers/water_quality_test/imports", "admin", null, new Multipart().file(tests)))
                .get("id")
                .asString();
        JsonNode waiting = awaitSettled(id);

        assertThat(waiting.get("status").asString()).isEqualTo("NEEDS_INPUT");
        assertThat(waiting.get("outcome").get("code").asString()).isEqualTo("REQUIRED_FIELD_UNMAPPED");
        assertThat(mapping(waiting)).containsExactly("BH→EXTRA", "RQ→tested_on", "JL→result");
        JsonNode proposals = waiting.get("proposals");
        assertThat(proposals.get(0).get("field").asString()).isEqualTo("water_work_code");
        assertThat(proposals.get(0).get("applied").asBoolean()).isFalse();
        JsonNode best = proposals.get(0).get("candidates").get(0);
        assertThat(best.get("source").asString()).isEqualTo("BH");
        assertThat(best.get("evidence").asString()).isEqualTo("REFERENCE");
        assertThat(best.get("percent").asInt()).isEqualTo(80);
        assertThat(best.get("message").asString()).isEqualTo("`BH` 的值中 80 % 是库中供水工程的编码");
        assertThat(proposals.get(1).get("field").asString()).isEqualTo("tested_on");
        assertThat(proposals.get(1).get("applied").asBoolean()).isTrue();
        JsonNode english = json(get("/api/v1/imports/" + id, "admin", "en"));
        assertThat(english.get("proposals")
                        .get(0)
                        .get("candidates")
                        .get(0)
                        .get("message")
                        .asString())
                .isEqualTo("80 % of the values of `BH` are codes of Water supply works in the store");

        HttpResponse<String> accepted = postJson(
                "/api/v1/imports/" + id + "/confirm",
                "admin",
                "{\"fieldMap\":{\"" + best.get("source").asString() + "\":\"water_work_code\"}}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode loaded = awaitSettled(id);
        assertThat(loaded.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(loaded.get("read").asLong()).isEqualTo(5);
        assertThat(loaded.get("imported").asLong()).isEqualTo(4);
        assertThat(loaded.get("rejected").asLong()).isEqualTo(1);
        assertThat(mapping(loaded)).containsExactly("BH→water_work_code", "RQ→tested_on", "JL→result");
        assertThat(featureCount("water_quality_test")).isEqualTo(4);
    }

    @Test
    void aZipSlipIsRefusedAtOnceWithItsCodeInTheCallersLanguage() throws Exception {
        int folders = uploadFolders();
        HttpResponse<String> zh = post(
                "/api/v1/layers/road/imports",
                "admin",
                null,
                new Multipart().file(ImportTestFiles.corpus("zip_slip.zip")));
        assertThat(zh.statusCode()).isEqualTo(422);
        assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(zh);
        assertThat(problem.get("code").asString()).isEqualTo("zip_slip");
        assertThat(problem.get("issue").asString()).isEqualTo("ZIP_SLIP");
        assertThat(problem.get("detail").asString()).contains("../../evil.shp", "压缩包");
        assertThat(problem.get("file").asString()).isEqualTo("zip_slip.zip");
        HttpResponse<String> en = post(
                "/api/v1/layers/road/imports",
                "admin",
                "en",
                new Multipart().file(ImportTestFiles.corpus("zip_slip.zip")));
        assertThat(json(en).get("detail").asString()).contains("zip entry \"../../evil.shp\"");
        assertThat(uploadFolders()).as("a refused upload is deleted").isEqualTo(folders);
    }

    @Test
    void anUploadOverTheLimitIs413() throws Exception {
        HttpResponse<String> r = post(
                "/api/v1/layers/road/imports", "admin", null, new Multipart().file(ImportTestFiles.filler(work, 1536)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        JsonNode problem = json(r);
        assertThat(problem.get("code")).as(r.body()).isNotNull();
        assertThat(problem.get("code").asString()).isEqualTo("too_large");
        assertThat(problem.get("issue").asString()).isEqualTo("TOO_LARGE");
        assertThat(problem.get("detail").asString()).contains("超过上限 1 MB");
        assertThat(r.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void unknownLayersAndImportsAre404() throws Exception {
        HttpResponse<String> layer = post(
                "/api/v1/layers/nope/imports", "admin", null, new Multipart().file(ImportTestFiles.roadsZip(work)));
        assertThat(layer.statusCode()).isEqualTo(404);
        assertThat(json(layer).get("code").asString()).isEqualTo("unknown_layer");
        HttpResponse<String> job = get("/api/v1/imports/no-such-import", "admin", null);
        assertThat(job.statusCode()).isEqualTo(404);
        assertThat(json(job).get("code").asString()).isEqualTo("unknown_import");
        assertThat(json(job).get("detail").asString()).contains("no-such-import");
        assertThat(postJson("/api/v1/imports/no-such-import/confirm", "admin", "{}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(getBytes("/api/v1/imports/no-such-import/issues.csv", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void derivedLayersAreRefusedWith409InTheCallersLanguage() throws Exception {
        HttpResponse<String> zh = post(
                "/api/v1/layers/access_gap/imports",
                "transport",
                null,
                new Multipart().file(ImportTestFiles.roadsZip(work)));
        assertThat(zh.statusCode()).as(zh.body()).isEqualTo(409);
        assertThat(json(zh).get("code").asString()).isEqualTo("derived_layer");
        assertThat(json(zh).get("issue").asString()).isEqualTo("DERIVED_LAYER");
        assertThat(json(zh).get("detail").asString()).contains("access_gap", "分析结果");
        HttpResponse<String> en = post(
                "/api/v1/layers/access_household/imports",
                "admin",
                "en",
                new Multipart().file(ImportTestFiles.roadsZip(work)));
        assertThat(en.statusCode()).as(en.body()).isEqualTo(409);
        assertThat(json(en).get("detail").asString()).contains("access_household", "analysis results");
        assertThat(en.body()).doesNotContain("Exception", "at org.");
        assertThat(json(get("/api/v1/imports?layer=access_gap", "admin", null)).get("imports"))
                .isEmpty();
    }

    @Test
    void onlyTheRolesThatOwnTheLayersThemeMayImport() throws Exception {
        HttpResponse<String> leader = post(
                "/api/v1/layers/road/imports", "leader", null, new Multipart().file(ImportTestFiles.roadsZip(work)));
        assertThat(leader.statusCode()).isEqualTo(403);
        assertThat(json(leader).get("code").asString()).isEqualTo("forbidden");
        assertThat(json(leader).get("detail").asString()).contains("农村公路", "LEADER");
        HttpResponse<String> water = post(
                "/api/v1/layers/road/imports", "water", "en", new Multipart().file(ImportTestFiles.roadsZip(work)));
        assertThat(water.statusCode()).isEqualTo(403);
        assertThat(json(water).get("detail").asString()).contains("may not import", "Roads");
        assertThat(get("/api/v1/imports", "leader", null).statusCode())
                .as("reading is open")
                .isEqualTo(200);
    }

    @Test
    void badValuesAre400WithTheirCode() throws Exception {
        HttpResponse<String> mode = post(
                "/api/v1/layers/road/imports",
                "admin",
                null,
                new Multipart().file(ImportTestFiles.roadsZip(work)).field("mode", "sideways"));
        assertThat(mode.statusCode()).isEqualTo(400);
        assertThat(json(mode).get("code").asString()).isEqualTo("bad_value");
        assertThat(json(mode).get("detail").asString()).contains("mode", "sideways", "replace, append, upsert");
        HttpResponse<String> crs = post(
                "/api/v1/layers/road/imports",
                "admin",
                "en",
                new Multipart().file(ImportTestFiles.roadsZip(work)).field("crs", "EPSG:99999"));
        assertThat(crs.statusCode()).isEqualTo(400);
        assertThat(json(crs).get("code").asString()).isEqualTo("crs_unsupported");
        assertThat(json(crs).get("issue").asString()).isEqualTo("CRS_UNSUPPORTED");
        assertThat(json(crs).get("detail").asString()).contains("EPSG:99999");
        HttpResponse<String> map = post(
                "/api/v1/layers/road/imports",
                "admin",
                null,
                new Multipart().file(ImportTestFiles.roadsZip(work)).field("fieldMap", "[1,2]"));
        assertThat(json(map).get("code").asString()).as(map.body()).isEqualTo("bad_value");
        HttpResponse<String> noFile =
                post("/api/v1/layers/road/imports", "admin", null, new Multipart().field("dryRun", "true"));
        assertThat(noFile.statusCode()).as(noFile.body()).isEqualTo(400);
        assertThat(json(noFile).get("code")).as(noFile.body()).isNotNull();
        assertThat(json(noFile).get("code").asString()).isEqualTo("no_file");
    }

    // --- helpers ---

    private JsonNode awaitSettled(String id) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            HttpResponse<String> r = get("/api/v1/imports/" + id, "admin", null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode job = json(r);
            if (SETTLED.contains(job.get("status").asString())) {
                return job;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("import " + id + " did not settle: " + job);
            }
            Thread.sleep(200);
        }
    }

    private long featureCount(String layer) throws Exception {
        return json(get("/api/v1/layers/" + layer, "admin", null))
                .get("featureCount")
                .asLong();
    }

    private int uploadFolders() throws Exception {
        try (Stream<Path> s = Files.list(uploads.root())) {
            return (int) s.count();
        }
    }

    private static List<String> mapping(JsonNode job) {
        List<String> out = new ArrayList<>();
        job.get("mapping")
                .forEach(m -> out.add(
                        m.get("source").asString() + "→" + m.get("target").asString()));
        return out;
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> post(String path, String user, String language, Multipart body) throws Exception {
        HttpRequest.Builder b = request(path, user, language)
                .header("Content-Type", body.contentType())
                .POST(body.publisher());
        return send(b.build());
    }

    private HttpResponse<String> postJson(String path, String user, String json) throws Exception {
        return send(request(path, user, null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private HttpResponse<String> get(String path, String user, String language) throws Exception {
        return send(request(path, user, language).GET().build());
    }

    private HttpResponse<byte[]> getBytes(String path, String language) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request(path, "planner", language).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private HttpRequest.Builder request(String path, String user, String language) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":yiyang2025").getBytes(StandardCharsets.UTF_8)));
        if (language != null) {
            b.header("Accept-Language", language);
        }
        return b;
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
