package cn.yiyang.planning.app.map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.exporting.ExportDialog;
import cn.yiyang.planning.app.exporting.ExportService;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.place.DrillDown;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.app.table.FeatureTableService;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.tiles.TileSource;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The export's entries in the map workspace (Karibu, on {@link MapTestData}): every layer of the tree and the layer of
 * the attribute table open the export dialog, which offers the unit the map is drilled down to and the map's extent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapExportTest {

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private TestStores.TestStore store;
    private FeatureRepository repo;

    @BeforeAll
    void store() {
        store = TestStores.h2gis();
        repo = new JdbcFeatureRepository(store.store());
        MapTestData.load(repo, catalogue);
    }

    @AfterAll
    void dropStore() throws Exception {
        store.close();
    }

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("viewer", "x", "ROLE_VIEWER"));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private MapView open() {
        LayerVersions versions = new LayerVersions(repo);
        PlaceService places = new PlaceService(repo, catalogue, versions);
        TileService tiles = new TileService(TileSource.of(store.store()), catalogue, versions);
        MapView view = new MapView(
                tiles,
                new MapSettings(""),
                places,
                new FeatureTableService(repo, catalogue, places),
                new AuthenticationContext(),
                null,
                new ExportService(catalogue, repo, DataScopes.standard(), Runnable::run));
        UI.getCurrent().add(view);
        return view;
    }

    private static ExportDialog dialog() {
        return _get(ExportDialog.class, s -> s.withId("export-dialog"));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<ExportDialog.Scope> scope() {
        return _get(RadioButtonGroup.class, s -> s.withId("export-scope"));
    }

    private static String count() {
        return _get(Span.class, s -> s.withId("export-count")).getText();
    }

    @Test
    void everyLayerOfTheTreeHasAnExportButtonThatOpensTheDialogWithTheDrilledDownUnit() {
        open();
        LayerTree tree = _get(LayerTree.class, s -> s.withId("map-layer-tree"));
        assertThat(_find(tree, Button.class, s -> s.withClasses("map-layer-export")))
                .hasSize(new TileService(TileSource.of(store.store()), catalogue, new LayerVersions(repo))
                        .tiledLayers()
                        .size());

        ButtonKt._click(_get(tree, Button.class, s -> s.withId("export-household")));
        assertThat(dialog().getHeaderTitle()).isEqualTo("导出 农户");
        assertThat(count()).isEqualTo("将导出 20 个要素");
        assertThat(scope().getListDataView().getItems()).containsExactly(ExportDialog.Scope.LAYER);
        dialog().close();

        Place township = new PlaceService(repo, catalogue, new LayerVersions(repo))
                .find("430921101")
                .orElseThrow();
        _get(DrillDown.class, s -> s.withId("drill-down")).go(township);
        ComponentUtil.fireEvent(
                _get(PlanningMap.class, s -> s.withId("map-canvas")),
                new ViewChangeEvent(
                        _get(PlanningMap.class, s -> s.withId("map-canvas")),
                        true,
                        112.3,
                        28.5,
                        12,
                        112.0,
                        28.3,
                        112.2,
                        28.8));
        ButtonKt._click(_get(tree, Button.class, s -> s.withId("export-village")));
        assertThat(scope().getListDataView().getItems())
                .containsExactly(ExportDialog.Scope.LAYER, ExportDialog.Scope.UNIT, ExportDialog.Scope.EXTENT);
        assertThat(scope().getItemLabelGenerator().apply(ExportDialog.Scope.UNIT))
                .isEqualTo("当前行政区：茅草街镇");
        assertThat(count()).isEqualTo("将导出 15 个要素");
        scope().setValue(ExportDialog.Scope.UNIT);
        assertThat(count()).isEqualTo("将导出 9 个要素");
        scope().setValue(ExportDialog.Scope.EXTENT);
        // the box reaches x = 112.2: the villages of the first two columns (112.05 … 112.25)
        assertThat(count()).isEqualTo("将导出 6 个要素");
    }

    @Test
    void theAttributeTableExportsTheLayerItShows() {
        MapView view = open();
        view.toggleTable();
        Button export = _get(Button.class, s -> s.withId("table-export"));
        assertThat(export.isVisible()).isTrue();
        assertThat(export.getText()).isEqualTo("导出");
        ButtonKt._click(export);
        assertThat(dialog().getHeaderTitle()).isEqualTo("导出 行政村（社区）");
        assertThat(count()).isEqualTo("将导出 15 个要素");
        assertThat(dialog().isOpened()).isTrue();
    }
}
