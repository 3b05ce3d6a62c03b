package cn.yiyang.planning.layers.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a code list reads what departments' files write: labels, spaces, full-width forms, 类, other layers' kinds. */
class CodeListResolveTest {

    private static String resolved(CodeList list, String written) {
        return list.resolve(written).map(Code::value).orElse(null);
    }

    @Test
    void everySpellingOfACodeResolvesToThatCode() {
        for (CodeList list : CodeLists.all()) {
            for (Code c : list.codes()) {
                List<String> spellings = new ArrayList<>(List.of(c.value(), c.titleZh(), c.titleEn()));
                spellings.addAll(c.aliases());
                for (String s : spellings) {
                    assertThat(resolved(list, s)).as("%s: %s", list.id(), s).isEqualTo(c.value());
                    assertThat(list.elsewhere(s)).as("%s: %s", list.id(), s).isEmpty();
                }
            }
        }
    }

    @Test
    void whiteSpaceAnywhereFullWidthFormsAndCaseDoNotCount() {
        assertThat(resolved(CodeLists.FACILITY_STATUS, "运 行")).isEqualTo("operating");
        assertThat(resolved(CodeLists.FACILITY_STATUS, "\u3000停运\u3000")).isEqualTo("stopped");
        assertThat(resolved(CodeLists.FACILITY_STATUS, "Under construction")).isEqualTo("building");
        assertThat(resolved(CodeLists.FACILITY_STATUS, "ＯＰＥＲＡＴＩＮＧ")).isEqualTo("operating");
        assertThat(resolved(CodeLists.WATER_KIND, "千人以上 供水工程")).isEqualTo("large");
        assertThat(resolved(CodeLists.COLD_CHAIN_TIER, "乡镇 冷链中心")).isEqualTo("township");
    }

    @Test
    void aTrailingLeiIsDroppedOnlyWhenNothingElseMatches() {
        assertThat(resolved(CodeLists.WATER_KIND, "千人以上类")).isEqualTo("large");
        assertThat(resolved(CodeLists.COLD_CHAIN_TIER, "村级类")).isEqualTo("village");
        assertThat(resolved(CodeLists.VILLAGE_CLASS, "集聚提升类")).isEqualTo("aggregation");
        assertThat(resolved(CodeLists.VILLAGE_CLASS, "其他类")).isEqualTo("undetermined");
        assertThat(resolved(CodeLists.WATER_KIND, "类")).isNull();
    }

    @Test
    void theLabelsDepartmentsUseForFacilities() {
        Map<String, String> status = new HashMap<>();
        for (String s : new String[] {"运行", "运行中", "正常运行", "已投运", "在用"}) {
            status.put(s, "operating");
        }
        for (String s : new String[] {"停运", "已停运", "停用", "停止运行", "闲置"}) {
            status.put(s, "stopped");
        }
        for (String s : new String[] {"在建", "在建中", "建设中", "施工中"}) {
            status.put(s, "building");
        }
        status.forEach((written, code) -> assertThat(resolved(CodeLists.FACILITY_STATUS, written))
                .as(written)
                .isEqualTo(code));
        assertThat(resolved(CodeLists.SEWAGE_KIND, "乡镇污水处理厂")).isEqualTo("township_plant");
        assertThat(resolved(CodeLists.SEWAGE_KIND, "集镇污水处理厂")).isEqualTo("township_plant");
        assertThat(resolved(CodeLists.SEWAGE_KIND, "联户式")).isEqualTo("multi_household");
        assertThat(resolved(CodeLists.COLD_CHAIN_TIER, "县级冷链仓储")).isEqualTo("county");
        assertThat(resolved(CodeLists.COLD_CHAIN_TIER, "县")).isEqualTo("county");
        assertThat(resolved(CodeLists.TEST_RESULT, "检测合格")).isEqualTo("pass");
        assertThat(resolved(CodeLists.TEST_RESULT, "不符合标准")).isEqualTo("fail");
    }

    @Test
    void courierPointsInACommerceBureausListBelongInTheCourierLayer() {
        assertThat(CodeLists.COLD_CHAIN_TIER.elsewhere("快递网点")).contains(LayerIds.COURIER_POINT);
        assertThat(CodeLists.COLD_CHAIN_TIER.elsewhere("邮政 网点")).contains(LayerIds.COURIER_POINT);
        assertThat(CodeLists.COLD_CHAIN_TIER.elsewhere("村邮站")).contains(LayerIds.COURIER_POINT);
        assertThat(CodeLists.COLD_CHAIN_TIER.elsewhere("村级网点")).isEmpty(); // a tier of its own
        assertThat(CodeLists.COLD_CHAIN_TIER.elsewhere("超市")).isEmpty(); // unknown, not elsewhere
        assertThat(CodeLists.FACILITY_STATUS.elsewhere("快递网点")).isEmpty();
        assertThat(CodeLists.COLD_CHAIN_TIER.resolve("快递网点")).isEmpty();
    }
}
