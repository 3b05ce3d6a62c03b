package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.yiyang.planning.layers.plan.ConflictJustification;
import cn.yiyang.planning.layers.plan.ConflictJustificationRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The justifications of plans' conflicts (V10, {@code plan_conflict_justification}) on both stores. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConflictJustificationContract {

    private TestStore test;
    private ConflictJustificationRepository repo;

    abstract StoreKind kind();

    @BeforeAll
    void open() {
        test = TestStores.create(kind());
        repo = new JdbcConflictJustificationRepository(test.store());
    }

    @AfterAll
    void close() throws Exception {
        test.close();
    }

    @Test
    void aJustificationIsStoredPerPlanAndConflictAndARewordingReplacesIt() {
        OffsetDateTime before = OffsetDateTime.now().minusMinutes(1);
        repo.save(ConflictJustification.of("P-1", "12.basic_farmland.7", "  省级重点项目，已办理占补平衡  ", "approver"));
        repo.save(ConflictJustification.of("P-1", "13.ecological_redline.2", "线性工程，无法避让", "admin"));
        repo.save(ConflictJustification.of("P-2", "12.basic_farmland.7", "another plan", "admin"));

        assertThat(repo.forPlan("P-1"))
                .extracting(ConflictJustification::conflictKey, ConflictJustification::text)
                .containsExactly(
                        tuple("12.basic_farmland.7", "省级重点项目，已办理占补平衡"), tuple("13.ecological_redline.2", "线性工程，无法避让"));
        assertThat(repo.forPlan("P-1").getFirst().justifiedAt()).isAfter(before);

        ConflictJustification reworded =
                repo.save(ConflictJustification.of("P-1", "12.basic_farmland.7", "已调出基本农田", "admin"));
        assertThat(reworded.justifiedAt()).isNotNull();
        assertThat(repo.forPlan("P-1")).hasSize(2).first().satisfies(j -> {
            assertThat(j.text()).isEqualTo("已调出基本农田");
            assertThat(j.justifiedBy()).isEqualTo("admin");
        });
        assertThat(repo.forPlan("P-3")).isEmpty();
    }
}
