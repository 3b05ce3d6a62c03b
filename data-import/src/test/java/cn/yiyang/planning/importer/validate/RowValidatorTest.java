package cn.yiyang.planning.importer.validate;

import static cn.yiyang.planning.importer.testsupport.MemorySource.point;
import static cn.yiyang.planning.importer.testsupport.MemorySource.wkt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.geo.crs.CrsTransform;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.mapping.FieldMapper;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.importer.source.SourceRecord;
import cn.yiyang.planning.importer.testsupport.MemorySource;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class RowValidatorTest {

    private static final String FILE = "道路.shp";
    private static final String[] ROAD_FIELDS = {"路段编码", "道路名称", "行政等级", "路面类型", "路面宽度", "修建年份"};
    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final LayerDef road = catalogue.get("road");
    private final Geometry line = wkt("LINESTRING (112.35 28.55, 112.36 28.56)");

    private RowValidator validator(
            LayerDef layer,
            Crs crs,
            boolean repair,
            KeyIndex existing,
            Map<String, KeyIndex> references,
            String... fields) {
        FieldMapping mapping = FieldMapper.propose(
                        MemorySource.builder(FILE).fields(fields).build().describe(), layer, null)
                .mapping();
        return new RowValidator(new ValidationContext(
                layer,
                mapping,
                FILE,
                layer.geometry().hasGeometry() ? CrsTransform.of(crs, Crs.CGCS2000) : null,
                Region.YIYANG,
                repair,
                existing,
                references));
    }

    private RowValidator roads() {
        return validator(road, Crs.CGCS2000, false, null, Map.of(), ROAD_FIELDS);
    }

    private static SourceRecord record(long row, Geometry g, Object... values) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(ROAD_FIELDS[i], values[i]);
        }
        return new SourceRecord(row, map, g, null);
    }

    private static ImportIssue issue(long row, String field, IssueCode code, Object... args) {
        return ImportIssue.ofRow(FILE, row, field, code, args);
    }

    @Test
    void aGoodRowBecomesAFeatureWithConvertedDerivedAndExtraValues() {
        ValidatedRow row = roads().validate(record(7, line, "C001", "南洲大道", "村道", "水泥", "4.5", 2019.0));

        assertThat(row.rejected()).isFalse();
        assertThat(row.issues()).isEmpty();
        assertThat(row.feature().attributes())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "code",
                        "C001",
                        "name",
                        "南洲大道",
                        "admin_class",
                        "village",
                        "surface",
                        "cement",
                        "width",
                        4.5,
                        "hardened",
                        true,
                        "all_season",
                        true));
        assertThat(row.feature().extra()).containsExactly(Map.entry("修建年份", 2019L));
        assertThat(row.feature().geometry().getGeometryType())
                .as("single lines become multi")
                .isEqualTo("MultiLineString");
        assertThat(row.feature().geometry().getSRID()).isEqualTo(4490);
        assertThat(row.geometry()).isEqualTo(row.feature().geometry());
    }

    @Test
    void theReadersProblemRejectsTheRowAndNothingElseIsChecked() {
        ImportIssue unreadable = issue(3, null, IssueCode.UNREADABLE_RECORD);
        ValidatedRow row = roads().validate(new SourceRecord(3, Map.of(), null, unreadable));
        assertThat(row.rejected()).isTrue();
        assertThat(row.issues()).containsExactly(unreadable);
    }

    @Test
    void emptyAndMissingGeometries() {
        assertThat(roads().validate(record(1, null, "C1", "x", "村道")).issues())
                .containsExactly(issue(1, null, IssueCode.EMPTY_GEOMETRY));
        assertThat(roads().validate(record(2, wkt("LINESTRING EMPTY"), "C2", "x", "村道"))
                        .issues())
                .containsExactly(issue(2, null, IssueCode.EMPTY_GEOMETRY));
    }

    @Test
    void geometryOfAnotherKindIsRejectedButSinglePartsBecomeMulti() {
        assertThat(roads().validate(record(4, point(112.35, 28.55), "C1", "x", "村道"))
                        .issues())
                .containsExactly(issue(4, null, IssueCode.WRONG_GEOMETRY_TYPE, "Point", "MultiLineString"));
        assertThat(roads().validate(record(
                                5,
                                wkt("GEOMETRYCOLLECTION (LINESTRING (112.35 28.55, 112.36 28.56))"),
                                "C1",
                                "x",
                                "村道"))
                        .issues())
                .containsExactly(
                        issue(5, null, IssueCode.WRONG_GEOMETRY_TYPE, "GeometryCollection", "MultiLineString"));
        LayerDef stops = catalogue.get("bus_stop");
        RowValidator v = validator(stops, Crs.CGCS2000, false, null, Map.of(), "站点编号");
        ValidatedRow onePoint =
                v.validate(new SourceRecord(1, Map.of("站点编号", "S1"), wkt("MULTIPOINT ((112.35 28.55))"), null));
        assertThat(onePoint.feature().geometry().getGeometryType()).isEqualTo("Point");
        assertThat(v.validate(new SourceRecord(
                                2, Map.of("站点编号", "S2"), wkt("MULTIPOINT ((112.35 28.55), (112.36 28.56))"), null))
                        .issues())
                .containsExactly(issue(2, null, IssueCode.WRONG_GEOMETRY_TYPE, "MultiPoint", "Point"));
    }

    @Test
    void invalidGeometriesAreRejectedWithTheErrorAndWhereOrRepairedOnRequest() {
        LayerDef village = catalogue.get("village");
        Geometry bowTie = wkt("POLYGON ((112.1 28.1, 112.2 28.2, 112.2 28.1, 112.1 28.2, 112.1 28.1))");
        String[] fields = {"村代码", "村名称", "乡镇代码"};
        Map<String, Object> values = Map.of("村代码", "430903100201", "村名称", "新月村", "乡镇代码", "430903100");

        ValidatedRow rejected = validator(village, Crs.CGCS2000, false, null, Map.of(), fields)
                .validate(new SourceRecord(9, values, bowTie, null));
        assertThat(rejected.rejected()).isTrue();
        assertThat(rejected.issues())
                .containsExactly(ImportIssue.ofRow(
                        FILE, 9, null, IssueCode.INVALID_GEOMETRY, "Self-intersection", "112.15, 28.15"));

        ValidatedRow repaired = validator(village, Crs.CGCS2000, true, null, Map.of(), fields)
                .validate(new SourceRecord(9, values, bowTie, null));
        assertThat(repaired.rejected()).as("a warning does not reject").isFalse();
        assertThat(repaired.issues())
                .containsExactly(ImportIssue.ofRow(FILE, 9, null, IssueCode.GEOMETRY_REPAIRED, "Self-intersection"));
        assertThat(repaired.feature().geometry().isValid()).isTrue();
        assertThat(repaired.feature().geometry().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(repaired.feature().geometry().getArea()).isCloseTo(0.005, within(1e-9));
    }

    @Test
    void featuresOutsideTheRegionAndSwappedAxesAreNamedAsSuch() {
        assertThat(roads().validate(record(1, wkt("LINESTRING (116.39 39.9, 116.4 39.91)"), "C1", "x", "村道"))
                        .issues())
                .containsExactly(issue(1, null, IssueCode.OUTSIDE_REGION, "116.39, 39.9"));
        assertThat(roads().validate(record(2, wkt("LINESTRING (28.55 112.35, 28.56 112.36)"), "C2", "x", "村道"))
                        .issues())
                .containsExactly(issue(2, null, IssueCode.SWAPPED_AXES, "28.55, 112.35"));
        // swapped but still a valid lon/lat pair in range: 28.55°E 12.35°N is far away, swapped it is home
        assertThat(roads().validate(record(3, wkt("LINESTRING (28.55 12.35, 28.56 12.36)"), "C3", "x", "村道"))
                        .issues())
                .containsExactly(issue(3, null, IssueCode.OUTSIDE_REGION, "28.55, 12.35"));
        // a survey table wrote the northing as X: Gauss-Kruger CM 111°E
        RowValidator gk = validator(road, Crs.epsg(4546), false, null, Map.of(), ROAD_FIELDS);
        Geometry swappedGk = wkt("LINESTRING (3160138.8465 632114.8912, 3160238.8465 632214.8912)");
        assertThat(gk.validate(record(4, swappedGk, "C4", "x", "村道")).issues())
                .containsExactly(issue(4, null, IssueCode.SWAPPED_AXES, "3160138.8465, 632114.8912"));
    }

    @Test
    void projectedAndObfuscatedCoordinatesAreTransformedToCgcs2000() {
        RowValidator gk = validator(road, Crs.epsg(4546), false, null, Map.of(), ROAD_FIELDS);
        ValidatedRow row = gk.validate(
                record(1, wkt("LINESTRING (632114.8912 3160138.8465, 632214.8912 3160238.8465)"), "C1", "x", "村道"));
        Coordinate first = row.feature().geometry().getCoordinates()[0];
        assertThat(first.x).isCloseTo(112.35, within(1e-7));
        assertThat(first.y).isCloseTo(28.55, within(1e-7));

        RowValidator gcj = validator(road, Crs.GCJ02, false, null, Map.of(), ROAD_FIELDS);
        Coordinate shifted = gcj.validate(record(1, line, "C1", "x", "村道"))
                .feature()
                .geometry()
                .getCoordinates()[0];
        assertThat(shifted.distance(new Coordinate(112.35, 28.55)))
                .as("GCJ-02 moves points by a few hundred metres")
                .isBetween(0.001, 0.01);
    }

    @Test
    void attributeProblemsNameTheSourceField() {
        ValidatedRow row = roads().validate(record(6, line, "C1", "x", "", "泥巴路", "宽"));

        assertThat(row.rejected()).isTrue();
        assertThat(row.issues())
                .containsExactly(
                        issue(6, "路面类型", IssueCode.UNKNOWN_CODE, "泥巴路", "asphalt 沥青, cement 水泥, gravel 砂石, earth 土路"),
                        issue(6, "路面宽度", IssueCode.WRONG_TYPE, "宽", "12.5"),
                        issue(6, "行政等级", IssueCode.MISSING_REQUIRED));
        assertThat(row.feature()).isNull();
        assertThat(row.geometry()).as("the preview still shows it").isNotNull();
    }

    @Test
    void aRequiredFieldNoSourceGivesIsNamedByItsCatalogueName() {
        RowValidator v = validator(road, Crs.CGCS2000, false, null, Map.of(), "路段编码", "道路名称");
        assertThat(v.validate(new SourceRecord(1, Map.of("路段编码", "C1"), line, null))
                        .issues())
                .containsExactly(issue(1, "admin_class", IssueCode.MISSING_REQUIRED));
    }

    @Test
    void duplicateKeysNameTheRowTheKeyFirstAppearedIn() {
        RowValidator v = roads();
        assertThat(v.validate(record(1, line, "C001", "a", "村道")).rejected()).isFalse();
        assertThat(v.validate(record(2, line, "C002", "b", "村道")).rejected()).isFalse();
        ValidatedRow again = v.validate(record(3, line, "C001", "c", "村道"));
        assertThat(again.issues()).containsExactly(issue(3, "路段编码", IssueCode.DUPLICATE_KEY, "C001", 1));
        assertThat(v.validate(record(4, line, "C001", "d", "村道")).issues())
                .containsExactly(issue(4, "路段编码", IssueCode.DUPLICATE_KEY, "C001", 1));
    }

    @Test
    void inAppendModeKeysAlreadyInTheLayerAreRejected() {
        KeyIndex existing = new KeyIndex();
        existing.add("C009");
        RowValidator v = validator(road, Crs.CGCS2000, false, existing, Map.of(), ROAD_FIELDS);
        assertThat(v.validate(record(1, line, "C009", "a", "村道")).issues())
                .containsExactly(issue(1, "路段编码", IssueCode.KEY_EXISTS, "C009"));
        assertThat(v.validate(record(2, line, "C010", "a", "村道")).rejected()).isFalse();
    }

    @Test
    void codesReferringToNothingInTheReferencedLayerAreUnknownReferences() {
        LayerDef household = catalogue.get("household");
        KeyIndex villages = new KeyIndex();
        villages.add("430921100201");
        Map<String, KeyIndex> refs = new HashMap<>();
        refs.put("village_code", villages);
        RowValidator v = validator(household, Crs.CGCS2000, false, null, refs, "户编号", "村代码");
        assertThat(v.validate(new SourceRecord(1, Map.of("户编号", "H1", "村代码", "430921100201"), point(112.3, 29.3), null))
                        .rejected())
                .isFalse();
        assertThat(v.validate(new SourceRecord(2, Map.of("户编号", "H2", "村代码", 430921999999L), point(112.3, 29.3), null))
                        .issues())
                .containsExactly(issue(2, "村代码", IssueCode.UNKNOWN_REFERENCE, "430921999999", "village"));
    }

    @Test
    void everyProblemOfARowIsReported() {
        KeyIndex existing = new KeyIndex();
        existing.add("C1");
        RowValidator v = validator(road, Crs.CGCS2000, false, existing, Map.of(), ROAD_FIELDS);
        assertThat(v.validate(record(8, null, "C1", "x", "飞机道")).issues())
                .extracting(ImportIssue::code)
                .containsExactly(IssueCode.EMPTY_GEOMETRY, IssueCode.UNKNOWN_CODE, IssueCode.KEY_EXISTS);
    }
}
