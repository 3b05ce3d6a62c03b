package cn.yiyang.planning.importer.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.issue.Severity;
import cn.yiyang.planning.importer.source.GeoJsonFeature;
import cn.yiyang.planning.importer.source.SourceRecord;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One feature through an import row's checks: names are the catalogue's, problems and codes the import's. */
class FeatureCheckTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StoredKeys NOTHING_STORED = (layer, field, values) -> Set.of();
    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final LayerDef road = catalogue.get("road");

    @Test
    void labelsBecomeCodesOtherPropertiesAreKeptAsExtraAndTheIdMemberIsNoValue() {
        ValidatedRow row = check(
                new FeatureCheck(road, Region.YIYANG, null, Map.of(), NOTHING_STORED),
                "{\"type\":\"Feature\",\"id\":42,\"properties\":{\"code\":\"C1\",\"name\":\"村道一\","
                        + "\"admin_class\":\"村道\",\"surface\":\"水泥\",\"备注\":\"新修\"},"
                        + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[112.3,28.5],[112.31,28.51]]}}");
        assertThat(row.issues()).isEmpty();
        assertThat(row.feature().attributes())
                .containsEntry("admin_class", "village")
                .containsEntry("surface", "cement")
                .containsEntry("hardened", true) // derived from the surface, as for an import row
                .doesNotContainKey("id");
        assertThat(row.feature().extra()).containsExactly(Map.entry("备注", "新修"));
        assertThat(row.feature().geometry().getGeometryType()).isEqualTo("MultiLineString");
    }

    @Test
    void problemsNameTheCatalogueFieldsWithTheImportCodes() {
        ValidatedRow row = check(
                new FeatureCheck(road, Region.YIYANG, null, Map.of(), stored(Set.of("C1"))),
                "{\"type\":\"Feature\",\"properties\":{\"code\":\"C1\",\"name\":\"x\",\"surface\":\"竹子\"},"
                        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[112.3,28.5]}}");
        assertThat(row.rejected()).isTrue();
        assertThat(row.issues())
                .extracting(ImportIssue::field, ImportIssue::code)
                .containsExactly(
                        tuple(null, IssueCode.WRONG_GEOMETRY_TYPE),
                        tuple("surface", IssueCode.UNKNOWN_CODE),
                        tuple("admin_class", IssueCode.MISSING_REQUIRED),
                        tuple("code", IssueCode.KEY_EXISTS));
    }

    @Test
    void onlyTheKeysTheFeatureNamesAreAskedForAndItsOwnKeyIsNoDuplicate() {
        LayerDef household = catalogue.get("household");
        LayerDef village = catalogue.get("village");
        LayerDef naturalVillage = catalogue.get("natural_village");
        List<String> asked = new ArrayList<>();
        StoredKeys stored = (layer, field, values) -> {
            asked.add(layer.id() + "." + field + "=" + values);
            return values.stream().filter(v -> v.equals("H1") || v.equals("V1")).collect(Collectors.toSet());
        };
        String geoJson = "{\"type\":\"Feature\",\"properties\":{\"code\":\"H1\",\"village_code\":\"V1\","
                + "\"natural_village_code\":\"N9\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[112.3,28.5]}}";
        Map<String, LayerDef> references = Map.of("village_code", village, "natural_village_code", naturalVillage);

        ValidatedRow update = check(new FeatureCheck(household, Region.YIYANG, "H1", references, stored), geoJson);
        assertThat(update.issues())
                .extracting(ImportIssue::field, ImportIssue::code)
                .containsExactly(tuple("natural_village_code", IssueCode.UNKNOWN_REFERENCE));
        assertThat(asked).containsExactlyInAnyOrder("village.code=[V1]", "natural_village.code=[N9]");

        asked.clear();
        ValidatedRow insert = check(new FeatureCheck(household, Region.YIYANG, null, references, stored), geoJson);
        assertThat(insert.issues())
                .extracting(ImportIssue::field, ImportIssue::code)
                .containsExactlyInAnyOrder(
                        tuple("code", IssueCode.KEY_EXISTS),
                        tuple("natural_village_code", IssueCode.UNKNOWN_REFERENCE));
        assertThat(asked).contains("household.code=[H1]").hasSize(3);
    }

    /** A store holding {@code keys} in every layer. */
    private static StoredKeys stored(Set<String> keys) {
        return (layer, field, values) -> values.stream().filter(keys::contains).collect(Collectors.toSet());
    }

    @Test
    void aValueThatDisagreesWithWhatFollowsIsKeptWithAWarning() {
        ValidatedRow row = check(
                new FeatureCheck(road, Region.YIYANG, null, Map.of(), NOTHING_STORED),
                "{\"type\":\"Feature\",\"properties\":{\"code\":\"C2\",\"name\":\"村道二\","
                        + "\"admin_class\":\"村道\",\"surface\":\"水泥\",\"hardened\":false},"
                        + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[112.3,28.5],[112.31,28.51]]}}");
        assertThat(row.rejected()).isFalse();
        assertThat(row.feature().attributes()).containsEntry("hardened", false);
        assertThat(row.issues())
                .extracting(ImportIssue::field, ImportIssue::code, ImportIssue::args)
                .containsExactly(
                        tuple("hardened", IssueCode.DERIVED_VALUE_DIFFERS, List.of("false", "true", "surface")));
        assertThat(row.issues().getFirst().severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aCrsMemberNamesTheCoordinatesCrs() {
        JsonNode feature =
                JSON.readTree("{\"type\":\"Feature\",\"crs\":{\"type\":\"EPSG\",\"properties\":{\"code\":4546}},"
                        + "\"properties\":{},\"geometry\":null}");
        assertThat(GeoJsonFeature.crs(feature, Crs.CGCS2000).code()).isEqualTo("EPSG:4546");
        assertThat(GeoJsonFeature.crs(JSON.readTree("{\"type\":\"Feature\"}"), Crs.CGCS2000))
                .isSameAs(Crs.CGCS2000);
    }

    @Test
    void anInspectionMayNameARouteCodeAskedForOnlyWhenItIsNoSegmentCode() {
        LayerDef inspection = catalogue.get("road_inspection");
        List<String> asked = new ArrayList<>();
        StoredKeys stored = (layer, field, values) -> {
            asked.add(layer.id() + "." + field + "=" + values);
            Set<String> there = field.equals("code") ? Set.of("X001430923-1") : Set.of("X001430923");
            return values.stream().filter(there::contains).collect(Collectors.toSet());
        };
        FeatureCheck check = new FeatureCheck(inspection, Region.YIYANG, null, Map.of("road_code", road), stored);

        ValidatedRow route = check(check, inspection("X001430923"));
        ValidatedRow segment = check(check, inspection("X001430923-1"));
        ValidatedRow unknown = check(check, inspection("X009999999"));

        assertThat(route.issues()).isEmpty();
        assertThat(segment.issues()).isEmpty();
        assertThat(unknown.issues())
                .extracting(ImportIssue::field, ImportIssue::code)
                .containsExactly(tuple("road_code", IssueCode.UNKNOWN_GROUP_REFERENCE));
        assertThat(unknown.issues().getFirst().message(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("编码“X009999999”在图层 road 中不存在：既不是要素编码，也不是其字段 route_code 的值（道路：既不是路段编码，也不是路线编码）。");
        assertThat(asked)
                .containsExactly(
                        "road.code=[X001430923]",
                        "road.route_code=[X001430923]",
                        "road.code=[X001430923-1]",
                        "road.code=[X009999999]",
                        "road.route_code=[X009999999]");
    }

    private static String inspection(String road) {
        return "{\"type\":\"Feature\",\"properties\":{\"road_code\":\"" + road + "\",\"inspected_on\":\"2024-10-05\","
                + "\"status\":\"blocked\"},\"geometry\":null}";
    }

    private static ValidatedRow check(FeatureCheck check, String geoJson) {
        SourceRecord record = GeoJsonFeature.read(JSON.readTree(geoJson), Crs.CGCS2000);
        return check.check(record, Crs.CGCS2000);
    }
}
