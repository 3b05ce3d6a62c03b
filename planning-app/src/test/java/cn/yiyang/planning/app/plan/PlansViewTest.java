package cn.yiyang.planning.app.plan;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.app.testsupport.AsText;
import cn.yiyang.planning.app.testsupport.Audits;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.plans.PlanDocument;
import cn.yiyang.planning.layers.plans.PlanTransition;
import cn.yiyang.planning.layers.store.JdbcConflictJustificationRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureHistoryRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureWriteRepository;
import cn.yiyang.planning.layers.store.JdbcIndicatorTargetRepository;
import cn.yiyang.planning.layers.store.JdbcPlanDocumentRepository;
import cn.yiyang.planning.layers.store.JdbcPlanTransitionRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan register page without a server or browser, over an in-memory H2GIS store holding {@link PlanTestData}
 * on a fixed clock (2025-06-01 in Beijing): the grid and its filters, a plan opened beside it, a step by a planner,
 * a return with its reason by the approver, an approval the gates refuse, and a new plan.
 */
class PlansViewTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneOffset.UTC);
    static final AppUser PLANNER = new AppUser("planner", EnumSet.of(Role.PLANNER));
    static final AppUser APPROVER = new AppUser("approver", EnumSet.of(Role.APPROVER));
    static final AppUser LEADER = new AppUser("leader", EnumSet.of(Role.LEADER));

    @TempDir
    Path documentsDir;

    private TestStores.TestStore store;
    private FeatureRepository features;
    private PlanService plans;
    private PlanDocuments documents;
    private JdbcFeatureHistoryRepository history;
    private PlanAnalysis analysis;
    private PlanCoverageService coverage;
    /** Blockers the test gate gives (for every plan). */
    private final List<Localized> blockers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        store = TestStores.h2gis();
        features = new JdbcFeatureRepository(store.store());
        LayerCatalogue catalogue = LayerCatalogue.standard();
        PlanTestData.load(features, catalogue);
        LayerVersions versions = new LayerVersions(features);
        history = new JdbcFeatureHistoryRepository(store.store());
        ApprovalGate gate = code -> List.copyOf(blockers);
        plans = new PlanService(
                catalogue,
                features,
                new JdbcFeatureWriteRepository(store.store()),
                versions,
                new PlaceService(features, catalogue, versions),
                new JdbcPlanTransitionRepository(store.store()),
                Audits.log(store.store()),
                () -> List.of(gate),
                new Overdue(LocalDate.of(2023, 12, 31)),
                CLOCK);
        documents = new PlanDocuments(
                plans, new JdbcPlanDocumentRepository(store.store()), documentsDir, 1 << 20, Audits.log(store.store()));
        ParcelReader reader = new ParcelReader(catalogue, features);
        analysis = new PlanAnalysis(
                new BalanceService(reader),
                new BalanceExport(new Messages()),
                new ConflictService(
                        reader, new JdbcConflictJustificationRepository(store.store()), Audits.log(store.store())),
                null);
        coverage = new PlanCoverageService(
                features, catalogue, new JdbcIndicatorTargetRepository(store.store()), "2021-2025", new Messages());
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        store.close();
    }

    private PlansView open(AppUser user) {
        PlansView view = new PlansView(plans, documents, analysis, coverage, user);
        UI.getCurrent().add(view);
        return view;
    }

    @SuppressWarnings("unchecked")
    private static Grid<PlanSummary> grid() {
        return _get(Grid.class, s -> s.withId("plans-grid"));
    }

    private static List<String> codes() {
        return grid().getListDataView().getItems().map(s -> s.plan().code()).toList();
    }

    private static void openPlan(String code) {
        grid().select(grid().getListDataView()
                .getItems()
                .filter(s -> s.plan().code().equals(code))
                .findFirst()
                .orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static Grid<PlanDocument> documentGrid() {
        return _get(Grid.class, s -> s.withId("plan-documents"));
    }

    private static String text(String id) {
        return _get(Div.class, s -> s.withId(id)).getElement().getTextRecursively();
    }

    @Test
    void aPlansNameAndCompilingUnitWithMarkupAreShownAsText() {
        AppUser admin = new AppUser("admin", EnumSet.of(Role.ADMIN));
        plans.create(
                admin,
                new NewPlan(null, AsText.IMG, List.of(PlanTestData.YI), AsText.SCRIPT, AsText.QUOTES, null, null));
        PlansView view = open(PLANNER);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid()); i++) {
            rows.add(String.join("|", GridKt._getFormattedRow(grid(), i)));
        }
        assertThat(String.join("\n", rows)).contains(AsText.IMG);
        AsText.assertAsText(view);
    }

    @Test
    void theGridListsThePlansAndTheFiltersNarrowIt() {
        PlansView view = open(PLANNER);
        assertThat(view.getPageTitle()).isEqualTo("村庄规划");
        assertThat(codes()).containsExactly(PlanTestData.REVIEWING, PlanTestData.APPROVED, PlanTestData.COMPILING);
        assertThat(_get(Span.class, s -> s.withId("plans-count")).getText()).isEqualTo("共 3 个规划");
        PlanSummary reviewing = grid().getListDataView().getItems().findFirst().orElseThrow();
        assertThat(reviewing.countyName()).isEqualTo("南县");
        assertThat(reviewing.townshipName()).isEqualTo("南洲镇");
        assertThat(reviewing.villageNames()).isEqualTo("甲村");
        assertThat(reviewing.overdue())
                .as("reviewing, past the default deadline")
                .isTrue();

        @SuppressWarnings("unchecked")
        Select<String> status = _get(Select.class, s -> s.withId("plans-status"));
        status.setValue("reviewing");
        assertThat(codes()).containsExactly(PlanTestData.REVIEWING);
        status.setValue("");

        @SuppressWarnings("unchecked")
        ComboBox<Place> county = _get(ComboBox.class, s -> s.withId("plans-county"));
        county.setValue(county.getListDataView().getItems().findFirst().orElseThrow());
        assertThat(codes()).hasSize(3);
        @SuppressWarnings("unchecked")
        ComboBox<Place> township = _get(ComboBox.class, s -> s.withId("plans-township"));
        township.setValue(township.getListDataView()
                .getItems()
                .filter(p -> p.code().equals(PlanTestData.MAOCAOJIE))
                .findFirst()
                .orElseThrow());
        assertThat(codes()).containsExactly(PlanTestData.APPROVED, PlanTestData.COMPILING);
        township.clear();

        _get(Checkbox.class, s -> s.withId("plans-overdue")).setValue(true);
        assertThat(codes())
                .as("approved is in force; compiling is due in 2030")
                .containsExactly(PlanTestData.REVIEWING);
    }

    @Test
    void aPlannerOpensAPlanAndSubmitsItAndTheTimelineAndHistoryShowTheStep() {
        PlansView view = open(PLANNER);
        List<String> told = new CopyOnWriteArrayList<>();
        view.detail().addShowListener(s -> told.add(s == null ? null : s.plan().code()));
        _get(Button.class, s -> s.withId("plans-new"));
        openPlan(PlanTestData.COMPILING);
        assertThat(text("plan-attributes")).contains("编制中", "南县", "茅草街镇", "戊村", "2030-12-31");
        assertThat(_get(Anchor.class, s -> s.withId("plan-map-link")).getHref())
                .startsWith("?extent=112.4,28.3,112.5")
                .endsWith("&layer=village_plan");
        assertThat(_get(Div.class, s -> s.withId(PlanDetailPanel.ANALYSIS_ID)))
                .isSameAs(view.detail().analysis());
        assertThat(told).containsExactly(PlanTestData.COMPILING);
        assertThat(view.detail().analysis().getChildren().map(c -> c.getId().orElse("")))
                .as("the plan's balance and conflicts beside it")
                .containsExactly("plan-balance", "plan-conflicts");
        _get(PlanCoverageCard.class, s -> s.withId("plan-coverage"));
        _assertNone(Button.class, s -> s.withId("plan-step-approve"));
        _assertNone(Button.class, s -> s.withId("plan-step-return"));

        _click(_get(Button.class, s -> s.withId("plan-step-submit")));

        PlanSummary after = plans.get(PLANNER, PlanTestData.COMPILING);
        assertThat(after.plan().status()).isEqualTo("reviewing");
        assertThat(after.plan().version()).as("written as a feature edit").isEqualTo(2);
        assertThat(history.history(plans.layer(), after.plan().id()))
                .first()
                .satisfies(e -> assertThat(e.user()).isEqualTo("planner"));
        assertThat(grid().getListDataView()
                        .getItems()
                        .filter(s -> s.plan().code().equals(PlanTestData.COMPILING))
                        .findFirst()
                        .orElseThrow()
                        .plan()
                        .status())
                .isEqualTo("reviewing");
        assertThat(text("plan-timeline")).contains("planner", "提交审查", "编制中 → 待审查");
        assertThat(told).as("the panels are told of the plan after the step").endsWith(PlanTestData.COMPILING);
        assertThat(told.size()).isGreaterThan(1);
        _assertNone(Button.class, s -> s.withId("plan-step-submit"));
    }

    @Test
    void theApproverReturnsAPlanOnlyWithAReason() {
        open(APPROVER);
        _assertNone(Button.class, s -> s.withId("plans-new"));
        openPlan(PlanTestData.REVIEWING);
        _assertNone(Button.class, s -> s.withId("plan-document-upload"));
        _click(_get(Button.class, s -> s.withId("plan-step-return")));
        _click(_get(Button.class, s -> s.withId("plan-step-confirm")));
        assertThat(text("plan-step-dialog-errors")).contains("必须填写原因");
        assertThat(plans.get(APPROVER, PlanTestData.REVIEWING).plan().status()).isEqualTo("reviewing");

        _get(TextArea.class, s -> s.withId("plan-step-reason")).setValue("村庄建设边界与生态保护红线冲突，请调整");
        _click(_get(Button.class, s -> s.withId("plan-step-confirm")));

        assertThat(plans.get(APPROVER, PlanTestData.REVIEWING).plan().status()).isEqualTo("compiling");
        List<PlanTransition> timeline = plans.timeline(APPROVER, PlanTestData.REVIEWING);
        assertThat(timeline).singleElement().satisfies(t -> {
            assertThat(t.step()).isEqualTo("return");
            assertThat(t.user()).isEqualTo("approver");
            assertThat(t.fromStatus()).isEqualTo("reviewing");
            assertThat(t.toStatus()).isEqualTo("compiling");
            assertThat(t.reason()).isEqualTo("村庄建设边界与生态保护红线冲突，请调整");
        });
        assertThat(text("plan-timeline")).contains("approver", "退回修改", "原因：村庄建设边界与生态保护红线冲突");
        _assertNone(Button.class, s -> s.withId("plan-step-return"));
    }

    @Test
    void anApprovalTheGatesRefuseShowsTheirBlockersAndChangesNothing() {
        blockers.add(Localized.of("规划建设用地占用永久基本农田 2 处", "2 parcels on basic farmland"));
        open(APPROVER);
        openPlan(PlanTestData.REVIEWING);
        assertThat(text("plan-blockers")).contains("规划建设用地占用永久基本农田 2 处");
        _click(_get(Button.class, s -> s.withId("plan-step-approve")));
        _get(TextField.class, s -> s.withId("plan-step-document-number")).setValue("益南政函〔2025〕21号");
        _get(TextField.class, s -> s.withId("plan-step-authority")).setValue("南县人民政府");
        _click(_get(Button.class, s -> s.withId("plan-step-confirm")));
        assertThat(text("plan-step-dialog-errors")).contains("不能批复", "规划建设用地占用永久基本农田 2 处");
        assertThat(plans.get(APPROVER, PlanTestData.REVIEWING).plan().status()).isEqualTo("reviewing");
        assertThat(plans.timeline(APPROVER, PlanTestData.REVIEWING)).isEmpty();

        blockers.clear();
        _click(_get(Button.class, s -> s.withId("plan-step-confirm")));
        PlanSummary approved = plans.get(APPROVER, PlanTestData.REVIEWING);
        assertThat(approved.plan().status()).isEqualTo("approved");
        assertThat(approved.plan().documentNumber()).isEqualTo("益南政函〔2025〕21号");
        assertThat(approved.plan().approvedOn()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(approved.plan().approvingAuthority()).isEqualTo("南县人民政府");
        assertThat(approved.overdue()).isFalse();
    }

    @Test
    void theDocumentsAreListedForEveryoneAndDeletedByThePlannerOnly() {
        PlanDocument doc = documents.upload(
                PLANNER,
                PlanTestData.APPROVED,
                "丁村规划图.pdf",
                "drawing",
                new ByteArrayInputStream("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)));
        open(APPROVER);
        openPlan(PlanTestData.APPROVED);
        Grid<PlanDocument> approverList = documentGrid();
        Anchor link = (Anchor) GridKt._getCellComponent(approverList, 0, "file");
        assertThat(link.getHref()).isEqualTo("api/v1/plans/" + PlanTestData.APPROVED + "/documents/" + doc.id());
        assertThat(link.getText()).isEqualTo("丁村规划图.pdf");
        assertThat(approverList.getColumnByKey("delete"))
                .as("the approver deletes nothing")
                .isNull();
        _assertNone(Upload.class, s -> s.withId("plan-document-upload"));
        UI.getCurrent().removeAll();

        open(PLANNER);
        openPlan(PlanTestData.APPROVED);
        Grid<PlanDocument> list = documentGrid();
        assertThat(list.getListDataView().getItems().map(PlanDocument::fileName))
                .containsExactly("丁村规划图.pdf");
        _get(Upload.class, s -> s.withId("plan-document-upload"));
        _click((Button) GridKt._getCellComponent(list, 0, "delete"));
        assertThat(list.getListDataView().getItems()).isEmpty();
        assertThat(documents.list(LEADER, PlanTestData.APPROVED)).isEmpty();
    }

    @Test
    void aLeaderReadsButTakesNoStepAndAPlannerCreatesAPlanFromItsVillages() {
        open(LEADER);
        openPlan(PlanTestData.REVIEWING);
        assertThat(_get(Div.class, s -> s.withId("plan-steps")).getChildren()).isEmpty();
        _assertNone(Button.class, s -> s.withId("plans-new"));
        UI.getCurrent().removeAll();

        open(PLANNER);
        _click(_get(Button.class, s -> s.withId("plans-new")));
        _get(TextField.class, s -> s.withId("plan-new-name")).setValue("南洲镇乙村丙村村庄规划");
        @SuppressWarnings("unchecked")
        ComboBox<Place> county = _get(ComboBox.class, s -> s.withId("plan-new-county"));
        county.setValue(county.getListDataView().getItems().findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        ComboBox<Place> township = _get(ComboBox.class, s -> s.withId("plan-new-township"));
        township.setValue(township.getListDataView()
                .getItems()
                .filter(p -> p.code().equals(PlanTestData.NANZHOU))
                .findFirst()
                .orElseThrow());
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Place> villages = _get(MultiSelectComboBox.class, s -> s.withId("plan-new-villages"));
        villages.setValue(Set.copyOf(villages.getListDataView()
                .getItems()
                .filter(p -> p.code().equals(PlanTestData.YI) || p.code().equals(PlanTestData.BING))
                .toList()));
        _click(_get(Button.class, s -> s.withId("plan-new-confirm")));

        String code = "CZGH" + PlanTestData.YI;
        assertThat(codes()).contains(code);
        PlanSummary created = plans.get(PLANNER, code);
        assertThat(created.plan().status()).isEqualTo("not_started");
        assertThat(created.plan().villageCodes()).containsExactly(PlanTestData.YI, PlanTestData.BING);
        assertThat(created.plan().extent().getMinX()).isEqualTo(112.1, offset(1e-9));
        assertThat(created.plan().extent().getMaxX()).isEqualTo(112.3, offset(1e-9));
        assertThat(text("plan-attributes")).contains("乙村、丙村");
    }
}
