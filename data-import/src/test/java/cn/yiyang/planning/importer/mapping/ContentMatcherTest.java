package cn.yiyang.planning.importer.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.mapping.FieldCandidate.Evidence;
import cn.yiyang.planning.importer.mapping.FieldMapping.Decision;
import cn.yiyang.planning.importer.testsupport.MemorySource;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentMatcherTest {

    private static final String FILE = "检测.csv";
    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final LayerDef tests = catalogue.get("water_quality_test");
    private final LayerDef works = catalogue.get("water_work");
    private final ContentMatcher.StoreKeys storedWorks = new ContentMatcher.StoreKeys(
            Map.of("water_work_code", Set.of("SG001", "SG002", "SG003")::contains), Set.of());

    private static Map<String, List<Object>> columns(Object[]... columns) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (Object[] c : columns) {
            out.put((String) c[0], Arrays.asList(c).subList(1, c.length));
        }
        return out;
    }

    private static MappingProposal refine(
            LayerDef layer, Map<String, List<Object>> columns, ContentMatcher.StoreKeys store) {
        MappingProposal byName = FieldMapper.propose(
                MemorySource.builder(FILE)
                        .fields(columns.keySet().toArray(String[]::new))
                        .build()
                        .describe(),
                layer,
                null);
        return ContentMatcher.refine(byName, layer, FILE, columns, store);
    }

    @Test
    void columnsWhoseValuesAllFitAreAppliedAsInferredWithTheirEvidence() {
        MappingProposal p = refine(
                tests,
                columns(
                        new Object[] {"BH", "SG001", "SG002", null, "SG003"},
                        new Object[] {"RQ", "2024/9/28", "2024年9月28日", "45563", "2024-09-28"},
                        new Object[] {"JL", "合格", "不合格", "合格", "pass"}),
                storedWorks);

        assertThat(p.mapping().asMap())
                .containsExactly(
                        Map.entry("BH", "water_work_code"), Map.entry("RQ", "tested_on"), Map.entry("JL", "result"));
        assertThat(p.mapping().entries()).allMatch(e -> e.decision() == Decision.CONTENT);
        assertThat(p.complete()).isTrue();
        FieldProposal works = p.mapping().proposalFor("water_work_code").orElseThrow();
        assertThat(works.applied()).isTrue();
        assertThat(works.candidates())
                .containsExactly(new FieldCandidate(
                        "BH", Evidence.REFERENCE, 3, 3, new FieldCandidate.Titles("供水工程", "Water supply works")));
        assertThat(works.best().describe(Locale.ENGLISH))
                .isEqualTo("100 % of the values of `BH` are codes of Water supply works in the store");
        assertThat(works.best().describe(Locale.SIMPLIFIED_CHINESE)).isEqualTo("`BH` 的值中 100 % 是库中供水工程的编码");
        assertThat(p.issues()).extracting(ImportIssue::code).containsOnly(IssueCode.FIELD_INFERRED);
        assertThat(p.issues().getFirst().message(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("没有名为“工程编号”（water_work_code）的列；按内容推断为列“BH”：`BH` 的值中 100 % 是库中供水工程的编码。推断，请确认，或另选一列。");
        assertThat(p.mapping().proposalFor("tested_on").orElseThrow().best().evidence())
                .isEqualTo(Evidence.DATE);
        assertThat(p.mapping().proposalFor("result").orElseThrow().best().evidence())
                .isEqualTo(Evidence.CODE_LIST);
    }

    @Test
    void aColumnWithAValueThatIsNoKeyIsOnlyProposedRankedAboveAWeakerOne() {
        MappingProposal p = refine(
                tests,
                columns(
                        new Object[] {"检测日期", "2024-09-28", "2024-09-28", "2024-09-28", "2024-09-28"},
                        new Object[] {"检测结果", "合格", "合格", "合格", "合格"},
                        new Object[] {"code", "SG001", "SG002", "SG003", "SG009"},
                        new Object[] {"备注", "SG001", "SG002", "无", "另见"}),
                storedWorks);

        assertThat(p.complete()).isFalse();
        assertThat(p.mapping().asMap()).containsEntry("code", FieldMapping.EXTRA);
        FieldProposal proposal = p.mapping().proposalFor("water_work_code").orElseThrow();
        assertThat(proposal.applied()).isFalse();
        assertThat(proposal.candidates())
                .extracting(FieldCandidate::source, FieldCandidate::percent)
                .containsExactly(tuple("code", 75), tuple("备注", 50));
        assertThat(p.issues())
                .extracting(ImportIssue::code)
                .containsExactly(IssueCode.REQUIRED_FIELD_UNMAPPED, IssueCode.FIELD_CANDIDATES);
        assertThat(p.issues().get(1).message(Locale.ENGLISH))
                .isEqualTo("Columns whose values could give \"Works code\" (water_work_code), best first: 75 % of the"
                        + " values of `code` are codes of Water supply works in the store; 50 % of the values of `备注`"
                        + " are codes of Water supply works in the store. Accept one, or map another column.");
    }

    @Test
    void theKeyIsAColumnOfUniqueValuesShapedLikeTheStoredKeysAndOnlyOfferedWhenTheLayerHoldsNone() {
        Map<String, List<Object>> file = columns(
                new Object[] {"BH", "SG101", "SG102", "SG103"},
                new Object[] {"工程名称", "甲水厂", "乙水厂", "丙水厂"},
                new Object[] {"工程类型", "千人以上", "千人以上", "千人以下"},
                new Object[] {"序号", "1", "1", "2"});

        MappingProposal shaped = refine(works, file, new ContentMatcher.StoreKeys(Map.of(), Set.of("AA999")));
        assertThat(shaped.mapping().entry("BH").orElseThrow())
                .isEqualTo(new FieldMapping.Entry("BH", "code", Decision.CONTENT));
        assertThat(shaped.complete()).isTrue();

        MappingProposal fresh = refine(works, file, new ContentMatcher.StoreKeys(Map.of(), Set.of()));
        assertThat(fresh.complete()).isFalse();
        assertThat(fresh.mapping().proposalFor("code").orElseThrow().candidates())
                .extracting(FieldCandidate::source, FieldCandidate::evidence)
                .containsExactly(tuple("BH", Evidence.KEY_UNIQUE));
    }

    @Test
    void twoDateColumnsAreOfferedNotGuessed() {
        MappingProposal p = refine(
                tests,
                columns(
                        new Object[] {"工程编号", "SG001"},
                        new Object[] {"结果", "合格"},
                        new Object[] {"采样", "2024-09-01"},
                        new Object[] {"报告", "2024-09-08"}),
                storedWorks);

        assertThat(p.complete()).isFalse();
        assertThat(p.mapping().proposalFor("tested_on").orElseThrow().candidates())
                .extracting(FieldCandidate::source)
                .containsExactly("采样", "报告");
    }

    @Test
    void shapesPutLettersAndDigitsInPlace() {
        assertThat(ContentMatcher.shape("X001430923-2")).isEqualTo("A999999999-9");
        assertThat(ContentMatcher.shape("430902001001")).isEqualTo("999999999999");
    }
}
