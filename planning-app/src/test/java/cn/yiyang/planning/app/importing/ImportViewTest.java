package cn.yiyang.planning.app.importing;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.map.PlanningMap;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.app.testsupport.Audits;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.job.ImportJob;
import cn.yiyang.planning.importer.job.ImportRequest;
import cn.yiyang.planning.importer.job.ImportService;
import cn.yiyang.planning.importer.job.ImportSettings;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.importer.source.SourceOpener;
import cn.yiyang.planning.layers.audit.AuditFilter;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.store.JdbcAuditRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import page without a server or browser, over an in-memory H2GIS store and the real readers: the
 * layers a role may choose, analyse → result (encoding, CRS, mapping, problems) → edit the mapping →
 * import → count and map link; a file without a coordinate system waits for one.
 */
class ImportViewTest {

    private static final AppUser ADMIN = new AppUser("admin", EnumSet.of(Role.ADMIN));

    @TempDir
    Path work;

    private TestStores.TestStore store;
    private ImportService service;
    private ImportWorkflow workflow;

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        store = TestStores.h2gis();
        service = ImportService.over(store.store(), new SourceOpener()::open, ImportSettings.DEFAULT);
        workflow = new ImportWorkflow(
                service,
                new UploadStore(work.resolve("uploads"), 64L << 20),
                LayerCatalogue.standard(),
                Audits.log(store.store()));
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        service.close();
        store.close();
    }

    @Test
    void eachRoleChoosesAmongTheLayersOfItsThemesAndALeaderOnlyReads() {
        ImportView transport = new ImportView(workflow, new AppUser("transport", EnumSet.of(Role.TRANSPORT)));
        List<LayerDef> roads = layer(transport).getListDataView().getItems().toList();
        assertThat(roads).extracting(LayerDef::id).containsExactly("road", "road_inspection", "bus_stop");
        assertThat(layer(transport).getItemLabelGenerator().apply(roads.get(0))).isEqualTo("道路交通 › 农村公路");
        // the road-access results (derived layers) are written by the analysis: not offered, not even to ADMIN
        ImportView admin = new ImportView(workflow, new AppUser("admin", EnumSet.of(Role.ADMIN)));
        assertThat(layer(admin).getListDataView().getItems().map(LayerDef::id).toList())
                .contains("road", "household")
                .doesNotContain("access_household", "access_road", "access_gap");

        ImportView leader = new ImportView(workflow, new AppUser("leader", EnumSet.of(Role.LEADER)));
        assertThat(layer(leader).getListDataView().getItems()).isEmpty();
        assertThat(button(leader, "import-analyse").isEnabled()).isFalse();
        assertThat(text(leader, "import-form")).contains("只能查看导入记录");
    }

    @Test
    void analyseShowsTheFileThenImportLoadsItWithTheEditedMapping() throws Exception {
        ImportView view = open();
        upload(view, ImportTestFiles.roadsZip(work));
        List<Path> draft = uploadFolders();
        layer(view).setValue(workflow.layer("road"));
        _click(button(view, "import-analyse"));
        ImportJob job = settle(view);
        // the import holds a copy of the page's draft
        List<Path> held =
                uploadFolders().stream().filter(f -> !draft.contains(f)).toList();
        assertThat(held).hasSize(1);
        Path upload = held.getFirst();

        assertThat(job.status().name()).isEqualTo("SUCCEEDED");
        assertThat(job.dryRun()).isTrue();
        JobPanel result = result(view);
        String facts = text(result, "import-facts");
        assertThat(facts).contains("益阳道路_赫山区.zip", "Shapefile", "读取行数4", "有效行3", "有错误的行1", "GBK", "文件声明", "EPSG:4525");
        assertThat(text(result, "import-notice")).contains("试运行完成", "3 行可以导入，1 行有错误");
        assertThat(text(result, "import-status")).isEqualTo("成功");
        assertThat(find(result, PlanningMap.class, "import-preview-map").getOverlayCount())
                .as("the file's features on the preview map")
                .isEqualTo(4);
        MappingEditor mapping = find(result, MappingEditor.class);
        assertThat(target(result, "道路名称").getValue()).isEqualTo("name");
        assertThat(target(result, "行政等级").getValue()).isEqualTo("admin_class");
        assertThat(target(result, "路面类型").getValue()).isEqualTo("surface");
        assertThat(target(result, "路面类型").getItemLabelGenerator().apply("admin_class"))
                .isEqualTo("行政等级 (admin_class) · 必填");
        IssueGrid issues = find(result, IssueGrid.class);
        assertThat(issues.isVisible()).isTrue();
        // the file's notices first (hardened and all-season follow from the surface), then the row with 高速
        assertThat(issues.getGenericDataView().getItems().toList())
                .extracting(ImportIssue::code)
                .containsExactly(IssueCode.VALUES_DERIVED, IssueCode.VALUES_DERIVED, IssueCode.UNKNOWN_CODE);
        assertThat(issues.getGenericDataView().getItems().toList().getLast().message(Locale.SIMPLIFIED_CHINESE))
                .contains("高速");
        assertThat(recentImports(view)).extracting(ImportSummary::id).contains(job.id());

        target(result, "路面类型").setValue("IGNORE");
        assertThat(mapping.editedMap()).containsEntry("路面类型", "IGNORE").containsEntry("道路名称", "name");
        _click(button(result, "import-load"));
        ImportJob loaded = settle(view);
        assertThat(loaded.id()).isEqualTo(job.id());
        assertThat(loaded.dryRun()).isFalse();
        assertThat(loaded.imported()).isEqualTo(3);
        assertThat(loaded.mapping().entry("路面类型").orElseThrow().target()).isEqualTo("IGNORE");
        assertThat(text(result, "import-notice")).contains("已导入 3 个要素到“农村公路”", "另有 1 行因错误未导入");
        Anchor map = find(result, Anchor.class, "import-view-on-map");
        assertThat(map.getHref()).startsWith("./?extent=112.").endsWith("&layer=road");
        assertThat(button(result, "import-load").isVisible())
                .as("a loaded import cannot be loaded again")
                .isFalse();
        assertThat(upload).as("the upload, deleted once loaded").doesNotExist();
        assertThat(new JdbcAuditRepository(store.store()).find(AuditFilter.all(10)))
                .as("the analysis, then the load, in the audit record (newest first)")
                .extracting(e -> e.action() + " " + e.layer() + " " + e.feature())
                .containsExactly("import-confirm road " + job.id(), "import-check road " + job.id());
    }

    @Test
    void aFileWithoutCoordinateSystemWaitsUntilOneIsChosen() throws Exception {
        ImportView view = open();
        try (Stream<Path> parts = Files.list(ImportTestFiles.corpus("no_prj_ambiguous"))) {
            for (Path p : parts.sorted().toList()) {
                upload(view, p);
            }
        }
        layer(view).setValue(workflow.layer("bus_stop"));
        _click(button(view, "import-analyse"));
        ImportJob job = settle(view);

        assertThat(job.status().name()).isEqualTo("NEEDS_INPUT");
        assertThat(text(view, "import-notice")).contains("需要补充信息", "请选择坐标系");
        assertThat(find(view, ComboBox.class, "import-crs").isInvalid()).isTrue();

        @SuppressWarnings("unchecked")
        var crs = (ComboBox<String>) find(view, ComboBox.class, "import-crs");
        crs.setValue("EPSG:4546");
        _click(button(view, "import-reanalyse"));
        ImportJob again = settle(view);
        assertThat(again.status().name()).isEqualTo("SUCCEEDED");
        assertThat(again.crs()).isEqualTo("EPSG:4546");
        assertThat(text(view, "import-facts")).contains("EPSG:4546", "用户指定");
    }

    @Test
    void columnsNamedTheDepartmentsWayAreProposedByTheirValuesAndOneClickAcceptsACandidate() throws Exception {
        Path works = work.resolve("供水工程.csv");
        Files.writeString(
                works, "工程编号,工程名称,工程类型,经度,纬度\nSG001,城区水厂,城乡一体化,112.35,28.55\nSG002,泉交河水厂,千人以上,112.24,28.60\n");
        ImportJob stored = service.submit(ImportRequest.builder("water_work", "admin")
                .file(works, "供水工程.csv")
                .build());
        assertThat(service.await(stored.id(), Duration.ofSeconds(60)).imported())
                .isEqualTo(2);
        Path tests = work.resolve("水质检测_乡镇上报.csv");
        Files.writeString(
                tests,
                "BH,RQ,JL\nSG001,2024/9/28,合格\nSG002,2024年9月28日,不合格\nSG001,45563,合格\nSG002,2024-10-08,合格\nSG009,2024-10-09,合格\n");

        ImportView view = open();
        upload(view, tests);
        layer(view).setValue(workflow.layer("water_quality_test"));
        _click(button(view, "import-analyse"));
        ImportJob job = settle(view);

        assertThat(job.status().name()).isEqualTo("NEEDS_INPUT");
        JobPanel result = result(view);
        assertThat(text(result, "import-mapping-proposals"))
                .contains(
                        "可作为“工程编号”的列（按可信度排序）：",
                        "采用“BH”（`BH` 的值中 80 % 是库中供水工程的编码）",
                        "推断，请确认",
                        "“检测日期”按内容推断为列“RQ”：`RQ` 的值中 100 % 是日期。");
        assertThat(target(result, "RQ").getValue()).isEqualTo("tested_on");
        assertThat(target(result, "JL").getValue()).isEqualTo("result");
        assertThat(target(result, "BH").getValue()).isEqualTo(FieldMapping.EXTRA);

        _click(button(result, "import-accept-water_work_code-0"));
        assertThat(target(result, "BH").getValue()).isEqualTo("water_work_code");
        _click(button(result, "import-load"));
        ImportJob loaded = settle(view);

        assertThat(loaded.status().name()).isEqualTo("SUCCEEDED");
        assertThat(loaded.read()).isEqualTo(5);
        assertThat(loaded.imported()).isEqualTo(4);
        assertThat(loaded.rejected()).isEqualTo(1);
    }

    // --- helpers ---

    private ImportView open() {
        ImportView view = new ImportView(workflow, ADMIN);
        UI.getCurrent().add(view);
        return view;
    }

    /** What the upload handler does with a received file. */
    private static void upload(ImportView view, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ImportForm form = find(view, ImportForm.class, "import-form");
            String stored = form.draft().add(file.getFileName().toString(), in);
            form.received(file.getFileName().toString(), stored);
        }
    }

    /** Waits for the shown import to settle, then lets the page poll once. */
    private ImportJob settle(ImportView view) throws InterruptedException {
        String id = result(view).shown().id();
        workflow.await(id, Duration.ofSeconds(60));
        view.refresh();
        return result(view).shown();
    }

    /** The upload folders: the page's draft and those its imports hold. */
    private List<Path> uploadFolders() throws IOException {
        try (Stream<Path> folders = Files.list(work.resolve("uploads"))) {
            return folders.toList();
        }
    }

    /** The result card. */
    private static JobPanel result(ImportView view) {
        return find(view, JobPanel.class, "import-result");
    }

    /** The layer chooser of the form. */
    @SuppressWarnings("unchecked")
    private static ComboBox<LayerDef> layer(ImportView view) {
        return find(view, ComboBox.class, "import-layer");
    }

    /** The imports listed under "recent imports". */
    @SuppressWarnings("unchecked")
    private static List<ImportSummary> recentImports(ImportView view) {
        Grid<ImportSummary> grid = find(view, Grid.class, "import-recent");
        return grid.getListDataView().getItems().toList();
    }

    /** The select of a file field in the mapping grid's target column. */
    @SuppressWarnings("unchecked")
    private static Select<String> target(JobPanel result, String source) {
        Grid<FieldMapping.Entry> grid = find(result, Grid.class, "import-mapping-grid");
        List<FieldMapping.Entry> rows = grid.getListDataView().getItems().toList();
        int row = IntStream.range(0, rows.size())
                .filter(i -> rows.get(i).source().equals(source))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no field " + source));
        return (Select<String>) GridKt._getCellComponent(grid, row, "target");
    }

    private static String text(Component root, String id) {
        return find(root, Component.class, id).getElement().getTextRecursively();
    }

    private static Button button(Component root, String id) {
        return find(root, Button.class, id);
    }

    private static <T extends Component> T find(Component root, Class<T> type) {
        return descendants(root)
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }

    private static <T extends Component> T find(Component root, Class<T> type, String id) {
        return descendants(root)
                .filter(type::isInstance)
                .filter(c -> c.getId().orElse("").equals(id))
                .map(type::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id));
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(ImportViewTest::descendants));
    }
}
