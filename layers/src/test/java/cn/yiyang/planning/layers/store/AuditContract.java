package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.audit.AuditChain;
import cn.yiyang.planning.layers.audit.AuditEntry;
import cn.yiyang.planning.layers.audit.AuditFilter;
import cn.yiyang.planning.layers.audit.AuditRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit record (V17) on both stores: entries chained by hash, listed by filter; the chain verifies on a populated
 * record and a changed, removed or inserted row is reported as the first broken link.
 */
abstract class AuditContract {

    private static final Instant T0 = Instant.parse("2026-05-01T01:02:03.456789Z");
    /** T0 as the record keeps it (milliseconds). */
    private static final Instant STORED = Instant.parse("2026-05-01T01:02:03.456Z");

    private TestStore test;
    private AuditRepository audit;

    abstract StoreKind kind();

    @BeforeEach
    void open() {
        test = TestStores.create(kind());
        audit = new JdbcAuditRepository(test.store());
        for (int i = 0; i < 30; i++) {
            audit.append(AuditEntry.of(
                    T0.plusSeconds(60L * i),
                    i % 3 == 0 ? "water" : "planner",
                    "10.1.0." + i,
                    i % 2 == 0 ? "feature-update" : "sign-in",
                    i % 2 == 0 ? "water_work" : null,
                    i % 2 == 0 ? "SW" + i : null,
                    i % 5 == 0 ? null : "version " + i));
        }
    }

    @AfterEach
    void close() throws Exception {
        test.close();
    }

    private void sql(String statement) {
        test.store().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                return ps.executeUpdate();
            }
        });
    }

    @Test
    void entriesAreChainedAndListedNewestFirstByFilter() {
        AuditEntry first = audit.find(new AuditFilter(null, null, null, null, null, T0.plusSeconds(1), 10))
                .getFirst();
        assertThat(first.prevHash()).isEqualTo(AuditChain.START);
        assertThat(first.at()).isEqualTo(Instant.parse("2026-05-01T01:02:03.456Z"));
        assertThat(first.hash()).isEqualTo(AuditChain.hash(AuditChain.START, first));

        List<AuditEntry> water =
                audit.find(new AuditFilter("water", "water_work", null, "feature-update", null, null, 100));
        assertThat(water).extracting(AuditEntry::feature).containsExactly("SW24", "SW18", "SW12", "SW6", "SW0");
        assertThat(audit.find(new AuditFilter(null, null, "SW12", null, null, null, 100)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.address()).isEqualTo("10.1.0.12");
                    assertThat(e.detail()).isEqualTo("version 12");
                });
        assertThat(audit.find(
                        new AuditFilter(null, null, null, null, STORED.plusSeconds(600), STORED.plusSeconds(720), 100)))
                .extracting(AuditEntry::user)
                .containsExactly("planner", "planner");
        assertThat(audit.find(AuditFilter.all(3))).hasSize(3);
    }

    @Test
    void thePopulatedChainVerifies() {
        AuditChain.Check check = audit.verify();
        assertThat(check.entries()).isEqualTo(30);
        assertThat(check.holds()).isTrue();
    }

    @Test
    void aChangedRowIsTheFirstBrokenLink() {
        long id = audit.find(new AuditFilter(null, null, "SW12", null, null, null, 1))
                .getFirst()
                .id();
        sql("UPDATE audit_entry SET user_name = 'someone-else' WHERE id = " + id);
        AuditChain.Check check = audit.verify();
        assertThat(check.holds()).isFalse();
        assertThat(check.firstBreak()).contains(new AuditChain.Break(id, "hash"));
        assertThat(check.entries()).isEqualTo(13);
    }

    @Test
    void aRemovedRowBreaksTheLinkOfTheNextOne() {
        List<AuditEntry> all = audit.find(AuditFilter.all(100)).reversed();
        sql("DELETE FROM audit_entry WHERE id = " + all.get(7).id());
        assertThat(audit.verify().firstBreak())
                .contains(new AuditChain.Break(all.get(8).id(), "prev_hash"));
    }
}
