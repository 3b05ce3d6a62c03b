package cn.yiyang.planning.app.map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LayerSummary;
import cn.yiyang.planning.layers.feature.LoadMode;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** The map page without a server: layer switcher, defaults, toggling, feature info. */
class MapViewTest {

    private static final Envelope COUNTY_EXTENT = new Envelope(112.0, 112.6, 28.3, 28.8);

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private MapView open(String tiandituKey) {
        TileService tiles = new TileService((layer, c) -> new byte[0], new CountyOnly(), LayerCatalogue.standard());
        MapView view = new MapView(tiles, new MapSettings(tiandituKey));
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void theSwitcherListsEveryLayerWithGeometryByThemeInChinese() {
        MapView view = open("");

        List<Checkbox> boxes = _find(view, Checkbox.class);
        long withGeometry = LayerCatalogue.standard().layers().stream().filter(l -> l.geometry().hasGeometry()).count();
        assertThat(boxes).hasSize((int) withGeometry);
        assertThat(_get(view, Checkbox.class, s -> s.withId("layer-county")).getLabel()).isEqualTo("县级行政区");
        assertThat(_find(view, Details.class).stream().map(Details::getSummaryText))
                .contains("行政区划", "道路交通", "供水", "三区三线");
        assertThat(view.layerSwitch("road_inspection")).isEmpty();

        for (String id : List.of("county", "township", "village", "road")) {
            assertThat(view.layerSwitch(id).orElseThrow().getValue()).as(id).isTrue();
            assertThat(view.map().isLayerVisible(id)).isTrue();
        }
        assertThat(view.layerSwitch("household").orElseThrow().getValue()).isFalse();
        assertThat(view.map().isLayerVisible("household")).isFalse();
        assertThat(view.map().getLayer("household").orElseThrow().minZoom()).isEqualTo(13);
        assertThat(view.map().getLayer("road").orElseThrow().tileUrl()).isEqualTo("tiles/road/{z}/{x}/{y}.mvt");
    }

    @Test
    void thePageHasATitleAndNoBaseMapWithoutAKey() {
        MapView view = open("");
        assertThat(view.getPageTitle()).isEqualTo("一张图");
        assertThat(view.map().getTianditu()).isEmpty();
    }

    @Test
    void togglingACheckboxCallsTheMapComponent() {
        MapView view = open("");
        dumpJs(); // what the attach sent

        view.layerSwitch("household").orElseThrow().setValue(true);
        assertThat(view.map().isLayerVisible("household")).isTrue();
        assertThat(dumpJs()).anySatisfy(params -> assertThat(params).startsWith("setVisible", "household", true));

        view.layerSwitch("road").orElseThrow().setValue(false);
        assertThat(view.map().isLayerVisible("road")).isFalse();
        assertThat(dumpJs()).anySatisfy(params -> assertThat(params).startsWith("setVisible", "road", false));
    }

    @Test
    void onAttachTheMapGetsItsLayersAndZoomsToTheCountyExtent() {
        open("");
        List<List<Object>> calls = dumpJs();
        assertThat(calls).anySatisfy(p -> {
            assertThat(p.getFirst()).isEqualTo("setLayers");
            assertThat((String) p.get(1)).contains("\"id\":\"county\"").contains("\"url\":\"tiles/county/{z}/{x}/{y}.mvt\"");
        });
        assertThat(calls).anySatisfy(p -> assertThat(p).startsWith("fitExtent", 112.0, 28.3, 112.6, 28.8));
    }

    @Test
    void aTiandituKeyGoesToTheElement() {
        MapView view = open("abc123");
        assertThat(view.map().getTianditu()).contains("abc123");
        assertThat(view.map().getElement().getAttribute("tianditu-key")).isEqualTo("abc123");
    }

    @Test
    void aFeatureClickShowsItsAttributesWithChineseTitlesAndCodeLabels() {
        MapView view = open("");
        ComponentUtil.fireEvent(view.map(), new FeatureClickEvent(view.map(), true, "road",
                "{\"id\":7,\"code\":\"C001\",\"name\":\"新建村道\",\"admin_class\":\"village\",\"hardened\":true,\"width\":4.5}",
                112.3, 28.5));
        List<String> texts = _find(view.featureInfo(), Span.class).stream().map(Span::getText).toList();
        assertThat(texts).contains("农村公路", "道路名称", "新建村道", "行政等级", "村道", "是否硬化", "是", "4.5");
    }

    /** The parameters of the pending JavaScript calls of the map element, oldest first; clears them. */
    private static List<List<Object>> dumpJs() {
        // Run the beforeClientResponse hooks that queue executeJs calls, as writing a response does.
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        List<PendingJavaScriptInvocation> pending = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations()
                .stream().filter(p -> p.getInvocation().getExpression().contains("whenDefined('planning-map')")).toList();
        // Parameters: the method name ($0), its arguments, then the element itself (Vaadin adds it last).
        pending.forEach(p -> assertThat(p.getInvocation().getExpression())
                .contains("this[$0](" + IntStream.range(1, p.getInvocation().getParameters().size() - 1)
                        .mapToObj(i -> "$" + i).collect(Collectors.joining(", ")) + ")"));
        return pending.stream().map(p -> List.<Object>copyOf(p.getInvocation().getParameters()))
                .filter(params -> !params.isEmpty() && params.getFirst() instanceof String)
                .toList();
    }

    /** A repository whose only extent is the county layer's. */
    private static final class CountyOnly implements FeatureRepository {
        @Override
        public LayerSummary summary(LayerDef layer) {
            return layer.id().equals("county") ? new LayerSummary(1, COUNTY_EXTENT) : new LayerSummary(0, null);
        }

        @Override
        public long load(LayerDef layer, LoadMode mode, Iterator<Feature> features) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Feature> findInEnvelope(LayerDef layer, Envelope bbox, int limit) {
            return List.of();
        }

        @Override
        public Optional<Feature> findById(LayerDef layer, long id) {
            return Optional.empty();
        }

        @Override
        public Optional<Feature> findByKey(LayerDef layer, String key) {
            return Optional.empty();
        }

        @Override
        public void forEach(LayerDef layer, Consumer<Feature> sink) {
        }
    }
}
