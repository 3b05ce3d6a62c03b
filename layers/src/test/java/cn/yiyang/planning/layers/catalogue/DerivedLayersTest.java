package cn.yiyang.planning.layers.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The derived layers of the road-access analysis: written by the analysis, never imported. */
class DerivedLayersTest {

    private final LayerCatalogue catalogue = LayerCatalogue.standard();

    private static final List<String> ROAD = List.of("access_household", "access_road", "access_gap");
    private static final List<String> FACILITY = List.of(
            "water_household",
            "water_duty",
            "sewage_household",
            "sewage_gap",
            "logistics_gap",
            "water_site",
            "sewage_site",
            "logistics_site",
            "sanitation_gap");

    @Test
    void theAnalysisResultsAreDerivedLayersOfTheirThemesAndEveryOtherLayerIsNot() {
        List<String> all = new ArrayList<>(ROAD);
        all.addAll(FACILITY);
        assertThat(catalogue.layers().stream().filter(LayerDef::derived).map(LayerDef::id))
                .containsExactlyElementsOf(all);
        assertThat(catalogue.sourceLayers())
                .noneMatch(LayerDef::derived)
                .hasSize(catalogue.layers().size() - all.size());
        assertThat(ROAD).allSatisfy(id -> assertThat(catalogue.get(id).theme()).isEqualTo(Theme.ROADS));
        assertThat(FACILITY)
                .allSatisfy(id -> assertThat(catalogue.get(id).theme())
                        .isEqualTo(
                                id.startsWith("sanitation_") // sanitary toilets are the sewage department's
                                        ? Theme.SEWAGE
                                        : Theme.valueOf(
                                                id.substring(0, id.indexOf('_')).toUpperCase(Locale.ROOT))));
        assertThat(all).allSatisfy(id -> {
            LayerDef l = catalogue.get(id);
            assertThat(l.keyField()).isEqualTo("code");
            assertThat(l.field("run_id")).isPresent();
            assertThat(l.fields())
                    .allSatisfy(f ->
                            assertThat(f.aliases()).as("%s.%s", id, f.name()).isEmpty());
        });
    }

    @Test
    void theirFieldsAreTheOnesTheAnalysisWrites() {
        assertThat(catalogue.get("access_household").fields())
                .extracting(FieldDef::name)
                .containsExactly(
                        "code",
                        "village_code",
                        "natural_village_code",
                        "population",
                        "distance_m",
                        "network_distance_m",
                        "run_id");
        assertThat(catalogue.get("access_household").geometry()).isEqualTo(GeometryKind.POINT);
        assertThat(catalogue.get("access_household").field("code").orElseThrow().references())
                .isEqualTo("household");
        assertThat(catalogue.get("access_road").fields())
                .extracting(FieldDef::name)
                .containsExactly("code", "name", "status", "run_id");
        assertThat(catalogue.get("access_road").geometry()).isEqualTo(GeometryKind.MULTILINESTRING);
        assertThat(catalogue.get("access_road").field("status").orElseThrow().codeList())
                .isSameAs(CodeLists.ACCESS_ROAD_STATUS);
        assertThat(catalogue.get("access_gap").fields())
                .extracting(FieldDef::name)
                .containsExactly(
                        "code",
                        "rank",
                        "kind",
                        "name",
                        "natural_village_code",
                        "village_code",
                        "township_code",
                        "county_code",
                        "households",
                        "population",
                        "distance_m",
                        "network_distance_m",
                        "road_km",
                        "people_per_km",
                        "nearest_lon",
                        "nearest_lat",
                        "run_id");
        assertThat(catalogue.get("access_gap").field("kind").orElseThrow().codeList())
                .isSameAs(CodeLists.ACCESS_GAP_KIND);
    }

    @Test
    void theStatusAndGapCodeListsHaveChineseAndEnglishLabels() {
        assertThat(CodeLists.ACCESS_ROAD_STATUS.codes())
                .extracting(Code::value)
                .containsExactly("network", "fragment", "unhardened", "impassable");
        assertThat(CodeLists.ACCESS_ROAD_STATUS
                        .byValue("impassable")
                        .orElseThrow()
                        .titleZh())
                .isEqualTo("通返不通");
        assertThat(CodeLists.ACCESS_GAP_KIND
                        .byValue("household_cluster")
                        .orElseThrow()
                        .titleEn())
                .isEqualTo("Unserved household cluster");
        assertThat(CodeLists.all()).contains(CodeLists.ACCESS_ROAD_STATUS, CodeLists.ACCESS_GAP_KIND);
    }

    @Test
    void describingRowsHoldOnlyTheirOwnFieldsAndTheOthersAreTheDescribedFeaturesOwn() {
        assertThat(catalogue.get("access_household").ownFields())
                .extracting(FieldDef::name)
                .containsExactly("code", "distance_m", "network_distance_m", "run_id");
        assertThat(catalogue.get("access_road").ownFields())
                .extracting(FieldDef::name)
                .containsExactly("code", "status", "run_id");
        assertThat(catalogue.get("water_household").ownFields())
                .extracting(FieldDef::name)
                .containsExactly("code", "township_code", "county_code", "distance_m", "run_id");
        assertThat(catalogue.get("sewage_household").ownFields())
                .extracting(FieldDef::name)
                .containsExactly("code", "township_code", "county_code", "run_id");
        // a layer that describes none keeps every field
        assertThat(catalogue.get("access_gap").ownFields())
                .isEqualTo(catalogue.get("access_gap").fields());
        for (LayerDef layer : catalogue.layers()) {
            for (FieldDef f : layer.fields()) {
                if (f.fromDescribed()) {
                    FieldDef twin = catalogue
                            .get(layer.describes().orElseThrow())
                            .field(f.name())
                            .orElseThrow();
                    assertThat(twin.type()).as("%s.%s", layer.id(), f.name()).isEqualTo(f.type());
                    assertThat(twin.personal())
                            .as("%s.%s", layer.id(), f.name())
                            .isEqualTo(f.personal());
                }
            }
        }
    }

    @Test
    void aFieldTakenFromTheDescribedFeatureMustHaveItsTwinThere() {
        LayerDef road = catalogue.get("road");
        FieldDef code = catalogue.get("access_road").field("code").orElseThrow();
        FieldDef status = catalogue.get("access_road").field("status").orElseThrow();
        FieldDef noTwin = new FieldDef(
                "lanes", FieldType.INTEGER, "车道", "Lanes", false, null, List.of(), null, null, false, true);
        FieldDef otherType =
                new FieldDef("name", FieldType.INTEGER, "名称", "Name", false, null, List.of(), null, null, false, true);
        for (FieldDef bad : List.of(noTwin, otherType)) {
            LayerDef status2 = new LayerDef(
                    "access_road",
                    Theme.ROADS,
                    "道路连通状态",
                    "Road network status",
                    GeometryKind.MULTILINESTRING,
                    "code",
                    List.of(code, status, bad),
                    true);
            assertThatThrownBy(() -> new LayerCatalogue(List.of(road, status2)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("access_road, field " + bad.name());
        }
        // and a layer that describes nothing has nowhere to take it from
        LayerDef gap = catalogue.get("access_gap");
        List<FieldDef> fields = new ArrayList<>(gap.fields());
        fields.add(otherType);
        LayerDef gap2 =
                new LayerDef(gap.id(), gap.theme(), gap.titleZh(), gap.titleEn(), gap.geometry(), "code", fields, true);
        assertThatThrownBy(() -> new LayerCatalogue(List.of(gap2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("describes no other layer");
    }
}
