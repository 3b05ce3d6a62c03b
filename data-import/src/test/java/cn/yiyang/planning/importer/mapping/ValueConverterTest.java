package cn.yiyang.planning.importer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueConverterTest {

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final ValueConverter converter = new ValueConverter();

    private FieldDef field(String layer, String name) {
        return catalogue.get(layer).field(name).orElseThrow();
    }

    private Object value(String layer, String field, Object raw) {
        Conversion c = converter.convert(field(layer, field), raw);
        assertThat(c).as("%s.%s ← %s", layer, field, raw).isInstanceOf(Conversion.Value.class);
        return ((Conversion.Value) c).value();
    }

    private Conversion convert(String layer, String field, Object raw) {
        return converter.convert(field(layer, field), raw);
    }

    private Conversion.Failure failure(String layer, String field, Object raw) {
        Conversion c = converter.convert(field(layer, field), raw);
        assertThat(c).as("%s.%s ← %s", layer, field, raw).isInstanceOf(Conversion.Failure.class);
        return (Conversion.Failure) c;
    }

    @Test
    void text() {
        assertThat(value("road", "name", " 南洲大道 ")).isEqualTo("南洲大道");
        assertThat(value("household", "village_code", 4.30921100201E11)).isEqualTo("430921100201");
        assertThat(value("household", "village_code", 430921100201L)).isEqualTo("430921100201");
        assertThat(value("road", "maintainer", 12.5)).isEqualTo("12.5");
        assertThat(value("road", "maintainer", true)).isEqualTo("true");
    }

    @Test
    void noValue() {
        assertThat(converter.convert(field("road", "name"), null)).isEqualTo(Conversion.EMPTY);
        assertThat(converter.convert(field("road", "width"), "  ")).isEqualTo(Conversion.EMPTY);
        assertThat(converter.convert(field("road", "width"), Double.NaN)).isEqualTo(Conversion.EMPTY);
    }

    @Test
    void integers() {
        assertThat(value("village", "population", 12L)).isEqualTo(12);
        assertThat(value("village", "population", 12.0)).isEqualTo(12);
        assertThat(value("village", "population", "12")).isEqualTo(12);
        assertThat(value("village", "population", " 12.0 ")).isEqualTo(12);
        assertThat(value("village", "population", "１２")).isEqualTo(12);
        assertThat(value("village", "population", "1,234")).isEqualTo(1234);
        assertThat(value("village", "population", "-3")).isEqualTo(-3);
        assertThat(failure("village", "population", "12.5").args()).containsExactly("12.5", "12");
        assertThat(failure("village", "population", "十二"))
                .isEqualTo(new Conversion.Failure(IssueCode.WRONG_TYPE, List.of("十二", "12")));
        assertThat(failure("village", "population", 3e10).args()).containsExactly("30000000000", "12");
        assertThat(failure("village", "population", "1,23").code()).isEqualTo(IssueCode.WRONG_TYPE);
    }

    @Test
    void decimals() {
        assertThat(value("road", "width", 4.5)).isEqualTo(4.5);
        assertThat(value("road", "width", 4L)).isEqualTo(4.0);
        assertThat(value("road", "width", "4.5")).isEqualTo(4.5);
        assertThat(value("road", "width", ".5")).isEqualTo(0.5);
        assertThat(value("road", "width", "1,234.5")).isEqualTo(1234.5);
        assertThat(value("road", "width", "４．５")).isEqualTo(4.5);
        assertThat(failure("road", "width", "4.5米").args()).containsExactly("4.5米", "12.5");
    }

    @Test
    void booleans() {
        for (Object yes : List.of(true, "true", "TRUE", "是", "1", 1L, 1.0, "Y", "y", "有", "yes", "√")) {
            assertThat(value("road", "hardened", yes)).as("%s", yes).isEqualTo(true);
        }
        for (Object no : List.of(false, "false", "否", "0", 0, "N", "无", "no", "×")) {
            assertThat(value("road", "hardened", no)).as("%s", no).isEqualTo(false);
        }
        assertThat(failure("road", "hardened", "也许"))
                .isEqualTo(new Conversion.Failure(IssueCode.WRONG_TYPE, List.of("也许", "是/否, true/false, 1/0")));
        assertThat(failure("road", "hardened", 2L).code()).isEqualTo(IssueCode.WRONG_TYPE);
    }

    @Test
    void dates() {
        LocalDate may1 = LocalDate.of(2023, 5, 1);
        for (Object d : List.of(
                may1,
                LocalDateTime.of(2023, 5, 1, 8, 30),
                "2023-05-01",
                "2023/5/1",
                "2023.5.1",
                "20230501",
                20230501L,
                "2023年5月1日",
                "2023年05月01日",
                "2023年5月1",
                "2023-05-01 08:30:00",
                "2023-05-01T08:30",
                "２０２３-０５-０１")) {
            assertThat(value("village_plan", "approved_on", d)).as("%s", d).isEqualTo(may1);
        }
        assertThat(failure("village_plan", "approved_on", "2023-02-30"))
                .isEqualTo(new Conversion.Failure(IssueCode.WRONG_TYPE, List.of("2023-02-30", "2023-05-01")));
        assertThat(failure("village_plan", "approved_on", "五月一日").code()).isEqualTo(IssueCode.WRONG_TYPE);
        assertThat(failure("village_plan", "approved_on", "2023-05-01 abc").code())
                .isEqualTo(IssueCode.WRONG_TYPE);
    }

    @Test
    void datesAsDepartmentsWriteThem() {
        LocalDate mar5 = LocalDate.of(2024, 3, 5);
        for (Object d : List.of(
                "2024-03-05", "2024/3/5", "2024.3.5", "2024年3月5日", "2024年3月5号", "20240305", 45356L, "45356", 45356.0)) {
            assertThat(convert("water_work", "last_tested_on", d)).as("%s", d).isEqualTo(new Conversion.Value(mar5));
        }
        for (String month : List.of("2024-03", "2024/3", "2024.3", "2024年3月", "2024年03月", "202403", " 2024-3 ")) {
            assertThat(convert("water_work", "last_tested_on", month))
                    .as("%s", month)
                    .isEqualTo(new Conversion.Value(
                            LocalDate.of(2024, 3, 1), IssueCode.DATE_MONTH_ONLY, List.of(month, "2024-03-01")));
        }
        // a number 2024.1 may have lost the 0 of 2024.10: no month is read from a number
        assertThat(failure("water_work", "last_tested_on", 2024.1).code()).isEqualTo(IssueCode.WRONG_TYPE);
        assertThat(failure("water_work", "last_tested_on", "2024-13").code()).isEqualTo(IssueCode.WRONG_TYPE);
        assertThat(failure("water_work", "last_tested_on", 19999L).code()).isEqualTo(IssueCode.WRONG_TYPE);
        assertThat(failure("water_work", "last_tested_on", 80001L).code()).isEqualTo(IssueCode.WRONG_TYPE);
        assertThat(value("water_work", "last_tested_on", 20000L)).isEqualTo(LocalDate.of(1954, 10, 3));
        assertThat(value("water_work", "last_tested_on", 80000L)).isEqualTo(LocalDate.of(2119, 1, 11));
    }

    @Test
    void facilityLabelsWithSpacesFullWidthFormsAndATrailingLei() {
        assertThat(value("water_work", "status", "运行")).isEqualTo("operating");
        assertThat(value("water_work", "status", "停 运")).isEqualTo("stopped");
        assertThat(value("water_work", "status", "在建\u3000")).isEqualTo("building");
        assertThat(value("water_work", "kind", "千人以上供水工程")).isEqualTo("large");
        assertThat(value("water_work", "kind", "千人以上 集中供水工程")).isEqualTo("large");
        assertThat(value("water_work", "kind", "千人以下类")).isEqualTo("small");
        assertThat(value("sewage_facility", "kind", "乡镇污水处理厂")).isEqualTo("township_plant");
        assertThat(value("sewage_facility", "kind", "集中式污水处理站")).isEqualTo("village_central");
        assertThat(value("cold_chain_site", "tier", "县级冷链仓储")).isEqualTo("county");
        assertThat(value("cold_chain_site", "tier", "ＶＩＬＬＡＧＥ")).isEqualTo("village");
        assertThat(failure("cold_chain_site", "tier", "快递网点"))
                .isEqualTo(new Conversion.Failure(
                        IssueCode.BELONGS_TO_OTHER_LAYER, List.of("快递网点", "快递物流网点", "Courier points")));
        assertThat(failure("cold_chain_site", "tier", "便利店").code()).isEqualTo(IssueCode.UNKNOWN_CODE);
    }

    @Test
    void codesByValueLabelAndAlias() {
        assertThat(value("road", "surface", "水泥")).isEqualTo("cement");
        assertThat(value("road", "surface", "沥青")).isEqualTo("asphalt");
        assertThat(value("road", "surface", "水泥混凝土")).isEqualTo("cement");
        assertThat(value("road", "surface", "Cement concrete")).isEqualTo("cement");
        assertThat(value("road", "surface", "gravel")).isEqualTo("gravel");
        assertThat(value("road", "admin_class", "村道")).isEqualTo("village");
        assertThat(value("road", "admin_class", "C")).isEqualTo("village");
        assertThat(value("road", "admin_class", "c")).isEqualTo("village");
        assertThat(value("village", "urban_rural_code", 220L)).isEqualTo("220");
        assertThat(value("village", "urban_rural_code", 220.0)).isEqualTo("220");
    }

    @Test
    void unknownCodesNameTheValueAndTheAllowedOnes() {
        assertThat(failure("road", "surface", "泥巴路"))
                .isEqualTo(new Conversion.Failure(
                        IssueCode.UNKNOWN_CODE, List.of("泥巴路", "asphalt 沥青, cement 水泥, gravel 砂石, earth 土路")));
        String landUse = failure("plan_land_use", "land_use_code", "99").args().get(1);
        assertThat(landUse).startsWith("01 耕地, 02 园地").endsWith(", …");
    }

    @Test
    void extraValuesStayJsonFriendly() {
        assertThat(converter.extraValue("abc")).isEqualTo("abc");
        assertThat(converter.extraValue(2019.0)).isEqualTo(2019L);
        assertThat(converter.extraValue(2.5f)).isEqualTo(2.5);
        assertThat(converter.extraValue(7)).isEqualTo(7);
        assertThat(converter.extraValue(LocalDate.of(2020, 1, 2))).isEqualTo("2020-01-02");
        assertThat(converter.extraValue("")).isNull();
        assertThat(converter.extraValue(null)).isNull();
    }

    @Test
    void aChangedSurfaceLeavesHardenedStaleUnlessTheChangeNamesIt() {
        var road = catalogue.get("road");
        assertThat(Derivations.staleAfter(road, Set.of("surface"))).containsExactly("hardened", "all_season");
        assertThat(Derivations.staleAfter(road, Set.of("surface", "hardened"))).containsExactly("all_season");
        assertThat(Derivations.staleAfter(road, Set.of("surface", "hardened", "all_season")))
                .isEmpty();
        assertThat(Derivations.staleAfter(road, Set.of("name", "width"))).isEmpty();
        assertThat(Derivations.staleAfter(road, Set.of("route_code")))
                .as("a new route code gives a new class, never a new key")
                .containsExactly("admin_class");
        assertThat(Derivations.staleAfter(catalogue.get("village"), Set.of("surface")))
                .isEmpty();
    }

    @Test
    void hardenedIsDerivedFromTheSurfaceWhenTheFileDoesNotSay() {
        var road = catalogue.get("road");
        Map<String, Object> cement = new HashMap<>(Map.of("surface", "cement"));
        Derivations.apply(road, cement);
        assertThat(cement).containsEntry("hardened", true);
        Map<String, Object> earth = new HashMap<>(Map.of("surface", "earth"));
        Derivations.apply(road, earth);
        assertThat(earth).containsEntry("hardened", false);
        Map<String, Object> said = new HashMap<>(Map.of("surface", "cement", "hardened", false));
        Derivations.apply(road, said);
        assertThat(said).as("a value the file gives is kept").containsEntry("hardened", false);
        Map<String, Object> unknown = new HashMap<>();
        Derivations.apply(road, unknown);
        assertThat(unknown).isEmpty();
        Map<String, Object> village = new HashMap<>(Map.of("surface", "cement"));
        Derivations.apply(catalogue.get("village"), village);
        assertThat(village).doesNotContainKey("hardened");
        assertThat(Derivations.derives(road, "hardened")).isTrue();
    }
}
