package cn.yiyang.planning.app.exporting;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The export dialog without a server or browser (Karibu), on an in-memory H2GIS store of 30 households in two
 * villages: the choices it offers per layer, the count of each scope, an export run on a worker with its progress
 * pushed back and the file offered, and a cancelled export.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportDialogTest {

    private static final String VILLAGE_A = "430921101201";
    private static final String VILLAGE_B = "430921101202";
    private static final AppUser VIEWER = new AppUser("viewer", EnumSet.of(Role.VIEWER));

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final LayerDef household = catalogue.get("household");
    private TestStores.TestStore store;
    private FeatureRepository repo;
    private ExecutorService worker;

    @BeforeAll
    void store() {
        store = TestStores.h2gis();
        repo = new JdbcFeatureRepository(store.store());
        List<Feature> houses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // 20 in village A along x = 112.30 …, 10 in village B further east
            houses.add(Feature.of(
                    Map.of("code", "H" + i, "village_code", i < 20 ? VILLAGE_A : VILLAGE_B),
                    LayerGeometry.FACTORY.createPoint(new Coordinate(112.30 + i * 0.01, 28.50))));
        }
        repo.load(household, LoadMode.REPLACE, houses.iterator());
        worker = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    void dropStore() throws Exception {
        worker.shutdownNow();
        store.close();
    }

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private ExportDialog open(LayerDef layer, String unit, Envelope extent, ExportService exports) {
        ExportDialog dialog = new ExportDialog(
                exports, VIEWER, layer, Locale.SIMPLIFIED_CHINESE, unit, unit == null ? null : "某村", extent);
        dialog.open();
        return dialog;
    }

    private ExportDialog open(LayerDef layer, String unit, Envelope extent) {
        return open(layer, unit, extent, new ExportService(catalogue, repo, DataScopes.standard(), worker));
    }

    @SuppressWarnings("unchecked")
    private static Select<ExportFormat> format() {
        return _get(Select.class, s -> s.withId("export-format"));
    }

    @SuppressWarnings("unchecked")
    private static Select<String> select(String id) {
        return _get(Select.class, s -> s.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<ExportDialog.Scope> scope() {
        return _get(RadioButtonGroup.class, s -> s.withId("export-scope"));
    }

    private static String text(String id) {
        return _get(Span.class, s -> s.withId(id)).getText();
    }

    @Test
    void aSpatialLayerOffersEveryFormatTheCrssAndTheScopesWithTheirCounts() {
        ExportDialog dialog = open(household, VILLAGE_B, new Envelope(112.295, 112.345, 28.4, 28.6));
        assertThat(dialog.getHeaderTitle()).isEqualTo("导出 农户");
        assertThat(format().getListDataView().getItems())
                .containsExactly(
                        ExportFormat.GPKG, ExportFormat.SHP, ExportFormat.GEOJSON, ExportFormat.CSV, ExportFormat.XLSX);
        assertThat(format().getItemLabelGenerator().apply(ExportFormat.SHP)).isEqualTo("Shapefile（压缩包 .zip）");
        _assertNone(Select.class, s -> s.withId("export-encoding"));
        format().setValue(ExportFormat.SHP);
        assertThat(select("export-encoding").getListDataView().getItems()).containsExactly("UTF-8", "GBK");
        assertThat(select("export-crs").getListDataView().getItems())
                .containsExactly("EPSG:4490", "EPSG:4525", "EPSG:4526", "EPSG:4546", "EPSG:4547");
        assertThat(select("export-crs").getItemLabelGenerator().apply("EPSG:4546"))
                .isEqualTo("CGCS2000 高斯-克吕格 中央经线 111°E (EPSG:4546)");

        assertThat(scope().getListDataView().getItems())
                .containsExactly(ExportDialog.Scope.LAYER, ExportDialog.Scope.UNIT, ExportDialog.Scope.EXTENT);
        assertThat(scope().getItemLabelGenerator().apply(ExportDialog.Scope.UNIT))
                .isEqualTo("当前行政区：某村");
        assertThat(text("export-count")).isEqualTo("将导出 30 个要素");
        scope().setValue(ExportDialog.Scope.UNIT);
        assertThat(text("export-count")).isEqualTo("将导出 10 个要素");
        scope().setValue(ExportDialog.Scope.EXTENT);
        // x = 112.30 … 112.34: five households
        assertThat(text("export-count")).isEqualTo("将导出 5 个要素");
        assertThat(dialog.request().format()).isEqualTo(ExportFormat.SHP);
        assertThat(dialog.request().encoding()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aLayerWithoutGeometryOffersNeitherShapefileNorCrsNorExtent() {
        open(catalogue.get("road_inspection"), null, new Envelope(112, 113, 28, 29));
        assertThat(format().getListDataView().getItems())
                .containsExactly(ExportFormat.GPKG, ExportFormat.GEOJSON, ExportFormat.CSV, ExportFormat.XLSX);
        _assertNone(Select.class, s -> s.withId("export-crs"));
        assertThat(scope().getListDataView().getItems()).containsExactly(ExportDialog.Scope.LAYER);
        assertThat(text("export-count")).isEqualTo("将导出 0 个要素");
    }

    @Test
    void aUnitTheLayerHasNoCodeForIsShownButCannotBeChosen() {
        // the township layer holds township and county codes, no village codes
        open(catalogue.get("township"), VILLAGE_A, null);
        assertThat(scope().getItemLabelGenerator().apply(ExportDialog.Scope.UNIT))
                .isEqualTo("当前行政区：某村（该图层无此级行政区代码）");
        assertThat(scope().getItemEnabledProvider().test(ExportDialog.Scope.UNIT))
                .isFalse();
        assertThat(scope().getItemEnabledProvider().test(ExportDialog.Scope.LAYER))
                .isTrue();
    }

    @Test
    void anExportRunsOnTheWorkerShowsItsEndAndOffersTheFile() throws Exception {
        ExportDialog dialog = open(household, VILLAGE_A, null);
        format().setValue(ExportFormat.CSV);
        scope().setValue(ExportDialog.Scope.UNIT);
        dialog.start();
        ExportJob job = dialog.job();
        assertThat(job.total()).isEqualTo(20);
        assertThat(job.await(Duration.ofSeconds(30))).isTrue();
        MockVaadin.runUIQueue();
        assertThat(job.state()).isEqualTo(ExportJob.State.READY);
        assertThat(text("export-status")).isEqualTo("导出完成：20 个要素");
        _assertNone(ProgressBar.class, s -> s.withId("export-progress"));
        Anchor download = _get(Anchor.class, s -> s.withId("export-download"));
        assertThat(download.getText()).isEqualTo("下载文件");
        assertThat(job.fileName()).isEqualTo("household.csv");
        List<String> lines = Files.readAllLines(job.file(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(21);
        assertThat(lines.subList(1, 21)).allMatch(l -> l.contains(VILLAGE_A));

        dialog.close();
        MockVaadin.runUIQueue();
        assertThat(Files.exists(job.file()))
                .as("the file is deleted with the dialog")
                .isFalse();
    }

    @Test
    void anExportCancelledBeforeTheWorkerTakesItNeverRunsAndItsFileIsGone() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        ExportDialog dialog =
                open(household, null, null, new ExportService(catalogue, repo, DataScopes.standard(), queued::add));
        dialog.start();
        ExportJob job = dialog.job();
        assertThat(text("export-status")).isEqualTo("排队中…");
        dialog.cancelOrClose();
        assertThat(text("export-status")).isEqualTo("正在取消…");
        assertThat(dialog.isOpened()).isTrue();
        queued.forEach(Runnable::run);
        MockVaadin.runUIQueue();
        assertThat(job.state()).isEqualTo(ExportJob.State.CANCELLED);
        assertThat(text("export-status")).isEqualTo("已取消导出");
        _assertNone(Anchor.class, s -> s.withId("export-download"));
        assertThat(Files.exists(job.file())).isFalse();
        dialog.cancelOrClose();
        assertThat(dialog.isOpened()).isFalse();
    }
}
