package cn.yiyang.planning.app.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.analysis.AnalysisKind;
import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.analysis.ThemeAnalysisPanel;
import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.app.edit.MapEditService;
import cn.yiyang.planning.app.importing.ImportWorkflow;
import cn.yiyang.planning.app.importing.Multipart;
import cn.yiyang.planning.app.indicator.IndicatorTargetsView;
import cn.yiyang.planning.app.plan.PlansView;
import cn.yiyang.planning.app.road.RegisterEntry;
import cn.yiyang.planning.app.road.RoadRegisterView;
import cn.yiyang.planning.app.testsupport.ApiClient;
import cn.yiyang.planning.app.testsupport.StoreSnapshot;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.Theme;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every role × every write endpoint of the REST API over HTTP (HTTP Basic, the demo accounts), on PostGIS with the
 * small demo city (issue 17): the roles that may write succeed (2xx, and the write is in the audit record), every
 * other role is answered a 403 {@code forbidden} problem and the store is unchanged, every table of it (layers by
 * count, versions and last change; the rest row by row, the audit record and the features' history among them).
 *
 * <p>The write endpoints are read from Spring's handler mapping, so that a new one cannot be missed: a POST, PUT,
 * PATCH or DELETE mapping that is not in {@link #cases} fails {@link #everyWriteMappingIsInTheMatrix}. Who may write
 * what is written here from the issue and the README, not asked of {@link Permissions}, so that the test can fail.
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
class WriteMatrixPostgisIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SERIAL = new AtomicInteger();

    /** The themes each department writes (ADMIN: all), as the issue and the README's roles table say. */
    private static final Map<Role, Set<Theme>> WRITES = Map.of(
            Role.PLANNER, EnumSet.of(Theme.PLANNING, Theme.CONSTRAINTS, Theme.ADMINISTRATIVE, Theme.SETTLEMENT),
            Role.TRANSPORT, EnumSet.of(Theme.ROADS),
            Role.WATER, EnumSet.of(Theme.WATER),
            Role.SEWAGE, EnumSet.of(Theme.SEWAGE),
            Role.LOGISTICS, EnumSet.of(Theme.LOGISTICS));

    /**
     * Mappings that write nothing whatever the method: the 404 problem for unknown paths under the API, Spring Boot's
     * error page.
     */
    private static final Set<String> NOT_WRITES = Set.of("* [/api/**, /ogc/**, /tiles/**]", "* [/error]");

    private static TestStore db;

    @TempDir
    static Path dataDir;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    LayerCatalogue catalogue;

    @Autowired
    ApplicationContext context;

    @Autowired
    AnalysisRunner runner;

    @Autowired
    ImportWorkflow imports;

    @Autowired
    MapEditService edits;

    @Autowired
    AccountService accounts;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    AuditLog audit;

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

    /** A request as one role sends it: made afresh for each call, its fixture prepared first. */
    record Call(String method, String path, String body, String contentType, byte[] bytes, Long ifMatch) {

        static Call json(String method, String path, String body) {
            return new Call(method, path, body, body == null ? null : "application/json", null, null);
        }

        /** The same with {@code If-Match} naming the version. */
        Call version(long version) {
            return new Call(method, path, body, contentType, bytes, version);
        }
    }

    /** Prepares the call a role makes (a fresh feature to delete, a plan at the right stage …). */
    @FunctionalInterface
    interface Prepare {
        Call call(Role role) throws Exception;
    }

    /** Waits until what an allowed call started (an analysis run, an import) has finished. */
    @FunctionalInterface
    interface Settle {
        void after(JsonNode answer) throws Exception;
    }

    /**
     * One row of the matrix.
     *
     * @param mapping the handler mapping it exercises, as {@code METHOD pattern}
     * @param label   what it does, for the failure message
     * @param allowed the roles that may
     */
    record Case(String mapping, String label, Set<Role> allowed, Prepare prepare, Settle settle) {}

    @Test
    void everyWriteMappingIsInTheMatrix() throws Exception {
        Set<String> writes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            String patterns = info.getPatternValues().toString();
            if (methods.isEmpty()) {
                writes.add("* " + patterns);
            }
            for (RequestMethod m : methods) {
                if (m == RequestMethod.POST
                        || m == RequestMethod.PUT
                        || m == RequestMethod.PATCH
                        || m == RequestMethod.DELETE) {
                    info.getPatternValues().forEach(p -> writes.add(m + " " + p));
                }
            }
        }
        Set<String> covered = new TreeSet<>(NOT_WRITES);
        cases().forEach(c -> covered.add(c.mapping()));
        assertThat(covered)
                .as("every write mapping has its row in the matrix (and every row a mapping)")
                .isEqualTo(writes);
    }

    @Test
    void theRolesThatMayWriteSucceedAndEveryOtherIsRefusedWithNothingChanged() throws Exception {
        StoreSnapshot snapshot = new StoreSnapshot(db.store().dataSource());
        List<String> failures = new ArrayList<>();
        for (Case c : cases()) {
            for (Role role : Role.values()) {
                if (c.allowed().contains(role)) {
                    continue;
                }
                Call call = c.prepare().call(role);
                Map<String, String> before = snapshot.take();
                HttpResponse<String> r = send(call, role);
                Map<String, String> after = snapshot.take();
                String where = c.label() + " as " + role + ": ";
                if (r.statusCode() != 403) {
                    failures.add(where + "HTTP " + r.statusCode() + " " + r.body());
                } else if (!"forbidden".equals(code(r))) {
                    failures.add(where + "not the forbidden problem: " + r.body());
                }
                if (!before.equals(after)) {
                    failures.add(where + "changed " + changed(before, after));
                }
            }
            for (Role role : c.allowed()) {
                Call call = c.prepare().call(role);
                long audited = auditEntries();
                HttpResponse<String> r = send(call, role);
                String where = c.label() + " as " + role + ": ";
                if (r.statusCode() / 100 != 2) {
                    failures.add(where + "HTTP " + r.statusCode() + " " + r.body());
                    continue;
                }
                c.settle().after(r.body().isEmpty() ? null : JSON.readTree(r.body()));
                if (auditEntries() <= audited) {
                    failures.add(where + "succeeded without an entry in the audit record");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * A planner owns the plans' data but not their approval: a save of a plan through the feature API that sets its
     * stage or approval is refused ({@code PLAN_STATUS_BY_WORKFLOW}, 422) with nothing changed; the same save
     * without them is taken, and the approver's step is the way to 批复.
     */
    @Test
    void aPlannerCannotApproveAPlanByWritingItsStatus() throws Exception {
        String code = createPlan("compiling");
        long id = Long.parseLong(column("SELECT id FROM village_plan WHERE code = '" + code + "'")
                .getFirst());
        HttpResponse<String> read =
                send(Call.json("GET", "/api/v1/layers/village_plan/features/" + id, null), Role.ADMIN);
        long version =
                Long.parseLong(read.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
        StoreSnapshot snapshot = new StoreSnapshot(db.store().dataSource());
        for (String change : List.of(
                "{\"properties\":{\"status\":\"approved\"}}",
                "{\"properties\":{\"document_number\":\"益政函〔2026〕1号\"}}",
                "{\"properties\":{\"status\":\"entered\",\"approved_on\":\"2026-01-01\"}}")) {
            Map<String, String> before = snapshot.take();
            HttpResponse<String> r = send(
                    new Call(
                            "PATCH",
                            "/api/v1/layers/village_plan/features/" + id,
                            change,
                            "application/merge-patch+json",
                            null,
                            version),
                    Role.PLANNER);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            assertThat(r.body()).contains("PLAN_STATUS_BY_WORKFLOW");
            assertThat(snapshot.take()).as(change).isEqualTo(before);
        }
        HttpResponse<String> created = send(
                Call.json(
                        "POST",
                        "/api/v1/layers/village_plan/features",
                        JSON.readTree(read.body())
                                .toString()
                                .replace("\"compiling\"", "\"approved\"")
                                .replace(code, code + "9")),
                Role.PLANNER);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(422);
        assertThat(created.body()).contains("PLAN_STATUS_BY_WORKFLOW");
        HttpResponse<String> renamed = send(
                new Call(
                        "PATCH",
                        "/api/v1/layers/village_plan/features/" + id,
                        "{\"properties\":{\"compiling_unit\":\"县规划院\"}}",
                        "application/merge-patch+json",
                        null,
                        version),
                Role.PLANNER);
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    }

    /**
     * The page actions that write, for every role: a page offers each only to the roles that may take it (the
     * button enabled or shown), built by Spring from the app's beans as that role signs in (Karibu, no browser).
     * Taking a forbidden one anyway is refused by the same services as the API above; the account and token pages
     * have no API, so their services are asked here, and refuse with nothing changed.
     */
    @Test
    void thePagesOfferEachWriteOnlyToTheRolesThatMayTakeIt() throws Exception {
        List<String> failures = new ArrayList<>();
        MockVaadin.setup(new Routes());
        try {
            for (Role role : Role.values()) {
                AppUser user = signIn(role);
                for (AnalysisKind kind : runner.kinds()) {
                    ThemeAnalysisPanel panel = new ThemeAnalysisPanel(runner, kind, user, List.of(), "probe");
                    UI.getCurrent().add(panel);
                    expect(
                            failures,
                            "run " + kind.id(),
                            role,
                            owners(kind.theme()),
                            button(panel, "probe-run").isEnabled());
                    UI.getCurrent().remove(panel);
                }
                RoadRegisterView register = view(RoadRegisterView.class);
                @SuppressWarnings("unchecked")
                Grid<RegisterEntry> entries = _get(register, Grid.class, spec -> spec.withId("road-register-grid"));
                entries.select(entries.getGenericDataView()
                        .getItems()
                        .filter(RegisterEntry::open)
                        .findFirst()
                        .orElseThrow());
                expect(
                        failures,
                        "销号 on the register page",
                        role,
                        owners(Theme.ROADS),
                        button(register, "road-register-close").isEnabled());
                expect(
                        failures,
                        "新建规划 on the plans page",
                        role,
                        owners(Theme.PLANNING),
                        !_find(view(PlansView.class), Button.class, spec -> spec.withId("plans-new"))
                                .isEmpty());
                expect(
                        failures,
                        "the targets editor",
                        role,
                        EnumSet.of(Role.ADMIN),
                        !_find(view(IndicatorTargetsView.class), Component.class, spec -> spec.withId("targets-editor"))
                                .isEmpty());
                for (LayerDef layer : catalogue.sourceLayers()) {
                    expect(
                            failures,
                            "import into " + layer.id(),
                            role,
                            owners(layer.theme()),
                            imports.writableLayers(user).contains(layer));
                    if (layer.geometry().hasGeometry()) {
                        expect(
                                failures,
                                "edit " + layer.id() + " on the map",
                                role,
                                owners(layer.theme()),
                                edits.editableLayers(user).contains(layer));
                    }
                }
                accountPages(failures, role, user);
            }
        } finally {
            MockVaadin.tearDown();
            SecurityContextHolder.clearContext();
        }
        assertThat(failures).isEmpty();
    }

    /** The account and token pages' actions, through their services: ADMIN only; refused with nothing changed. */
    private void accountPages(List<String> failures, Role role, AppUser user) throws Exception {
        String name = "matrix-" + role.name().toLowerCase(Locale.ROOT);
        long token = keptToken();
        Map<String, Runnable> actions = new LinkedHashMap<>();
        actions.put(
                "create an account",
                () -> accounts.create(user, name, "矩阵测试密码12345", EnumSet.of(Role.VIEWER), Set.of()));
        actions.put("disable an account", () -> accounts.setEnabled(user, "viewer-kept", false));
        actions.put("reset a password", () -> accounts.resetPassword(user, "viewer-kept", "矩阵测试密码67890"));
        actions.put("assign roles", () -> accounts.assign(user, "viewer-kept", EnumSet.of(Role.LEADER), Set.of()));
        actions.put("create a token", () -> tokens.create(user, name, EnumSet.of(Role.VIEWER), Set.of(), null));
        actions.put("revoke a token", () -> tokens.revoke(user, token));
        actions.put("check the audit record", () -> audit.verify(user));
        StoreSnapshot snapshot = new StoreSnapshot(db.store().dataSource());
        for (Map.Entry<String, Runnable> action : actions.entrySet()) {
            String where = action.getKey() + " as " + role + ": ";
            Map<String, String> before = snapshot.take();
            try {
                action.getValue().run();
                if (role != Role.ADMIN) {
                    failures.add(where + "allowed");
                }
            } catch (ForbiddenException e) {
                if (role == Role.ADMIN) {
                    failures.add(where + "refused");
                }
                if (!before.equals(snapshot.take())) {
                    failures.add(where + "refused but changed " + changed(before, snapshot.take()));
                }
            }
        }
    }

    private Long keptToken;

    /** A stored account and a token the actions work on, made once by ADMIN before any role is refused. */
    private long keptToken() {
        if (keptToken == null) {
            AppUser admin = new AppUser("admin", EnumSet.of(Role.ADMIN));
            accounts.create(admin, "viewer-kept", "矩阵测试密码00000", EnumSet.of(Role.VIEWER), Set.of());
            keptToken = tokens.create(admin, "matrix-kept", EnumSet.of(Role.VIEWER), Set.of(), null)
                    .token()
                    .id();
        }
        return keptToken;
    }

    private AppUser signIn(Role role) {
        String name = role.name().toLowerCase(Locale.ROOT);
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(new User(name, "", authorities), null, authorities));
        SecurityContextHolder.setContext(context);
        return new AppUser(name, EnumSet.of(role));
    }

    private <T extends Component> T view(Class<T> type) {
        T view = context.getAutowireCapableBeanFactory().createBean(type);
        UI.getCurrent().removeAll();
        UI.getCurrent().add(view);
        return view;
    }

    private static Button button(Component in, String id) {
        return _get(in, Button.class, spec -> spec.withId(id));
    }

    private static void expect(List<String> failures, String action, Role role, Set<Role> allowed, boolean offered) {
        if (offered != allowed.contains(role)) {
            failures.add(action + " as " + role + (offered ? ": offered" : ": not offered"));
        }
    }

    // The matrix: every write mapping, for the layers of each theme where the mapping names a layer.

    private List<Case> cases() throws Exception {
        List<Case> out = new ArrayList<>();
        String features = "/api/v1/layers/{layer}/features";
        out.add(new Case(
                "POST " + features,
                "create a road",
                owners(Theme.ROADS),
                role -> {
                    return Call.json("POST", "/api/v1/layers/road/features", road());
                },
                none()));
        for (LayerDef layer : oneLayerPerTheme()) {
            out.add(new Case(
                    "PUT " + features + "/{id}",
                    "replace a feature of " + layer.id(),
                    owners(layer.theme()),
                    role -> replaceAsItIs(layer),
                    none()));
        }
        out.add(new Case(
                "PATCH " + features + "/{id}",
                "patch a road",
                owners(Theme.ROADS),
                role -> {
                    long id = createRoad();
                    return new Call(
                            "PATCH",
                            "/api/v1/layers/road/features/" + id,
                            "{\"properties\":{\"width\":6.5}}",
                            "application/merge-patch+json",
                            null,
                            1L);
                },
                none()));
        out.add(new Case(
                "DELETE " + features + "/{id}",
                "delete a road",
                owners(Theme.ROADS),
                role -> {
                    return Call.json("DELETE", "/api/v1/layers/road/features/" + createRoad(), null)
                            .version(1);
                },
                none()));
        addPlanCases(out);
        addImportCases(out);
        out.add(new Case(
                "POST /api/v1/road-register/{roadCode}/{blockedOn}/close",
                "close a register entry",
                owners(Theme.ROADS),
                role -> {
                    JsonNode entry = openRegisterEntry();
                    return Call.json(
                            "POST",
                            "/api/v1/road-register/" + entry.get("roadCode").asString() + "/"
                                    + entry.get("blockedOn").asString() + "/close",
                            "{\"closedOn\":\"" + entry.get("blockedOn").asString() + "\",\"note\":\"矩阵\"}");
                },
                none()));
        out.add(new Case(
                "PUT /api/v1/indicator-catalogue/targets/{period}",
                "set a period's targets",
                EnumSet.of(Role.ADMIN),
                role -> Call.json(
                        "PUT",
                        "/api/v1/indicator-catalogue/targets/2031-2035",
                        "[{\"indicator\":\"sanitary_toilet_rate\",\"group\":\"all\",\"target\":0.9"
                                + SERIAL.incrementAndGet() % 9 + "}]"),
                none()));
        String village = firstKey("village", "code");
        out.add(new Case(
                "POST /api/v1/indicator-catalogue/{id}/entries",
                "enter a village's collective income",
                owners(Theme.PLANNING),
                role -> Call.json(
                        "POST",
                        "/api/v1/indicator-catalogue/village_collective_income/entries",
                        "{\"year\":2025,\"code\":\"" + village + "\",\"value\":" + SERIAL.incrementAndGet()
                                + ",\"note\":\"矩阵\"}"),
                none()));
        for (JsonNode kind : get("/api/v1/analyses").get("analyses")) {
            String id = kind.get("id").asString();
            Theme theme = Theme.valueOf(kind.get("theme").asString().toUpperCase(Locale.ROOT));
            out.add(new Case(
                    "POST /api/v1/analyses/{kind}/runs",
                    "run " + id,
                    owners(theme),
                    role -> Call.json("POST", "/api/v1/analyses/" + id + "/runs", "{}"),
                    answer -> until("/api/v1/analyses/runs/" + answer.get("id").asString(), "QUEUED", "RUNNING")));
        }
        return out;
    }

    private void addPlanCases(List<Case> out) throws Exception {
        out.add(new Case(
                "POST /api/v1/plans",
                "create a plan",
                owners(Theme.PLANNING),
                role -> {
                    return Call.json("POST", "/api/v1/plans", newPlan(freeVillage(), "not_started"));
                },
                none()));
        out.add(new Case(
                "POST /api/v1/plans/{code}/transitions",
                "start compiling a plan",
                owners(Theme.PLANNING),
                role -> Call.json(
                        "POST", "/api/v1/plans/" + createPlan("not_started") + "/transitions", "{\"step\":\"start\"}"),
                none()));
        out.add(new Case(
                "POST /api/v1/plans/{code}/transitions",
                "return a plan for revision",
                EnumSet.of(Role.ADMIN, Role.APPROVER),
                role -> {
                    String code = createPlan("compiling");
                    assertThat(send(
                                            Call.json(
                                                    "POST",
                                                    "/api/v1/plans/" + code + "/transitions",
                                                    "{\"step\":\"submit\"}"),
                                            Role.ADMIN)
                                    .statusCode())
                            .isEqualTo(200);
                    return Call.json(
                            "POST",
                            "/api/v1/plans/" + code + "/transitions",
                            "{\"step\":\"return\",\"reason\":\"补充\"}");
                },
                none()));
        String plan = createPlan("compiling");
        out.add(new Case(
                "POST /api/v1/plans/{code}/documents",
                "upload a plan document",
                owners(Theme.PLANNING),
                role -> document(plan),
                none()));
        out.add(new Case(
                "DELETE /api/v1/plans/{code}/documents/{id}",
                "delete a plan document",
                owners(Theme.PLANNING),
                role -> {
                    HttpResponse<String> stored = send(document(plan), Role.ADMIN);
                    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
                    return Call.json(
                            "DELETE",
                            "/api/v1/plans/" + plan + "/documents/"
                                    + JSON.readTree(stored.body()).get("id").asLong(),
                            null);
                },
                none()));
        String[] conflict = conflict();
        out.add(new Case(
                "PUT /api/v1/plans/{code}/conflicts/{key}/justification",
                "justify a plan's conflict",
                EnumSet.of(Role.ADMIN, Role.APPROVER),
                role -> Call.json(
                        "PUT",
                        "/api/v1/plans/" + conflict[0] + "/conflicts/" + conflict[1] + "/justification",
                        "{\"text\":\"省级重点项目，已论证 " + SERIAL.incrementAndGet() + "\"}"),
                none()));
    }

    private void addImportCases(List<Case> out) throws Exception {
        Path file = dataDir.resolve("matrix-roads.geojson");
        Files.writeString(
                file, "{\"type\":\"FeatureCollection\",\"features\":[" + road() + "]}", StandardCharsets.UTF_8);
        out.add(new Case(
                "POST /api/v1/layers/{layer}/imports",
                "check an import of roads",
                owners(Theme.ROADS),
                role -> importOf(file),
                answer -> until("/api/v1/imports/" + answer.get("id").asString(), "QUEUED", "RUNNING")));
        out.add(new Case(
                "POST /api/v1/imports/{id}/confirm",
                "confirm a checked import of roads",
                owners(Theme.ROADS),
                role -> {
                    HttpResponse<String> checked = send(importOf(file), Role.ADMIN);
                    assertThat(checked.statusCode()).as(checked.body()).isEqualTo(202);
                    String id = JSON.readTree(checked.body()).get("id").asString();
                    until("/api/v1/imports/" + id, "QUEUED", "RUNNING");
                    return Call.json("POST", "/api/v1/imports/" + id + "/confirm", "{\"dryRun\":true}");
                },
                answer -> until("/api/v1/imports/" + answer.get("id").asString(), "QUEUED", "RUNNING")));
    }

    // Fixtures, made through the API as ADMIN (or read from the demo city).

    private static Set<Role> owners(Theme theme) {
        Set<Role> out = EnumSet.of(Role.ADMIN);
        WRITES.forEach((role, themes) -> {
            if (themes.contains(theme)) {
                out.add(role);
            }
        });
        return out;
    }

    private static Settle none() {
        return answer -> {};
    }

    /** For each theme the first layer of source data with a feature in the demo city. */
    private List<LayerDef> oneLayerPerTheme() throws Exception {
        Map<Theme, LayerDef> out = new LinkedHashMap<>();
        for (LayerDef layer : catalogue.layers()) {
            if (!layer.derived() && !out.containsKey(layer.theme()) && firstId(layer.table()) != null) {
                out.put(layer.theme(), layer);
            }
        }
        assertThat(out.keySet()).as("a layer with features in every theme").containsExactlyInAnyOrder(Theme.values());
        return List.copyOf(out.values());
    }

    /** PUT of a feature as it is (ADMIN reads it first, with its version). */
    private Call replaceAsItIs(LayerDef layer) throws Exception {
        Long id = firstId(layer.table());
        HttpResponse<String> read = send(Call.json("GET", path(layer, id), null), Role.ADMIN);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        String version = read.headers().firstValue("ETag").orElseThrow().replace("\"", "");
        return Call.json("PUT", path(layer, id), read.body()).version(Long.parseLong(version));
    }

    private static String path(LayerDef layer, long id) {
        return "/api/v1/layers/" + layer.id() + "/features/" + id;
    }

    private long createRoad() throws Exception {
        HttpResponse<String> r = send(Call.json("POST", "/api/v1/layers/road/features", road()), Role.ADMIN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asLong();
    }

    private static String road() {
        String code = "C8" + (System.nanoTime() % 100_000) + "-" + SERIAL.incrementAndGet();
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"矩阵路" + code
                + "\",\"admin_class\":\"village\",\"surface\":\"cement\"},\"geometry\":{\"type\":\"LineString\","
                + "\"coordinates\":[[112.30,28.50],[112.31,28.51]]}}";
    }

    private final Deque<String> freeVillages = new ArrayDeque<>();

    /** A village no plan covers yet (the demo city leaves many). */
    private String freeVillage() throws Exception {
        if (freeVillages.isEmpty()) {
            Set<String> planned = new HashSet<>();
            for (String codes : column("SELECT village_codes FROM village_plan")) {
                planned.addAll(Arrays.asList(codes.split("[,、，;\\s]+")));
            }
            for (String code : column("SELECT code FROM village ORDER BY code DESC")) {
                if (!planned.contains(code)) {
                    freeVillages.add(code);
                }
            }
        }
        assertThat(freeVillages).as("villages without a plan").isNotEmpty();
        return freeVillages.pop();
    }

    private static String newPlan(String village, String status) {
        return "{\"name\":\"矩阵规划" + village + "\",\"villageCodes\":[\"" + village + "\"],\"status\":\"" + status
                + "\"}";
    }

    private String createPlan(String status) throws Exception {
        HttpResponse<String> r = send(Call.json("POST", "/api/v1/plans", newPlan(freeVillage(), status)), Role.ADMIN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("plan").get("code").asString();
    }

    private static Call document(String plan) {
        byte[] pdf = new byte[2_000];
        Arrays.fill(pdf, (byte) ' ');
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, pdf, 0, head.length);
        String boundary = "----matrix" + SERIAL.incrementAndGet();
        byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\ntext\r\n--"
                        + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"规划文本.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + pdf.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(pdf, 0, body, start.length, pdf.length);
        System.arraycopy(end, 0, body, start.length + pdf.length, end.length);
        return new Call(
                "POST",
                "/api/v1/plans/" + plan + "/documents",
                null,
                "multipart/form-data; boundary=" + boundary,
                body,
                null);
    }

    /** A plan of the demo city and the key of one of its 多规合一 conflicts. */
    private String[] conflict() throws Exception {
        for (String plan : column("SELECT code FROM village_plan ORDER BY code")) {
            JsonNode found = get("/api/v1/plans/" + plan + "/conflicts");
            if (!found.isEmpty()) {
                return new String[] {plan, found.get(0).get("key").asString()};
            }
        }
        throw new AssertionError("the demo city has no plan with a conflict");
    }

    /** An open entry of the register that no earlier call closed. */
    private JsonNode openRegisterEntry() throws Exception {
        JsonNode open = get("/api/v1/road-register?status=open");
        assertThat(open.isEmpty()).as("an open entry left in the demo register").isFalse();
        return open.get(0);
    }

    private static Call importOf(Path file) {
        Multipart form = new Multipart().file(file).field("dryRun", "true");
        HttpRequest.BodyPublisher publisher = form.publisher();
        return new Call("POST", "/api/v1/layers/road/imports", null, form.contentType(), bytes(publisher), null);
    }

    private static byte[] bytes(HttpRequest.BodyPublisher publisher) {
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] b = new byte[item.remaining()];
                item.get(b);
                collected.writeBytes(b);
            }

            @Override
            public void onError(Throwable t) {
                throw new IllegalStateException(t);
            }

            @Override
            public void onComplete() {}
        });
        return collected.toByteArray();
    }

    /** Polls {@code path} as ADMIN until its {@code status} is none of {@code busy} (at most two minutes). */
    private void until(String path, String... busy) throws Exception {
        Instant end = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(end)) {
            String status = get(path).get("status").asString();
            if (!Arrays.asList(busy).contains(status)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " still busy after two minutes");
    }

    // HTTP and SQL.

    private HttpResponse<String> send(Call call, Role role) throws Exception {
        ApiClient api = new ApiClient(port);
        String user = role.name().toLowerCase(Locale.ROOT);
        HttpRequest.Builder request = api.request(call.path(), user)
                .method(
                        call.method(),
                        call.bytes() != null
                                ? HttpRequest.BodyPublishers.ofByteArray(call.bytes())
                                : call.body() == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (call.ifMatch() != null) {
            request.header("If-Match", "\"" + call.ifMatch() + "\"");
        }
        return api.text(request.build());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send(Call.json("GET", path, null), Role.ADMIN);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String code(HttpResponse<String> r) {
        try {
            JsonNode code = JSON.readTree(r.body()).get("code");
            return code == null ? null : code.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String changed(Map<String, String> before, Map<String, String> after) {
        Set<String> tables = new TreeSet<>();
        before.forEach((t, d) -> {
            if (!d.equals(after.get(t))) {
                tables.add(t);
            }
        });
        return tables.toString();
    }

    private long auditEntries() throws Exception {
        return Long.parseLong(column("SELECT count(*) FROM audit_entry").getFirst());
    }

    private Long firstId(String table) throws Exception {
        List<String> ids = column("SELECT min(id) FROM \"" + table + "\"");
        return ids.getFirst() == null ? null : Long.valueOf(ids.getFirst());
    }

    private String firstKey(String table, String column) throws Exception {
        return column("SELECT min(" + column + ") FROM \"" + table + "\"").getFirst();
    }

    private static List<String> column(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.store().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
