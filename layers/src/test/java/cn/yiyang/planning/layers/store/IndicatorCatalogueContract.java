package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.CatalogueIndicator;
import cn.yiyang.planning.layers.analysis.IndicatorChange;
import cn.yiyang.planning.layers.analysis.IndicatorEntry;
import cn.yiyang.planning.layers.analysis.IndicatorRollup;
import cn.yiyang.planning.layers.analysis.IndicatorTarget;
import cn.yiyang.planning.layers.analysis.IndicatorUnit;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The contract of the indicator catalogue, its targets per group and the manual entries (V16) on both stores. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IndicatorCatalogueContract {

    private TestStore test;
    private JdbcIndicatorCatalogueRepository catalogue;
    private JdbcIndicatorEntryRepository entries;

    abstract StoreKind kind();

    @BeforeAll
    void open() {
        test = TestStores.create(kind());
        catalogue = new JdbcIndicatorCatalogueRepository(test.store());
        entries = new JdbcIndicatorEntryRepository(test.store());
    }

    @AfterAll
    void close() throws Exception {
        test.close();
    }

    @Test
    void theCatalogueHoldsThePlanIndicatorsInTableOrder() {
        List<CatalogueIndicator> all = catalogue.indicators();
        assertThat(all).hasSize(32);
        assertThat(all.get(0))
                .isEqualTo(new CatalogueIndicator(
                        "returned_to_poverty_count",
                        "返贫人口",
                        "People returned to poverty",
                        IndicatorUnit.COUNT,
                        false,
                        true,
                        CatalogueIndicator.MANUAL,
                        UnitLevel.COUNTY,
                        "ADMINISTRATIVE",
                        0,
                        1_000_000,
                        "表2-1 1",
                        10,
                        new IndicatorRollup(IndicatorRollup.Kind.SUM, IndicatorRollup.Weight.UNIT)));
        CatalogueIndicator income = all.stream()
                .filter(i -> i.id().equals("village_collective_income"))
                .findFirst()
                .orElseThrow();
        assertThat(income.unit()).isEqualTo(IndicatorUnit.WAN_YUAN);
        assertThat(income.entryLevel()).isEqualTo(UnitLevel.VILLAGE);
        assertThat(income.rollup())
                .isEqualTo(new IndicatorRollup(IndicatorRollup.Kind.MEAN, IndicatorRollup.Weight.UNIT));
        assertThat(all.stream().filter(i -> i.id().equals("civilized_township_rate")))
                .singleElement()
                .extracting(CatalogueIndicator::rollup)
                .isEqualTo(new IndicatorRollup(IndicatorRollup.Kind.SHARE, IndicatorRollup.Weight.TOWNSHIPS));
        assertThat(all.stream().filter(i -> !i.manual()))
                .allSatisfy(i -> assertThat(i.rollup()).isEqualTo(IndicatorRollup.NONE));
        assertThat(all.stream().filter(CatalogueIndicator::manual)).hasSize(13);
        assertThat(all.stream().filter(i -> i.id().equals("township_class3_road_rate")))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.source()).isEqualTo("road-access");
                    assertThat(i.binding()).isFalse();
                    assertThat(i.planRef()).isEqualTo("表2-1 12");
                });
    }

    @Test
    void the2021To2025TargetsCarryGroupsAndWords() {
        List<IndicatorTarget> targets = catalogue.targets("2021-2025");
        assertThat(targets).hasSize(36);
        assertThat(targets.stream().filter(t -> t.indicator().equals("village_collective_income")))
                .extracting(IndicatorTarget::group, IndicatorTarget::target, IndicatorTarget::noteZh)
                .containsExactly(
                        tuple(UnitGroup.ALL, null, "空壳村全面消除，村村均有稳定收入"),
                        tuple(UnitGroup.DEMONSTRATION, 10.0, "示范创建村不低于10万元"),
                        tuple(UnitGroup.KEY_SUPPORT, 5.0, "重点帮扶村不低于5万元"));
        assertThat(targets.stream().filter(t -> t.indicator().equals("doctors_per_thousand")))
                .singleElement()
                .extracting(IndicatorTarget::target)
                .isEqualTo(2.9);
        assertThat(catalogue.periods()).contains("2021-2025");
    }

    @Test
    void targetsOfANewPeriodAreSavedAndEveryChangeIsRecorded() {
        IndicatorTarget first = new IndicatorTarget(
                "civilized_township_rate", "2026-2030", UnitGroup.DEMONSTRATION, 0.85, "十五五", null, null);
        catalogue.saveTargets(List.of(first), "管理员");
        catalogue.saveTargets(
                List.of(new IndicatorTarget(
                        "civilized_township_rate", "2026-2030", UnitGroup.DEMONSTRATION, 0.9, "十五五", "提高", null)),
                "管理员二");
        assertThat(catalogue.targets("2026-2030"))
                .containsExactly(new IndicatorTarget(
                        "civilized_township_rate", "2026-2030", UnitGroup.DEMONSTRATION, 0.9, "十五五", "提高", null));
        assertThat(catalogue.periods()).containsSubsequence("2021-2025", "2026-2030");
        List<IndicatorChange> changes = catalogue.changes("civilized_township_rate", 10);
        assertThat(changes)
                .extracting(
                        IndicatorChange::kind,
                        IndicatorChange::keyA,
                        IndicatorChange::keyB,
                        IndicatorChange::oldValue,
                        IndicatorChange::newValue,
                        IndicatorChange::changedBy)
                .containsExactly(
                        tuple("target", "2026-2030", "demonstration", 0.85, 0.9, "管理员二"),
                        tuple("target", "2026-2030", "demonstration", null, 0.85, "管理员"));
        assertThat(changes.get(0).changedAt()).isNotNull();
        assertThatThrownBy(() -> catalogue.saveTargets(
                        List.of(new IndicatorTarget("no_such", "2026-2030", UnitGroup.ALL, 1.0, null, null, null)),
                        "管理员"))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void entriesAreReplacedPerUnitAndYearWithWhoAndWhen() {
        Instant t0 = Instant.parse("2025-12-31T08:00:00Z");
        entries.save(new IndicatorEntry(
                "village_collective_income", 2025, UnitLevel.VILLAGE, "430923100201", 4.5, null, "张三", t0));
        entries.save(new IndicatorEntry(
                "village_collective_income", 2025, UnitLevel.VILLAGE, "430923100202", 12, "新增", "张三", t0));
        entries.save(new IndicatorEntry(
                "village_collective_income",
                2025,
                UnitLevel.VILLAGE,
                "430923100201",
                6.25,
                "更正",
                "李四",
                t0.plusSeconds(60)));
        entries.save(new IndicatorEntry(
                "village_collective_income", 2024, UnitLevel.VILLAGE, "430923100201", 3, null, "张三", t0));

        assertThat(entries.entries("village_collective_income", 2025, null, null))
                .containsExactly(
                        new IndicatorEntry(
                                "village_collective_income",
                                2025,
                                UnitLevel.VILLAGE,
                                "430923100201",
                                6.25,
                                "更正",
                                "李四",
                                t0.plusSeconds(60)),
                        new IndicatorEntry(
                                "village_collective_income",
                                2025,
                                UnitLevel.VILLAGE,
                                "430923100202",
                                12,
                                "新增",
                                "张三",
                                t0));
        assertThat(entries.entries("village_collective_income", null, UnitLevel.VILLAGE, "430923100201"))
                .extracting(IndicatorEntry::year, IndicatorEntry::value)
                .containsExactly(tuple(2024, 3.0), tuple(2025, 6.25));
        assertThat(entries.entries("village_collective_income", 2025, UnitLevel.COUNTY, null))
                .isEmpty();
        assertThat(catalogue.changes("village_collective_income", 10))
                .filteredOn(c -> c.keyB().equals("430923100201") && c.keyA().equals("2025"))
                .extracting(IndicatorChange::oldValue, IndicatorChange::newValue, IndicatorChange::changedBy)
                .containsExactly(tuple(4.5, 6.25, "李四"), tuple(null, 4.5, "张三"));
        assertThatThrownBy(() ->
                        entries.save(new IndicatorEntry("no_such", 2025, UnitLevel.CITY, "430900", 1, null, "张三", t0)))
                .isInstanceOf(StoreException.class);
    }
}
