package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.HistoryEntry;
import cn.yiyang.planning.layers.feature.HistoryOperation;
import cn.yiyang.planning.layers.register.RoadClosure;
import cn.yiyang.planning.layers.register.RoadClosureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The closings (销号) of 通返不通 register entries (V4, {@code road_register_closure}) on both stores: the
 * same answers on each. Subclasses name the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RoadClosureContract {

    private TestStore test;
    private RoadClosureRepository repo;

    abstract StoreKind kind();

    @BeforeAll
    void open() {
        test = TestStores.create(kind());
        repo = new JdbcRoadClosureRepository(test.store());
    }

    @AfterAll
    void close() throws Exception {
        test.close();
    }

    @Test
    void migrationCreatesTheClosureTable() throws Exception {
        Set<String> actual = new LinkedHashSet<>();
        try (Connection c = test.store().dataSource().getConnection()) {
            String table = kind() == StoreKind.H2GIS ? "ROAD_REGISTER_CLOSURE" : "road_register_closure";
            try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
                while (rs.next()) {
                    actual.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(actual)
                .containsExactlyInAnyOrder("road_code", "blocked_on", "closed_on", "closed_by", "note", "created_at");
    }

    @Test
    void aClosureIsStoredOnceAndReadBackWithItsDatesAndChineseNote() {
        OffsetDateTime before = OffsetDateTime.now().minusMinutes(1);
        RoadClosure first = RoadClosure.of(
                "C001430921-07", LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1), "transport", "  塌方已清理，恢复通行  ");
        assertThat(repo.add(first)).isTrue();

        RoadClosure stored =
                repo.find("C001430921-07", LocalDate.of(2024, 12, 31)).orElseThrow();
        assertThat(stored.closedOn()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(stored.closedBy()).isEqualTo("transport");
        assertThat(stored.note()).isEqualTo("塌方已清理，恢复通行");
        assertThat(stored.createdAt())
                .isAfter(before)
                .isBefore(OffsetDateTime.now().plusMinutes(1));

        RoadClosure second =
                RoadClosure.of("C001430921-07", LocalDate.of(2024, 12, 31), LocalDate.of(2025, 3, 1), "admin", null);
        assertThat(repo.add(second)).as("the entry has a closure already").isFalse();
        assertThat(repo.find("C001430921-07", LocalDate.of(2024, 12, 31))
                        .orElseThrow()
                        .closedBy())
                .as("the first closure is kept")
                .isEqualTo("transport");
        assertThat(repo.find("C001430921-07", LocalDate.of(2025, 1, 1))).isEmpty();
        assertThat(repo.find("X001", LocalDate.of(2024, 12, 31))).isEmpty();
    }

    @Test
    void allListsTheClosuresByRoadAndBlockedDate() {
        repo.add(RoadClosure.of("Y200", LocalDate.of(2025, 6, 2), LocalDate.of(2025, 7, 1), "transport", null));
        repo.add(RoadClosure.of("Y100", LocalDate.of(2025, 6, 3), LocalDate.of(2025, 7, 1), "admin", "修复"));
        repo.add(RoadClosure.of("Y100", LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1), "admin", null));
        List<String> names = repo.all().stream()
                .filter(r -> r.roadCode().startsWith("Y"))
                .map(r -> r.roadCode() + "@" + r.blockedOn())
                .toList();
        assertThat(names).containsExactly("Y100@2024-02-29", "Y100@2025-06-03", "Y200@2025-06-02");
    }

    @Test
    void ofTwoUsersClosingTheSameEntryAtOnceOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String user = "user" + i;
                tries.add(() -> repo.add(
                        RoadClosure.of("Z900", LocalDate.of(2025, 5, 5), LocalDate.of(2025, 5, 6), user, null)));
            }
            long won = 0;
            for (Future<Boolean> f : pool.invokeAll(tries)) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosingIsRecordedInTheHistoryOfTheInspectionsOnceWithTheRoadAndDates() {
        JdbcFeatureHistoryRepository history = new JdbcFeatureHistoryRepository(test.store());
        LayerDef inspections = LayerCatalogue.standard().get(LayerIds.ROAD_INSPECTION);
        Instant before = Instant.now().minusSeconds(5);
        RoadClosure closing =
                RoadClosure.of("H100", LocalDate.of(2025, 8, 1), LocalDate.of(2025, 8, 9), "transport", "已修复");

        repo.add(closing);
        repo.add(RoadClosure.of("H100", LocalDate.of(2025, 8, 1), LocalDate.of(2025, 8, 10), "admin", null));

        List<HistoryEntry> entries = history.since(inspections, before, 100).stream()
                .filter(e -> "H100".equals(e.details().get("roadCode")))
                .toList();
        assertThat(entries)
                .as("the refused second closing records nothing")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.operation()).isEqualTo(HistoryOperation.REGISTER_CLOSE);
                    assertThat(e.user()).isEqualTo("transport");
                    assertThat(e.details())
                            .containsEntry("blockedOn", "2025-08-01")
                            .containsEntry("closedOn", "2025-08-09")
                            .containsEntry("note", "已修复");
                });
    }
}
