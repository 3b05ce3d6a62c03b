package cn.yiyang.planning.importer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.mapping.FieldMapping.Decision;
import cn.yiyang.planning.importer.mapping.FieldMapping.Entry;
import cn.yiyang.planning.importer.testsupport.MemorySource;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMapperTest {

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final LayerDef road = catalogue.get("road");

    private static MappingProposal propose(LayerDef layer, Map<String, String> explicit, String... sourceFields) {
        return FieldMapper.propose(
                MemorySource.builder("道路.shp").fields(sourceFields).build().describe(), layer, explicit);
    }

    @Test
    void chineseAliasesOfARoadFileMapToTheCatalogueFields() {
        MappingProposal p = propose(road, null, "路段编码", "道路名称", "行政等级", "路面类型", "路面宽度", "修建年份");

        assertThat(p.mapping().entries())
                .containsExactly(
                        new Entry("路段编码", "code", Decision.TITLE),
                        new Entry("道路名称", "name", Decision.TITLE),
                        new Entry("行政等级", "admin_class", Decision.TITLE),
                        new Entry("路面类型", "surface", Decision.TITLE),
                        new Entry("路面宽度", "width", Decision.TITLE),
                        new Entry("修建年份", FieldMapping.EXTRA, Decision.EXTRA));
        assertThat(p.issues()).isEmpty();
        assertThat(p.complete()).isTrue();
    }

    @Test
    void namesMatchIgnoringCaseFullWidthBlanksAndUnderscores() {
        MappingProposal p = propose(road, null, "CODE", "Admin_Class", "ＬＸＭＣ", "Surface ");

        assertThat(p.mapping().asMap())
                .containsExactly(
                        Map.entry("CODE", "code"),
                        Map.entry("Admin_Class", "admin_class"),
                        Map.entry("ＬＸＭＣ", "name"),
                        Map.entry("Surface ", "surface"));
        assertThat(p.mapping().entry("CODE").orElseThrow().decision()).isEqualTo(Decision.NAME);
        assertThat(p.mapping().entry("ＬＸＭＣ").orElseThrow().decision()).isEqualTo(Decision.ALIAS);
    }

    @Test
    void theColumnsDepartmentsUseForFacilities() {
        LayerDef works = catalogue.get("water_work");
        for (String[] names : new String[][] {
            {"最近检测日期", "检测结果"},
            {"上次水质检测时间", "上次检测结果"},
            {"水质检测日期", "水质检测结果"},
            {"最近检测日", "检测结论"}
        }) {
            MappingProposal p = propose(works, null, "工程编号", "工程名称", "工程类型", "运行状态", names[0], names[1]);
            assertThat(p.mapping().sourceOf("last_tested_on")).as(names[0]).contains(names[0]);
            assertThat(p.mapping().sourceOf("last_test_result")).as(names[1]).contains(names[1]);
            assertThat(p.mapping().sourceOf("status")).contains("运行状态");
        }
        LayerDef sites = catalogue.get("cold_chain_site");
        MappingProposal sitesFile = propose(sites, null, "网点编号", "网点名称", "节点类型", "冷库容量（吨）", "运营状态");
        assertThat(sitesFile.mapping().asMap())
                .containsExactly(
                        Map.entry("网点编号", "code"),
                        Map.entry("网点名称", "name"),
                        Map.entry("节点类型", "tier"),
                        Map.entry("冷库容量（吨）", "cold_storage_t"),
                        Map.entry("运营状态", "status"));
        LayerDef sewage = catalogue.get("sewage_facility");
        assertThat(propose(sewage, null, "设施编号", "处理方式", "处理规模（吨/日）").mapping().sourceOf("capacity_m3d"))
                .contains("处理规模（吨/日）");
        assertThat(propose(catalogue.get("water_quality_test"), null, "水厂编号", "采样时间", "检测结论")
                        .mapping()
                        .asMap())
                .containsExactly(
                        Map.entry("水厂编号", "water_work_code"),
                        Map.entry("采样时间", "tested_on"),
                        Map.entry("检测结论", "result"));
    }

    @Test
    void villageCodeAliasesOnAHouseholdFile() {
        LayerDef household = catalogue.get("household");
        assertThat(propose(household, null, "户编号", "村代码").mapping().sourceOf("village_code"))
                .contains("村代码");
        assertThat(propose(household, null, "户编号", "行政区代码").mapping().sourceOf("village_code"))
                .contains("行政区代码");
        // two candidates for one field: the first in the file wins, the other is kept as extra
        MappingProposal both = propose(household, null, "户编号", "行政区代码", "村代码");
        assertThat(both.mapping().asMap())
                .containsEntry("行政区代码", "village_code")
                .containsEntry("村代码", "EXTRA");
    }

    @Test
    void aNameBeatsAnAliasWhateverTheOrder() {
        MappingProposal p = propose(road, null, "路线名称", "name");
        assertThat(p.mapping().asMap()).containsEntry("name", "name").containsEntry("路线名称", "EXTRA");
    }

    @Test
    void anExplicitMapOverridesAndCanIgnoreOrKeepFields() {
        Map<String, String> explicit = new LinkedHashMap<>();
        explicit.put("名称", "name");
        explicit.put("道路名称", "maintainer");
        explicit.put("备注", "ignore");
        explicit.put("路面类型", "EXTRA");
        MappingProposal p = propose(road, explicit, "路段编码", "名称", "道路名称", "行政等级", "路面类型", "备注");

        assertThat(p.mapping().entries())
                .containsExactly(
                        new Entry("路段编码", "code", Decision.TITLE),
                        new Entry("名称", "name", Decision.EXPLICIT),
                        new Entry("道路名称", "maintainer", Decision.EXPLICIT),
                        new Entry("行政等级", "admin_class", Decision.TITLE),
                        new Entry("路面类型", FieldMapping.EXTRA, Decision.EXPLICIT),
                        new Entry("备注", FieldMapping.IGNORE, Decision.EXPLICIT));
        assertThat(p.issues()).isEmpty();
    }

    @Test
    void explicitEntriesNamingUnknownFieldsAreBadMappings() {
        Map<String, String> explicit = new LinkedHashMap<>();
        explicit.put("不存在", "name");
        explicit.put("道路名称", "no_such_field");
        explicit.put("行政等级", "admin_class");
        explicit.put("XZDJ", "admin_class"); // the target is taken already
        MappingProposal p = propose(road, explicit, "路段编码", "道路名称", "行政等级", "XZDJ");

        assertThat(p.issues())
                .containsExactly(
                        ImportIssue.ofFile("道路.shp", IssueCode.BAD_FIELD_MAPPING, "不存在", "name"),
                        ImportIssue.ofFile("道路.shp", IssueCode.BAD_FIELD_MAPPING, "道路名称", "no_such_field"),
                        ImportIssue.ofFile("道路.shp", IssueCode.BAD_FIELD_MAPPING, "XZDJ", "admin_class"));
        assertThat(p.complete()).isFalse();
        assertThat(p.mapping().asMap()).containsEntry("道路名称", "name").containsEntry("XZDJ", "EXTRA");
    }

    @Test
    void aRequiredFieldWithoutSourceNeedsInput() {
        MappingProposal p = propose(road, null, "道路名称", "路面类型");

        assertThat(p.issues())
                .containsExactly(
                        ImportIssue.ofRow(
                                "道路.shp", 0, "code", IssueCode.REQUIRED_FIELD_UNMAPPED, "code", "路段编码", "Segment code"),
                        ImportIssue.ofRow(
                                "道路.shp",
                                0,
                                "admin_class",
                                IssueCode.REQUIRED_FIELD_UNMAPPED,
                                "admin_class",
                                "行政等级",
                                "Administrative class"));
        assertThat(p.complete()).isFalse();
        assertThat(p.mapping().sourceOf("hardened"))
                .as("derived from surface, not required anyway")
                .isEmpty();
    }

    @Test
    void theMappingAsShownCanBeSentBackUnchanged() {
        MappingProposal first = propose(road, null, "路段编码", "道路名称", "行政等级", "路面类型", "修建年份");
        MappingProposal again = propose(road, first.mapping().asMap(), "路段编码", "道路名称", "行政等级", "路面类型", "修建年份");
        assertThat(again.mapping().asMap()).isEqualTo(first.mapping().asMap());
        assertThat(again.mapping().entries()).allMatch(e -> e.decision() == Decision.EXPLICIT);
        assertThat(again.issues()).isEmpty();
    }
}
