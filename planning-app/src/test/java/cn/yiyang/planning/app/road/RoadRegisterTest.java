package cn.yiyang.planning.app.road;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.register.RoadClosure;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The register's rules on inspections written out by hand (no store). */
class RoadRegisterTest {

    private final List<Inspection> rows = new ArrayList<>();

    private void row(String road, String on, String status, String cause, String closedOn) {
        rows.add(new Inspection(
                road,
                LocalDate.parse(on),
                "blocked".equals(status),
                cause,
                closedOn == null ? null : LocalDate.parse(closedOn),
                rows.size() + 1));
    }

    private List<RegisterEntry> entries() {
        return RoadRegister.fromInspections(rows, RoadInfo::unknown);
    }

    private static List<String> names(List<RegisterEntry> entries) {
        return entries.stream()
                .map(e -> e.key() + (e.open() ? " open" : " closed " + e.closedOn()))
                .toList();
    }

    @Test
    void aBlockedInspectionAfterAnOpenOneIsAnEntry() {
        row("C1", "2024-01-10", "open", null, null);
        row("C1", "2024-03-05", "blocked", " 水毁 ", null);
        List<RegisterEntry> e = entries();
        assertThat(names(e)).containsExactly("C1/2024-03-05 open");
        assertThat(e.getFirst().cause()).isEqualTo("水毁");
        assertThat(e.getFirst().daysOpen(LocalDate.of(2024, 3, 15))).isEqualTo(10);
        assertThat(RoadRegister.impassableRoadCodes(e)).containsExactly("C1");
    }

    @Test
    void aBlockedInspectionWithoutAnEarlierOpenOneIsNoEntry() {
        row("Y1", "2024-04-01", "blocked", "水毁", null);
        row("X1", "2024-02-01", "open", null, null);
        row("X1", "2024-02-10", "blocked", "塌方", null);
        row("X1", "2024-03-01", "blocked", "塌方", null); // the same interruption seen again
        assertThat(names(entries())).containsExactly("X1/2024-02-10 open");
    }

    @Test
    void inspectionsAreOrderedByDateNotByRowAndSameDayByRow() {
        row("C1", "2024-03-05", "blocked", "水毁", null); // row 1, but after the open one by date
        row("C1", "2024-01-10", "open", null, null); // row 2
        row("C2", "2024-05-01", "open", null, null); // same day: open then blocked by row order
        row("C2", "2024-05-01", "blocked", "塌方", null);
        assertThat(names(entries())).containsExactly("C2/2024-05-01 open", "C1/2024-03-05 open");
    }

    @Test
    void theInspectionsClosedOnClosesTheEntry() {
        row("C2", "2024-01-10", "open", null, null);
        row("C2", "2024-02-01", "blocked", "塌方", "2024-02-20");
        List<RegisterEntry> e = entries();
        assertThat(names(e)).containsExactly("C2/2024-02-01 closed 2024-02-20");
        assertThat(e.getFirst().closedIn()).isEqualTo(ClosureSource.INSPECTION);
        assertThat(e.getFirst().closedBy()).isNull();
        assertThat(e.getFirst().daysOpen(LocalDate.of(2030, 1, 1))).isEqualTo(19);
        assertThat(RoadRegister.impassableRoadCodes(e)).isEmpty();
    }

    @Test
    void aClosureInTheAppClosesTheEntryButTheInspectionRecordWins() {
        row("C1", "2024-01-10", "open", null, null);
        row("C1", "2024-03-05", "blocked", "水毁", null);
        row("C2", "2024-01-10", "open", null, null);
        row("C2", "2024-02-01", "blocked", "塌方", "2024-02-20");
        List<RoadClosure> closures = List.of(
                RoadClosure.of("C1", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 4, 1), "transport", "已修复"),
                RoadClosure.of("C2", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1), "admin", null),
                RoadClosure.of("C9", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1), "admin", null)); // no entry
        List<RegisterEntry> e = RoadRegister.withClosures(entries(), closures);
        assertThat(names(e)).containsExactly("C1/2024-03-05 closed 2024-04-01", "C2/2024-02-01 closed 2024-02-20");
        RegisterEntry c1 = RoadRegister.find(e, "C1", LocalDate.of(2024, 3, 5)).orElseThrow();
        assertThat(c1.closedIn()).isEqualTo(ClosureSource.APP);
        assertThat(c1.closedBy()).isEqualTo("transport");
        assertThat(c1.note()).isEqualTo("已修复");
        assertThat(RoadRegister.find(e, "C2", LocalDate.of(2024, 2, 1))
                        .orElseThrow()
                        .closedIn())
                .isEqualTo(ClosureSource.INSPECTION);
        assertThat(RoadRegister.impassableRoadCodes(e)).isEmpty();
    }

    @Test
    void aRoadBlockedAgainAfterClosingIsANewEntryAndImpassableAgain() {
        row("C2", "2024-01-10", "open", null, null);
        row("C2", "2024-02-01", "blocked", "塌方", "2024-02-20");
        row("C2", "2024-02-20", "open", null, null);
        row("C2", "2024-06-15", "blocked", "桥梁损毁", null);
        List<RegisterEntry> e = entries();
        assertThat(names(e)).containsExactly("C2/2024-06-15 open", "C2/2024-02-01 closed 2024-02-20");
        assertThat(RoadRegister.impassableRoadCodes(e)).containsExactly("C2");
        List<RegisterEntry> closed = RoadRegister.withClosures(
                e,
                List.of(RoadClosure.of("C2", LocalDate.of(2024, 6, 15), LocalDate.of(2024, 7, 1), "transport", null)));
        assertThat(RoadRegister.impassableRoadCodes(closed)).isEmpty();
    }

    @Test
    void aLaterOpenInspectionAloneDoesNotCloseTheEntry() {
        row("C1", "2024-01-10", "open", null, null);
        row("C1", "2024-03-05", "blocked", "水毁", null);
        row("C1", "2024-04-05", "open", null, null);
        assertThat(names(entries())).containsExactly("C1/2024-03-05 open");
    }

    @Test
    void onlyTheLatestEntryOfARoadDecidesWhetherItIsImpassable() {
        row("A", "2024-01-01", "open", null, null);
        row("A", "2024-02-01", "blocked", "水毁", null); // never closed …
        row("A", "2024-03-01", "open", null, null);
        row("A", "2024-04-01", "blocked", "塌方", "2024-04-10"); // … but the latest entry is closed
        row("B", "2024-01-01", "open", null, null);
        row("B", "2024-02-01", "blocked", "水毁", null);
        assertThat(RoadRegister.impassableRoadCodes(entries())).containsExactly("B");
    }

    @Test
    void theTrendCountsEntriesAddedClosedAndOpenAtEachMonthEnd() {
        row("C1", "2024-01-10", "open", null, null);
        row("C1", "2024-03-05", "blocked", "水毁", null);
        row("C2", "2024-01-10", "open", null, null);
        row("C2", "2024-02-01", "blocked", "塌方", "2024-02-20");
        row("C2", "2024-02-20", "open", null, null);
        row("C2", "2024-06-15", "blocked", "桥梁损毁", null);
        row("X4", "2024-02-01", "open", null, null);
        row("X4", "2024-02-10", "blocked", "边坡垮塌", null);
        List<RegisterEntry> e = RoadRegister.withClosures(
                entries(),
                List.of(RoadClosure.of("X4", LocalDate.of(2024, 2, 10), LocalDate.of(2024, 4, 30), "transport", null)));
        YearMonth[] range = RoadRegister.trendRange(rows, e);
        assertThat(range).containsExactly(YearMonth.of(2024, 1), YearMonth.of(2024, 6));
        assertThat(RoadRegister.trend(e, range[0], range[1]))
                .extracting(m -> m.month() + " +" + m.added() + " -" + m.closed() + " =" + m.openAtEnd())
                .containsExactly(
                        "2024-01 +0 -0 =0",
                        "2024-02 +2 -1 =1", // C2 and X4 added, C2 closed on 02-20
                        "2024-03 +1 -0 =2", // C1 added
                        "2024-04 +0 -1 =1", // X4 closed on 04-30, the month's last day: not open at its end
                        "2024-05 +0 -0 =1",
                        "2024-06 +1 -0 =2"); // C2 blocked again
    }

    @Test
    void theTrendReachesTheLatestClosingAndIsEmptyWithoutInspections() {
        row("C1", "2024-01-10", "open", null, null);
        row("C1", "2024-03-05", "blocked", "水毁", null);
        List<RegisterEntry> e = RoadRegister.withClosures(
                entries(),
                List.of(RoadClosure.of("C1", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 5, 2), "transport", null)));
        assertThat(RoadRegister.trendRange(rows, e)).containsExactly(YearMonth.of(2024, 1), YearMonth.of(2024, 5));
        assertThat(RoadRegister.trendRange(List.of(), List.of())).isNull();
    }
}
