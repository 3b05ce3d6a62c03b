package cn.yiyang.planning.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.edit.FeatureForm;
import cn.yiyang.planning.app.edit.ReferenceOption;
import cn.yiyang.planning.app.edit.ReferenceSource;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.map.IdentifyPanel;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.table.AttributeTable;
import cn.yiyang.planning.app.table.FeatureTableService;
import cn.yiyang.planning.app.testsupport.AsText;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * Attribute values that hold HTML and script (from an uploaded file or an edit) are shown as text by the map's
 * identify panel, the attribute table and the editing form (issue 17): the literal value is what the user reads, and
 * no element of the page gets it as markup ({@code innerHTML}, which Vaadin's {@code Html} and a renderer's raw HTML
 * would set). Karibu, over an embedded store holding one road whose text fields carry the payloads.
 */
class AttributesAsTextTest {

    static final String IMG = AsText.IMG;
    static final String SCRIPT = AsText.SCRIPT;
    static final String QUOTES = AsText.QUOTES;

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private TestStores.TestStore store;
    private FeatureRepository features;

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        store = TestStores.h2gis();
        features = new JdbcFeatureRepository(store.store());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("code", "C0001");
        a.put("name", IMG);
        a.put("admin_class", "village");
        a.put("maintainer", SCRIPT);
        a.put("route_code", QUOTES);
        features.load(
                catalogue.get("road"),
                LoadMode.APPEND,
                List.of(Feature.of(a, LayerGeometry.FACTORY.createMultiLineString(new LineString[] {
                            LayerGeometry.FACTORY.createLineString(
                                    new Coordinate[] {new Coordinate(112.3, 28.5), new Coordinate(112.31, 28.51)})
                        })))
                        .iterator());
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        store.close();
    }

    @Test
    void theIdentifyPanelShowsTheValuesAsText() {
        IdentifyPanel panel = new IdentifyPanel(catalogue::get, Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().add(panel);
        panel.showAttributes("road", Map.of("code", "C0001", "name", IMG, "maintainer", SCRIPT, "route_code", QUOTES));
        AsText.assertAsText(panel);
        assertThat(panel.getElement().getTextRecursively()).contains(IMG, SCRIPT, QUOTES);
    }

    @Test
    void theAttributeTableShowsTheValuesAsText() {
        PlaceService places = new PlaceService(features, catalogue, new LayerVersions(features));
        AttributeTable table = new AttributeTable(
                new FeatureTableService(features, catalogue, places),
                Locale.ROOT,
                new AppUser("planner", Set.of(Role.PLANNER)));
        UI.getCurrent().add(table);
        table.setLayer("road");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = LocatorJ._get(table, Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(String.join("|", GridKt._getFormattedRow(grid, 0))).contains(IMG, SCRIPT, QUOTES);
        AsText.assertAsText(table);
    }

    @Test
    void theEditingFormHoldsTheValuesAsText() {
        LayerDef road = catalogue.get("road");
        ReferenceSource none = new ReferenceSource() {
            @Override
            public List<ReferenceOption> options(String targetLayerId, String filter, int offset, int limit) {
                return List.of();
            }

            @Override
            public Optional<ReferenceOption> option(String targetLayerId, String key) {
                return Optional.empty();
            }
        };
        FeatureForm form = new FeatureForm(road, Locale.SIMPLIFIED_CHINESE, none);
        UI.getCurrent().add(form);
        form.setValues(Map.of("code", "C0001", "name", IMG, "maintainer", SCRIPT, "route_code", QUOTES), none);
        HasValue<?, ?> name = form.field("name");
        assertThat(name.getValue()).isEqualTo(IMG);
        assertThat(form.field("maintainer").getValue()).isEqualTo(SCRIPT);
        assertThat(form.values()).containsEntry("name", IMG).containsEntry("route_code", QUOTES);
        AsText.assertAsText(form);
    }
}
