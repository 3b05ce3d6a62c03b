package cn.yiyang.planning.layers.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the codes mean to the plan's rules: traits and ranks, decided on the code lists once. */
class CodeListTraitsTest {

    @Test
    void asphaltAndCementAreHardenedGravelAndEarthAreNot() {
        assertThat(CodeLists.ROAD_SURFACE.values(CodeTrait.HARDENED)).containsExactly("asphalt", "cement");
        assertThat(CodeLists.ROAD_SURFACE.has("cement", CodeTrait.HARDENED)).isTrue();
        assertThat(CodeLists.ROAD_SURFACE.has("gravel", CodeTrait.HARDENED)).isFalse();
        assertThat(CodeLists.ROAD_SURFACE.has("earth", CodeTrait.HARDENED)).isFalse();
    }

    @Test
    void hardenedSurfacesAndGravelAreAllSeasonEarthIsNot() {
        assertThat(CodeLists.ROAD_SURFACE.values(CodeTrait.ALL_SEASON)).containsExactly("asphalt", "cement", "gravel");
        assertThat(CodeLists.ROAD_SURFACE.values(CodeTrait.ALL_SEASON))
                .containsAll(CodeLists.ROAD_SURFACE.values(CodeTrait.HARDENED));
    }

    @Test
    void unknownValuesAndNullHaveNoTrait() {
        assertThat(CodeLists.ROAD_SURFACE.has(null, CodeTrait.HARDENED)).isFalse();
        assertThat(CodeLists.ROAD_SURFACE.has("沥青", CodeTrait.HARDENED))
                .as("labels are not stored values")
                .isFalse();
        assertThat(CodeLists.ROAD_SURFACE.has("Asphalt", CodeTrait.HARDENED)).isFalse();
    }

    @Test
    void theCountyOrHigherNetworkSeedsRoadAccess() {
        assertThat(CodeLists.ROAD_ADMIN_CLASS.values(CodeTrait.ACCESS_SEED))
                .containsExactly("national", "provincial", "county");
    }

    @Test
    void centralisedWaterSupplyIsEveryKindButDispersed() {
        assertThat(CodeLists.WATER_KIND.values(CodeTrait.CENTRALISED)).containsExactly("integrated", "large", "small");
        assertThat(CodeLists.WATER_KIND.has("dispersed", CodeTrait.CENTRALISED)).isFalse();
    }

    @Test
    void technicalGradesRankFromExpresswayDownToSubstandard() {
        CodeList grades = CodeLists.ROAD_TECH_GRADE;
        assertThat(grades.ordered()).isTrue();
        assertThat(grades.codes()).extracting(Code::rank).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(grades.rank("expressway")).hasValue(1);
        assertThat(grades.rank("substandard")).hasValue(6);
        assertThat(grades.rank("class9")).isEmpty();
        assertThat(grades.rank(null)).isEmpty();
    }

    @Test
    void classThreeOrBetterIsARankComparison() {
        CodeList grades = CodeLists.ROAD_TECH_GRADE;
        assertThat(List.of("expressway", "class1", "class2", "class3"))
                .allSatisfy(g -> assertThat(grades.atLeast(g, "class3")).as(g).isTrue());
        assertThat(List.of("class4", "substandard"))
                .allSatisfy(g -> assertThat(grades.atLeast(g, "class3")).as(g).isFalse());
        assertThat(grades.atLeast(null, "class3")).isFalse();
        assertThat(grades.atLeast("unknown", "class3")).isFalse();
    }

    @Test
    void coldChainTiersAreOrderedFromTheCounty() {
        assertThat(CodeLists.COLD_CHAIN_TIER.codes())
                .extracting(Code::value, Code::rank)
                .containsExactly(tuple("county", 1), tuple("township", 2), tuple("village", 3));
        assertThat(CodeLists.COLD_CHAIN_TIER.atLeast("township", "township")).isTrue();
        assertThat(CodeLists.COLD_CHAIN_TIER.atLeast("village", "township")).isFalse();
    }

    @Test
    void anUnorderedListHasNoRanks() {
        assertThat(CodeLists.ROAD_SURFACE.ordered()).isFalse();
        assertThat(CodeLists.ROAD_SURFACE.codes()).noneMatch(Code::ranked);
        assertThat(CodeLists.ROAD_SURFACE.rank("asphalt")).isEmpty();
        assertThatThrownBy(() -> CodeLists.ROAD_SURFACE.atLeast("asphalt", "cement"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("road_surface");
        assertThatThrownBy(() -> CodeLists.ROAD_TECH_GRADE.atLeast("class1", "class9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("class9");
    }

    @Test
    void onlyTheListsWithMeaningCarryTraits() {
        assertThat(CodeLists.all().stream().filter(CodeList::hasTraits).map(CodeList::id))
                .containsExactly(
                        "urban_rural",
                        "water_kind",
                        "road_admin_class",
                        "road_surface",
                        "facility_status",
                        "plan_status");
        assertThat(CodeLists.all().stream().filter(CodeList::ordered).map(CodeList::id))
                .containsExactly("road_tech_grade", "cold_chain_tier", "finding_severity", "plan_status");
    }

    @Test
    void urbanUnitsAreTheOnesCoded1xx() {
        assertThat(CodeLists.URBAN_RURAL.codes().stream().filter(c -> c.is(CodeTrait.URBAN)))
                .extracting(Code::value)
                .containsExactly("111", "112", "121", "122", "123");
        assertThat(CodeLists.URBAN_RURAL.has("220", CodeTrait.URBAN)).isFalse();
        assertThat(CodeLists.URBAN_RURAL.has(null, CodeTrait.URBAN)).isFalse();
    }

    @Test
    void approvedAndEnteredPlansAreInForceAndOldStagesReadAsTheWorkflowsOwn() {
        CodeList stages = CodeLists.PLAN_STATUS;
        assertThat(stages.codes())
                .extracting(Code::value)
                .containsExactly("not_started", "compiling", "reviewing", "approved", "entered");
        assertThat(stages.codes().stream().filter(c -> c.traits().contains(CodeTrait.IN_FORCE)))
                .extracting(Code::value)
                .containsExactly("approved", "entered");
        // ranked in workflow order: the first stage has rank 1
        assertThat(stages.rank("not_started")).hasValue(1);
        assertThat(stages.rank("entered")).hasValue(5);
        assertThat(stages.resolve("修编中").map(Code::value)).contains("compiling");
        assertThat(stages.resolve("审查中").map(Code::value)).contains("reviewing");
        assertThat(stages.resolve("已入库").map(Code::value)).contains("entered");
    }

    @Test
    void traitsAreAddedToTheCodeAddedLastAndKeepTheirDeclarationOrder() {
        CodeList l = CodeList.builder("t")
                .code("a", "甲", "A")
                .is(CodeTrait.HARDENED)
                .is(CodeTrait.ACCESS_SEED)
                .code("b", "乙", "B")
                .build();
        assertThat(l.byValue("a").orElseThrow().traits()).containsExactly(CodeTrait.HARDENED, CodeTrait.ACCESS_SEED);
        assertThat(l.byValue("b").orElseThrow().traits()).isEmpty();
        assertThat(new Code("c", "丙", "C", List.of(), 0, Set.of(CodeTrait.ACCESS_SEED, CodeTrait.HARDENED)).traits())
                .containsExactly(CodeTrait.HARDENED, CodeTrait.ACCESS_SEED);
        assertThatThrownBy(() -> CodeList.builder("t").is(CodeTrait.HARDENED))
                .isInstanceOf(IllegalStateException.class);
        assertThat(CodeTrait.ALL_SEASON.id()).isEqualTo("all_season");
    }

    @Test
    void integratedAndThousandPlusSchemesCarryTheDutiesOfLargeSchemes() {
        assertThat(CodeLists.WATER_KIND.values(CodeTrait.THOUSAND_PLUS)).containsExactly("integrated", "large");
        assertThat(CodeLists.WATER_KIND.has("small", CodeTrait.THOUSAND_PLUS)).isFalse();
    }
}
