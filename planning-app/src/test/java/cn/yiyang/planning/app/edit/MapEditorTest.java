package cn.yiyang.planning.app.edit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import cn.yiyang.planning.app.feature.FeatureEditServices;
import cn.yiyang.planning.app.feature.InvalidFeatureException;
import cn.yiyang.planning.app.map.EditEvents;
import cn.yiyang.planning.app.map.FeatureClickEvent;
import cn.yiyang.planning.app.map.PlanningMap;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The editor and its generated form without a browser (Karibu) on an in-memory H2GIS store: the form from the
 * catalogue (selects with labels, required marks, dates, numbers, booleans, references), problems at their
 * fields, a stale save that keeps what was typed (and both ways out of it), and a road inspection from a click.
 */
class MapEditorTest {

    private static final GeometryFactory GF = LayerGeometry.FACTORY;
    private static final AppUser WATER = new AppUser("water", Set.of(Role.WATER));
    private static final AppUser OTHER_WATER = new AppUser("water2", Set.of(Role.WATER));
    private static final AppUser TRANSPORT = new AppUser("transport", Set.of(Role.TRANSPORT));

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private TestStores.TestStore store;
    private FeatureRepository repo;
    private MapEditService service;
    private PlanningMap map;

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        store = TestStores.h2gis();
        repo = new JdbcFeatureRepository(store.store());
        repo.load(
                catalogue.get("county"),
                LoadMode.REPLACE,
                List.of(Feature.of(Map.of("code", "430921", "name", "南县"), square(112.0, 28.3, 0.6)))
                        .iterator());
        repo.load(
                catalogue.get("road"),
                LoadMode.REPLACE,
                List.of(
                                Feature.of(
                                        Map.of(
                                                "code",
                                                "S201",
                                                "name",
                                                "省道201",
                                                "admin_class",
                                                "provincial",
                                                "route_code",
                                                "S201430900"),
                                        GF.createMultiLineString(new LineString[] {
                                            GF.createLineString(new Coordinate[] {
                                                new Coordinate(112.0, 28.4), new Coordinate(112.3, 28.43)
                                            })
                                        })),
                                Feature.of(
                                        Map.of("code", "X031", "name", "县道031", "admin_class", "county"),
                                        GF.createMultiLineString(new LineString[] {
                                            GF.createLineString(new Coordinate[] {
                                                new Coordinate(112.15, 28.33), new Coordinate(112.2, 28.77)
                                            })
                                        })))
                        .iterator());
        service = new MapEditService(catalogue, repo, FeatureEditServices.on(store.store(), catalogue, repo));
        map = new PlanningMap();
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        store.close();
    }

    private static Polygon square(double x, double y, double size) {
        return GF.createPolygon(new Coordinate[] {
            new Coordinate(x, y),
            new Coordinate(x + size, y),
            new Coordinate(x + size, y + size),
            new Coordinate(x, y + size),
            new Coordinate(x, y)
        });
    }

    private MapEditor open(AppUser user) {
        MapEditor editor = new MapEditor(map, service, user, UI.getCurrent().getLocale());
        UI.getCurrent().add(new Div(map, editor));
        return editor;
    }

    /** A water works stored by the write path: version 1. */
    private EditedFeature waterWork(String name) {
        LayerDef layer = catalogue.get("water_work");
        long id = service.insert(
                        WATER,
                        layer,
                        Map.of("code", "W1", "name", name, "kind", "large", "county_code", "430921"),
                        GF.createPoint(new Coordinate(112.1, 28.5)),
                        Locale.SIMPLIFIED_CHINESE)
                .id();
        return service.get(WATER, "water_work", id);
    }

    @Test
    void theFormIsGeneratedFromTheCatalogue() {
        FeatureForm inspection = new FeatureForm(catalogue.get("road_inspection"), Locale.SIMPLIFIED_CHINESE, service);
        UI.getCurrent().add(inspection);

        @SuppressWarnings("unchecked")
        Select<String> status = (Select<String>) inspection.field("status");
        assertThat(status.getLabel()).isEqualTo("通行状态");
        assertThat(status.isRequiredIndicatorVisible()).isTrue();
        assertThat(status.getItemLabelGenerator().apply("blocked")).isEqualTo("不通");
        assertThat(inspection.field("inspected_on")).isInstanceOf(DatePicker.class);
        assertThat(inspection.field("cause")).isInstanceOf(TextField.class);
        assertThat(((TextField) inspection.field("cause")).isRequiredIndicatorVisible())
                .isFalse();
        // the road code refers to the road layer: a searchable select over its keys and names
        assertThat(inspection.field("road_code")).isInstanceOf(ComboBox.class);
        assertThat(service.options("road", "X", 0, 10)).containsExactly(new ReferenceOption("X031", "县道031"));
        assertThat(service.options("road", "省道", 0, 10)).containsExactly(new ReferenceOption("S201", "省道201"));
        assertThat(service.options("road", "", 0, 10)).hasSize(2);

        FeatureForm works = new FeatureForm(catalogue.get("water_work"), Locale.ENGLISH, service);
        assertThat(works.field("capacity_m3d")).isInstanceOf(NumberField.class);
        assertThat(works.field("served_population")).isInstanceOf(IntegerField.class);
        assertThat(works.field("disinfection")).isInstanceOf(Checkbox.class);
        assertThat(((TextField) works.field("name")).getLabel()).isEqualTo("Name");
        @SuppressWarnings("unchecked")
        Select<String> kind = (Select<String>) works.field("kind");
        assertThat(kind.getItemLabelGenerator().apply("large")).isEqualTo("Scheme serving 1,000+ people");

        works.setValues(Map.of("name", "城东水厂", "served_population", 1200, "disinfection", true), service);
        assertThat(works.values())
                .containsEntry("name", "城东水厂")
                .containsEntry("served_population", 1200)
                .containsEntry("disinfection", true)
                .containsEntry("kind", null);
    }

    @Test
    void aWaterUserEditsWaterLayersOnlyAndProblemsShowAtTheirFields() {
        EditedFeature stored = waterWork("城东水厂");
        MapEditor editor = open(WATER);
        @SuppressWarnings("unchecked")
        Select<LayerDef> layers = _get(Select.class, spec -> spec.withId("edit-layer"));
        assertThat(layers.getListDataView().getItems().map(LayerDef::id))
                .contains("water_work")
                .doesNotContain("road");

        editor.start(catalogue.get("water_work"));
        assertThat(map.getEditingLayer()).contains("water_work");
        String key = String.valueOf(stored.id());
        ComponentUtil.fireEvent(map, new EditEvents.Select(map, true, key, (double) stored.id(), null));
        FeatureForm form = editor.form();
        assertThat(form.values()).containsEntry("name", "城东水厂");

        ((TextField) form.field("name")).setValue("");
        ComponentUtil.fireEvent(map, new EditEvents.Save(map, List.of()));

        assertThat(form.problemAt("name")).isNotBlank();
        assertThat(_get(Div.class, spec -> spec.withId("edit-problems")).getChildren())
                .isNotEmpty();
        assertThat(service.get(WATER, "water_work", stored.id()).version()).isEqualTo(1); // nothing written
    }

    @Test
    void aStaleSaveKeepsWhatWasTypedAndOverwritesOnlyWhenAsked() {
        EditedFeature stored = waterWork("城东水厂");
        MapEditor editor = open(WATER);
        editor.start(catalogue.get("water_work"));
        String key = String.valueOf(stored.id());
        ComponentUtil.fireEvent(map, new EditEvents.Select(map, true, key, (double) stored.id(), null));
        ((TextField) editor.form().field("name")).setValue("城东水厂（扩建）");
        ((IntegerField) editor.form().field("served_population")).setValue(5000);

        // meanwhile another session changes the same works
        service.update(
                OTHER_WATER,
                catalogue.get("water_work"),
                stored.id(),
                1,
                Map.of("code", "W1", "name", "城东水厂", "kind", "integrated", "county_code", "430921"),
                null,
                Locale.SIMPLIFIED_CHINESE);

        ComponentUtil.fireEvent(map, new EditEvents.Save(map, List.of()));

        Div conflict = _get(Div.class, spec -> spec.withId("edit-conflict"));
        assertThat(conflict.isVisible()).isTrue();
        String note = _get(Div.class, spec -> spec.withId("edit-conflict-note"))
                .getElement()
                .getTextRecursively();
        assertThat(note).contains("water2").contains("工程类型");
        // nothing typed is lost
        assertThat(editor.form().values()).containsEntry("name", "城东水厂（扩建）").containsEntry("served_population", 5000);
        assertThat(service.get(WATER, "water_work", stored.id()).attributes().get("name"))
                .isEqualTo("城东水厂");

        _get(Button.class, spec -> spec.withId("edit-conflict-overwrite")).click();
        ComponentUtil.fireEvent(map, new EditEvents.Save(map, List.of())); // the element answers the save request

        EditedFeature now = service.get(WATER, "water_work", stored.id());
        assertThat(now.version()).isEqualTo(3);
        assertThat(now.attributes().get("name")).isEqualTo("城东水厂（扩建）");
        assertThat(now.attributes().get("served_population")).isEqualTo(5000);
        assertThat(conflict.isVisible()).isFalse();
    }

    @Test
    void takingTheOtherVersionDropsOnlyThatFeaturesTypedValues() {
        EditedFeature stored = waterWork("城东水厂");
        MapEditor editor = open(WATER);
        editor.start(catalogue.get("water_work"));
        String key = String.valueOf(stored.id());
        ComponentUtil.fireEvent(map, new EditEvents.Select(map, true, key, (double) stored.id(), null));
        ((TextField) editor.form().field("name")).setValue("我的名称");
        service.update(
                OTHER_WATER,
                catalogue.get("water_work"),
                stored.id(),
                1,
                Map.of("code", "W1", "name", "他人的名称", "kind", "large", "county_code", "430921"),
                null,
                Locale.SIMPLIFIED_CHINESE);
        ComponentUtil.fireEvent(map, new EditEvents.Save(map, List.of()));

        _get(Button.class, spec -> spec.withId("edit-conflict-reload")).click();

        assertThat(editor.form().values()).containsEntry("name", "他人的名称");
        assertThat(editor.session().typedKeys()).isEmpty();
        assertThat(_find(Div.class, spec -> spec.withId("edit-conflict"))).isEmpty(); // hidden again
    }

    @Test
    void aTransportUserRecordsARoadInspectionFromAClickedRoad() {
        open(TRANSPORT);
        clickRoad("X031", 112.17, 28.5);
        Button record = _get(Button.class, spec -> spec.withId("edit-inspect"));
        assertThat(record.isVisible()).isTrue();
        record.click();

        InspectionRecorder recorder = _get(InspectionRecorder.class);
        FeatureForm form = recorder.form();
        assertThat(form.values())
                .containsEntry("road_code", "X031")
                .containsEntry("inspected_on", LocalDate.now(Region.TIME_ZONE));
        _get(Button.class, spec -> spec.withId("edit-inspection-save")).click();
        assertThat(form.problemAt("status")).isNotBlank(); // required, not filled in

        @SuppressWarnings("unchecked")
        Select<String> status = (Select<String>) form.field("status");
        status.setValue("blocked");
        ((TextField) form.field("cause")).setValue("塌方");
        _get(Button.class, spec -> spec.withId("edit-inspection-save")).click();

        List<Feature> inspections = repo.page(catalogue.get("road_inspection"), FeatureQuery.first(10));
        assertThat(inspections).hasSize(1);
        assertThat(inspections.getFirst().attributes())
                .containsEntry("road_code", "X031")
                .containsEntry("status", "blocked")
                .containsEntry("cause", "塌方");
    }

    @Test
    void anInspectionOfAClickedSegmentMayNameItsWholeRoute() {
        open(TRANSPORT);
        clickRoad("S201", 112.1, 28.41);
        _get(Button.class, spec -> spec.withId("edit-inspect")).click();
        FeatureForm form = _get(InspectionRecorder.class).form();
        Checkbox wholeRoute = _get(Checkbox.class, spec -> spec.withId("edit-inspection-whole-route"));
        assertThat(wholeRoute.getLabel()).isEqualTo("按整条路线 S201430900 记录（适用于全部路段，或桩号所在路段）");

        wholeRoute.setValue(true);
        assertThat(form.values()).containsEntry("road_code", "S201430900");
        @SuppressWarnings("unchecked")
        Select<String> status = (Select<String>) form.field("status");
        status.setValue("blocked");
        ((TextField) form.field("stake_from")).setValue("K3+200");
        _get(Button.class, spec -> spec.withId("edit-inspection-save")).click();

        List<Feature> inspections = repo.page(catalogue.get("road_inspection"), FeatureQuery.first(10));
        assertThat(inspections)
                .singleElement()
                .satisfies(i -> assertThat(i.attributes())
                        .containsEntry("road_code", "S201430900")
                        .containsEntry("stake_from", "K3+200")
                        .containsEntry("status", "blocked"));
    }

    /** A click on the map that hits the stored road with this code. */
    private void clickRoad(String code, double lon, double lat) {
        long roadId = repo.findByKey(catalogue.get("road"), code).orElseThrow().id();
        ComponentUtil.fireEvent(
                map,
                new FeatureClickEvent(
                        map,
                        true,
                        "road",
                        "{}",
                        "[{\"layer\":\"road\",\"id\":" + roadId + ",\"properties\":{}}]",
                        lon,
                        lat));
    }

    @Test
    void anEarlierVersionIsShownBesideTheCurrentOne() {
        EditedFeature stored = waterWork("城东水厂");
        service.update(
                OTHER_WATER,
                catalogue.get("water_work"),
                stored.id(),
                1,
                Map.of("code", "W1", "name", "城东水厂二期", "kind", "large", "county_code", "430921"),
                GF.createPoint(new Coordinate(112.11, 28.5)),
                Locale.SIMPLIFIED_CHINESE);
        MapEditor editor = open(WATER);
        editor.start(catalogue.get("water_work"));
        ComponentUtil.fireEvent(
                map, new EditEvents.Select(map, true, String.valueOf(stored.id()), (double) stored.id(), null));

        @SuppressWarnings("unchecked")
        Select<FeatureVersion> versions = _get(Select.class, spec -> spec.withId("edit-history-versions"));
        List<FeatureVersion> entries = versions.getListDataView().getItems().toList();
        assertThat(entries).extracting(FeatureVersion::version).containsExactly(2L, 1L); // newest first
        versions.setValue(entries.get(1));

        assertThat(map.getOverlayCount()).isEqualTo(1); // the old point, dashed
        String diff = _get(Div.class, spec -> spec.withId("edit-history-diff"))
                .getElement()
                .getTextRecursively();
        assertThat(diff).contains("工程名称").contains("城东水厂").contains("城东水厂二期").contains("图形不同");
    }

    @Test
    void aShapeProblemIsPlacedWhereTheShapeIsInvalid() {
        Polygon bowTie = GF.createPolygon(new Coordinate[] {
            new Coordinate(112.0, 28.0),
            new Coordinate(112.2, 28.2),
            new Coordinate(112.2, 28.0),
            new Coordinate(112.0, 28.2),
            new Coordinate(112.0, 28.0)
        });
        var markers = ProblemPlaces.of(
                bowTie,
                List.of(
                        new InvalidFeatureException.Problem("geometry", "INVALID_GEOMETRY", "自相交", null),
                        new InvalidFeatureException.Problem(
                                "geometry", "PARCEL_OVERLAP", "与其他地块重叠", List.of(112.05, 28.02))));
        assertThat(markers).hasSize(2);
        assertThat(markers.getFirst().lon()).isCloseTo(112.1, offset(1e-9));
        assertThat(markers.getFirst().lat()).isCloseTo(28.1, offset(1e-9));
        assertThat(markers.get(1).lon())
                .as("a problem with a location of its own")
                .isCloseTo(112.05, offset(1e-9));
        assertThat(markers.get(1).lat()).isCloseTo(28.02, offset(1e-9));
        assertThat(markers.getFirst().message()).isEqualTo("自相交");
    }

    @Test
    void aSewageUserMovesAFacilityAndChangesItsStatusWithoutAFile() {
        AppUser sewage = new AppUser("sewage", Set.of(Role.SEWAGE));
        LayerDef layer = catalogue.get("sewage_facility");
        long id = service.insert(
                        sewage,
                        layer,
                        Map.of("code", "S1", "name", "南洲污水站", "kind", "village_central", "status", "building"),
                        GF.createPoint(new Coordinate(112.1, 28.5)),
                        Locale.SIMPLIFIED_CHINESE)
                .id();
        MapEditor editor = open(sewage);
        editor.start(layer);
        String key = String.valueOf(id);
        ComponentUtil.fireEvent(map, new EditEvents.Touch(map, true, key, id)); // the point was dragged
        ComponentUtil.fireEvent(map, new EditEvents.Select(map, true, key, (double) id, null));
        @SuppressWarnings("unchecked")
        Select<String> status = (Select<String>) editor.form().field("status");
        status.setValue("operating");

        ComponentUtil.fireEvent(
                map,
                new EditEvents.Save(
                        map,
                        List.of(new EditEvents.GeometryChange(
                                EditEvents.GeometryChange.Op.UPDATE,
                                key,
                                id,
                                null,
                                GF.createPoint(new Coordinate(112.12, 28.51))))));

        EditedFeature now = service.get(sewage, "sewage_facility", id);
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.attributes()).containsEntry("status", "operating").containsEntry("name", "南洲污水站");
        assertThat(now.geometry().getCoordinate()).isEqualTo(new Coordinate(112.12, 28.51));
        assertThat(editor.status()).contains("已保存 1 项");
    }
}
