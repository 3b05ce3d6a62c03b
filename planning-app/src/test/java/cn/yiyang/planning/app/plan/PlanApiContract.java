package cn.yiyang.planning.app.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.testsupport.ApiClient;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan register API over HTTP against a running app: lists with filters and pages, new plans, the workflow's
 * steps with every role (allowed succeeds, forbidden 403 changes nothing), reasons and approval details, an
 * approval gate's blockers, and documents (PDF by content, size limit, a Chinese file name there and back).
 * Subclasses pick the store; it starts empty (no demo city) and gets {@link PlanTestData}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=false",
            "planning.map.version-check=PT1H",
            "planning.road-access.run-on-start=false",
            "planning.plans.max-document-mb=1"
        })
@Import(PlanApiContract.Gates.class)
abstract class PlanApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLANS = "/api/v1/plans";
    private static final AtomicInteger VILLAGES = new AtomicInteger();
    /** Plans the test gate refuses to let be approved. */
    static final Set<String> BLOCKED = ConcurrentHashMap.newKeySet();

    /** An approval gate as the conflict checks will be one: a bean of {@link ApprovalGate}. */
    @TestConfiguration
    static class Gates {
        @Bean
        ApprovalGate testGate() {
            return code -> BLOCKED.contains(code)
                    ? List.of(Localized.of("规划建设用地占用永久基本农田 1 处", "1 parcel of construction on basic farmland"))
                    : List.of();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    FeatureRepository features;

    @Autowired
    LayerCatalogue catalogue;

    @Autowired
    LayerVersions versions;

    @BeforeEach
    void data() {
        synchronized (PlanApiContract.class) {
            if (features.findByKey(catalogue.get(LayerIds.VILLAGE_PLAN), PlanTestData.REVIEWING)
                    .isEmpty()) {
                PlanTestData.load(features, catalogue);
                List.of(LayerIds.COUNTY, LayerIds.TOWNSHIP, LayerIds.VILLAGE, LayerIds.VILLAGE_PLAN)
                        .forEach(versions::changed);
            }
        }
    }

    @Test
    void theRegisterListsFiltersAndPages() throws Exception {
        JsonNode township = json(send("GET", PLANS + "?township=" + PlanTestData.MAOCAOJIE, "leader", null));
        assertThat(township.get("total").asInt()).isEqualTo(2);
        assertThat(codes(township)).containsExactly(PlanTestData.APPROVED, PlanTestData.COMPILING);
        JsonNode approved = township.get("plans").get(0);
        assertThat(approved.get("statusLabel").asString()).isEqualTo("已批复");
        assertThat(approved.get("countyName").asString()).isEqualTo("南县");
        assertThat(approved.get("townshipName").asString()).isEqualTo("茅草街镇");
        assertThat(approved.get("villages").get(0).get("name").asString()).isEqualTo("丁村");
        assertThat(approved.get("documentNumber").asString()).isEqualTo("益南政函〔2022〕8号");
        assertThat(approved.get("overdue").asBoolean()).isFalse();
        assertThat(approved.get("extent").get(0).asDouble()).isEqualTo(112.3);

        JsonNode english = json(send(
                "GET",
                PLANS + "?township=" + PlanTestData.MAOCAOJIE + "&status=approved",
                "leader",
                null,
                "Accept-Language",
                "en"));
        assertThat(codes(english)).containsExactly(PlanTestData.APPROVED);
        assertThat(english.get("plans").get(0).get("statusLabel").asString()).isEqualTo("Approved");
        assertThat(codes(json(send("GET", PLANS + "?county=430921&status=待审查&overdue=true", "leader", null))))
                .as("a label for the status; reviewing without a due date is overdue")
                .contains(PlanTestData.REVIEWING)
                .doesNotContain(PlanTestData.APPROVED, PlanTestData.COMPILING);
        JsonNode page =
                json(send("GET", PLANS + "?township=" + PlanTestData.MAOCAOJIE + "&offset=1&limit=1", "leader", null));
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(page.get("limit").asInt()).isEqualTo(1);
        assertThat(codes(page)).containsExactly(PlanTestData.COMPILING);

        assertProblem(send("GET", PLANS + "?status=revising-x", "leader", null), 400, "bad_value");
        assertProblem(send("GET", PLANS + "?overdue=maybe", "leader", null), 400, "bad_value");
        assertProblem(send("GET", PLANS + "/CZGH000", "leader", null), 404, "unknown_plan");
    }

    @Test
    void aPlannerCreatesAPlanFromItsVillagesAndOthersMayNot() throws Exception {
        String v1 = newVillage();
        String v2 = newVillage();
        String body = "{\"name\":\"南洲镇测试村庄规划\",\"villageCodes\":[\"" + v1 + "\",\"" + v2
                + "\"],\"compilingUnit\":\"益阳市规划设计院\",\"period\":\"2021—2035年\",\"dueOn\":\"2026-12-31\",\"status\":\"compiling\"}";
        long before = planCount();
        for (String user : List.of("approver", "leader", "water", "transport")) {
            assertProblem(send("POST", PLANS, user, body), 403, "forbidden");
        }
        assertThat(planCount()).isEqualTo(before);

        HttpResponse<String> created = send("POST", PLANS, "planner", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String code = "CZGH" + v1;
        assertThat(created.headers().firstValue("Location")).hasValue(PLANS + "/" + code);
        JsonNode plan = json(created).get("plan");
        assertThat(plan.get("status").asString()).isEqualTo("compiling");
        assertThat(plan.get("dueOn").asString()).isEqualTo("2026-12-31");
        assertThat(plan.get("compilingUnit").asString()).isEqualTo("益阳市规划设计院");
        assertThat(plan.get("villages").size()).isEqualTo(2);
        JsonNode timeline = json(created).get("transitions");
        assertThat(timeline.size()).as("created compiling: a 启动 step").isEqualTo(1);
        assertThat(timeline.get(0).get("step").asString()).isEqualTo("start");
        assertThat(timeline.get(0).get("user").asString()).isEqualTo("planner");
        assertThat(json(created).get("steps").get(0).get("step").asString()).isEqualTo("submit");

        assertProblem(send("POST", PLANS, "admin", body.replace(v2, newVillage())), 409, "plan_exists");
        JsonNode planned = assertProblem(
                send("POST", PLANS, "admin", "{\"name\":\"重复\",\"villageCodes\":[\"" + v2 + "\"]}"),
                422,
                "invalid_plan");
        assertThat(planned.get("field").asString()).isEqualTo("villageCodes");
        assertThat(planned.get("detail").asString()).contains(v2, code);
        assertProblem(
                send("POST", PLANS, "planner", "{\"name\":\"x\",\"villageCodes\":[\"430921100999\"]}"),
                422,
                "invalid_plan");
        assertProblem(
                send("POST", PLANS, "planner", "{\"name\":\" \",\"villageCodes\":[\"" + newVillage() + "\"]}"),
                422,
                "invalid_plan");
        assertProblem(send("POST", PLANS, "planner", "{\"name\":\"x\",\"villageCodes\":[]}"), 422, "invalid_plan");
        assertProblem(
                send(
                        "POST",
                        PLANS,
                        "planner",
                        "{\"name\":\"x\",\"villageCodes\":[\"" + newVillage() + "\"],\"status\":\"approved\"}"),
                422,
                "invalid_plan");
        assertThat(planCount()).isEqualTo(before + 1);
    }

    @Test
    void theWorkflowGoesThroughItsStepsByTheRolesThatOwnThemAndEveryRefusalChangesNothing() throws Exception {
        String code = createPlan("not_started");
        String steps = PLANS + "/" + code + "/transitions";
        List<Set<String>> events = new CopyOnWriteArrayList<>();
        versions.version(catalogue.get(LayerIds.VILLAGE_PLAN));
        Runnable stop = versions.addListener(events::add);
        try {
            refusedAll(code, steps, "{\"step\":\"start\"}", List.of("approver", "leader", "water", "logistics"));
            ok(steps, "planner", "{\"step\":\"start\"}", "compiling");
            assertThat(events).as("open maps redraw the plans").contains(Set.of(LayerIds.VILLAGE_PLAN));
            refusedAll(code, steps, "{\"step\":\"submit\"}", List.of("approver", "leader", "sewage"));
            assertProblem(send("POST", steps, "planner", "{\"step\":\"approve\"}"), 403, "forbidden");
            assertProblem(send("POST", steps, "approver", "{\"step\":\"enter\"}"), 409, "plan_step_not_allowed");
            ok(steps, "planner", "{\"step\":\"submit\"}", "reviewing");

            refusedAll(
                    code, steps, "{\"step\":\"return\",\"reason\":\"补充\"}", List.of("planner", "leader", "transport"));
            assertProblem(send("POST", steps, "approver", "{\"step\":\"return\"}"), 422, "reason_required");
            ok(steps, "approver", "{\"step\":\"return\",\"reason\":\"村庄建设边界需避让生态保护红线\"}", "compiling");
            ok(steps, "admin", "{\"step\":\"submit\"}", "reviewing");

            JsonNode missing = assertProblem(
                    send("POST", steps, "approver", "{\"step\":\"approve\",\"documentNumber\":\"益南政函〔2025〕5号\"}"),
                    422,
                    "approval_details_required");
            assertThat(missing.get("fields").toString()).contains("approvedOn", "approvingAuthority");
            String approval = "{\"step\":\"approve\",\"documentNumber\":\"益南政函〔2025〕5号\",\"approvedOn\":\"2025-03-01\","
                    + "\"approvingAuthority\":\"南县人民政府\"}";
            refusedAll(code, steps, approval, List.of("planner", "leader", "water"));
            BLOCKED.add(code);
            JsonNode blocked = assertProblem(send("POST", steps, "approver", approval), 409, "plan_blocked");
            assertThat(blocked.get("blockers").get(0).asString()).isEqualTo("规划建设用地占用永久基本农田 1 处");
            JsonNode blockedEn = json(send("POST", steps, "approver", approval, "Accept-Language", "en"));
            assertThat(blockedEn.get("blockers").get(0).asString())
                    .isEqualTo("1 parcel of construction on basic farmland");
            assertThat(status(code)).isEqualTo("reviewing");
            BLOCKED.remove(code);
            JsonNode approved = ok(steps, "approver", approval, "approved");
            assertThat(approved.get("documentNumber").asString()).isEqualTo("益南政函〔2025〕5号");
            assertThat(approved.get("approvedOn").asString()).isEqualTo("2025-03-01");
            assertThat(approved.get("approvingAuthority").asString()).isEqualTo("南县人民政府");
            assertThat(approved.get("overdue").asBoolean()).isFalse();
            assertProblem(
                    send("POST", steps, "approver", "{\"step\":\"return\",\"reason\":\"x\"}"),
                    409,
                    "plan_step_not_allowed");

            refusedAll(code, steps, "{\"step\":\"enter\"}", List.of("planner", "leader"));
            ok(steps, "approver", "{\"step\":\"enter\"}", "entered");
            JsonNode last =
                    assertProblem(send("POST", steps, "admin", "{\"step\":\"submit\"}"), 409, "plan_step_not_allowed");
            assertThat(last.get("detail").asString()).contains("已入库", "提交审查");
            assertProblem(send("POST", steps, "admin", "{\"step\":\"revise\"}"), 400, "bad_value");
        } finally {
            stop.run();
        }

        JsonNode detail = json(send("GET", PLANS + "/" + code, "leader", null));
        List<String> timeline = new ArrayList<>();
        detail.get("transitions")
                .forEach(t -> timeline.add(
                        t.get("step").asString() + ":" + t.get("user").asString() + ":"
                                + t.get("from").asString() + ">" + t.get("to").asString()));
        assertThat(timeline)
                .containsExactly(
                        "start:planner:not_started>compiling",
                        "submit:planner:compiling>reviewing",
                        "return:approver:reviewing>compiling",
                        "submit:admin:compiling>reviewing",
                        "approve:approver:reviewing>approved",
                        "enter:approver:approved>entered");
        JsonNode returned = detail.get("transitions").get(2);
        assertThat(returned.get("reason").asString()).isEqualTo("村庄建设边界需避让生态保护红线");
        assertThat(returned.get("stepLabel").asString()).isEqualTo("退回修改");
        assertThat(returned.get("at").asString()).isNotBlank();
        assertThat(detail.get("transitions").get(4).get("documentNumber").asString())
                .isEqualTo("益南政函〔2025〕5号");
        assertThat(detail.get("steps").size()).as("nothing follows 已入库").isZero();

        long id = features.findByKey(catalogue.get(LayerIds.VILLAGE_PLAN), code)
                .orElseThrow()
                .id();
        JsonNode history = json(send("GET", "/api/v1/layers/village_plan/features/" + id + "/history", "leader", null));
        assertThat(history.size())
                .as("the insert and six steps, each a feature edit")
                .isEqualTo(7);
        assertThat(history.get(0).get("user").asString()).isEqualTo("approver");
        assertThat(history.get(0).get("before").get("properties").get("status").asString())
                .isEqualTo("approved");
        assertThat(history.get(0).get("after").get("properties").get("status").asString())
                .isEqualTo("entered");
    }

    @Test
    void documentsArePdfsByContentWithinTheLimitAndKeepTheirChineseNames() throws Exception {
        String code = PlanTestData.APPROVED;
        String docs = PLANS + "/" + code + "/documents";
        byte[] pdf = pdf(20_000);
        String name = "茅草街镇丁村村庄规划文本（批复稿）.pdf";
        for (String user : List.of("approver", "leader", "water")) {
            assertProblem(upload(docs, user, name, "text", pdf), 403, "forbidden");
        }
        HttpResponse<String> stored = upload(docs, "planner", name, "text", pdf);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        JsonNode doc = json(stored);
        long id = doc.get("id").asLong();
        assertThat(stored.headers().firstValue("Location")).hasValue(docs + "/" + id);
        assertThat(doc.get("fileName").asString()).isEqualTo(name);
        assertThat(doc.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(doc.get("uploadedBy").asString()).isEqualTo("planner");
        assertThat(doc.get("sha256").asString()).hasSize(64);

        JsonNode list = json(send("GET", docs, "leader", null));
        assertThat(list.findValuesAsString("fileName")).contains(name);
        HttpResponse<byte[]> download = download(docs + "/" + id, "leader");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        String disposition =
                download.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment");
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(name);

        int count = list.size();
        JsonNode notPdf = assertProblem(
                upload(docs, "planner", "规划图.pdf", "drawing", "这不是PDF，只是文本。".getBytes(StandardCharsets.UTF_8)),
                415,
                "not_a_pdf");
        assertThat(notPdf.get("detail").asString()).contains("规划图.pdf", "PDF");
        assertProblem(upload(docs, "admin", "大图.pdf", "drawing", pdf((1 << 20) + 1)), 413, "document_too_large");
        assertProblem(upload(docs, "planner", "a.pdf", "map", pdf), 400, "bad_value");
        assertThat(json(send("GET", docs, "leader", null)).size())
                .as("refused uploads store nothing")
                .isEqualTo(count);

        for (String user : List.of("approver", "leader")) {
            assertProblem(send("DELETE", docs + "/" + id, user, null), 403, "forbidden");
        }
        assertThat(download(docs + "/" + id, "leader").statusCode()).isEqualTo(200);
        assertThat(send("DELETE", docs + "/" + id, "planner", null).statusCode())
                .isEqualTo(204);
        assertProblem(send("GET", docs + "/" + id, "leader", null), 404, "unknown_document");
        assertProblem(send("DELETE", docs + "/" + id, "planner", null), 404, "unknown_document");
        assertProblem(send("GET", PLANS + "/CZGH000/documents", "leader", null), 404, "unknown_plan");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private String newVillage() {
        String code = PlanTestData.addVillage(features, catalogue, VILLAGES.incrementAndGet());
        versions.changed(LayerIds.VILLAGE);
        return code;
    }

    private String createPlan(String status) throws Exception {
        HttpResponse<String> r = send(
                "POST",
                PLANS,
                "planner",
                "{\"name\":\"流程测试规划\",\"villageCodes\":[\"" + newVillage() + "\"],\"status\":\"" + status + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("plan").get("code").asString();
    }

    /** A step every one of {@code users} is refused with 403, the plan's stage and history left as they were. */
    private void refusedAll(String code, String steps, String body, List<String> users) throws Exception {
        String before = status(code);
        int entries = timeline(code);
        for (String user : users) {
            assertProblem(send("POST", steps, user, body), 403, "forbidden");
        }
        assertThat(status(code)).isEqualTo(before);
        assertThat(timeline(code)).isEqualTo(entries);
    }

    private JsonNode ok(String steps, String user, String body, String expectedStatus) throws Exception {
        HttpResponse<String> r = send("POST", steps, user, body);
        assertThat(r.statusCode()).as(user + " " + body + ": " + r.body()).isEqualTo(200);
        JsonNode plan = json(r).get("plan");
        assertThat(plan.get("status").asString()).isEqualTo(expectedStatus);
        return plan;
    }

    private String status(String code) throws Exception {
        return json(send("GET", PLANS + "/" + code, "leader", null))
                .get("plan")
                .get("status")
                .asString();
    }

    private int timeline(String code) throws Exception {
        return json(send("GET", PLANS + "/" + code, "leader", null))
                .get("transitions")
                .size();
    }

    private long planCount() throws Exception {
        return json(send("GET", PLANS + "?limit=1", "leader", null))
                .get("total")
                .asLong();
    }

    private static List<String> codes(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("plans").forEach(p -> out.add(p.get("code").asString()));
        return out;
    }

    private static byte[] pdf(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) ' ');
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    private static JsonNode assertProblem(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode problem = json(r);
        assertThat(problem.get("code").asString()).as(r.body()).isEqualTo(code);
        assertThat(r.body()).doesNotContainIgnoringCase("select ").doesNotContain("Exception");
        return problem;
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> upload(String path, String user, String fileName, String kind, byte[] content)
            throws Exception {
        String boundary = "----plans" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api().text(api().request(path, user)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private HttpResponse<byte[]> download(String path, String user) throws Exception {
        return api().bytes(api().request(path, user).GET().build());
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private HttpResponse<String> send(String method, String path, String user, String body, String... headers)
            throws Exception {
        return api().send(method, path, user, body, headers);
    }
}
