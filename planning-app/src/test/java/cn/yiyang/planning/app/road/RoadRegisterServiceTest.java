package cn.yiyang.planning.app.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.ForbiddenException;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.app.testsupport.Audits;
import cn.yiyang.planning.layers.audit.AuditFilter;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.register.RoadClosureRepository;
import cn.yiyang.planning.layers.store.JdbcAuditRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcRoadClosureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The register service over an in-memory H2GIS store holding {@link RegisterTestData}, on a fixed clock
 * (2025-01-15 07:00 in Beijing, still 2025-01-14 in UTC).
 */
class RoadRegisterServiceTest {

    static final AppUser TRANSPORT = new AppUser("transport", EnumSet.of(Role.TRANSPORT));
    static final AppUser LEADER = new AppUser("leader", EnumSet.of(Role.LEADER));
    static final AppUser ADMIN = new AppUser("admin", EnumSet.of(Role.ADMIN));
    /** 2025-01-14T23:00Z = 2025-01-15 07:00 China Standard Time. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-14T23:00:00Z"), ZoneOffset.UTC);

    private TestStores.TestStore store;
    private FeatureRepository features;
    private LayerVersions versions;
    private RoadClosureRepository closures;
    private RoadRegisterService service;
    private final LayerCatalogue catalogue = LayerCatalogue.standard();

    @BeforeEach
    void setUp() {
        store = TestStores.h2gis();
        features = new JdbcFeatureRepository(store.store());
        RegisterTestData.load(features, catalogue);
        versions = new LayerVersions(features);
        closures = new JdbcRoadClosureRepository(store.store());
        service = new RoadRegisterService(features, catalogue, versions, closures, Audits.log(store.store()), CLOCK);
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    private static List<String> keys(List<RegisterEntry> entries) {
        return entries.stream().map(RegisterEntry::key).toList();
    }

    /** Only the open, or only the closed, entries. */
    private static RegisterFilter byStatus(EntryStatus status) {
        return new RegisterFilter(status, null, null, null, null);
    }

    @Test
    void theEntriesCarryTheRoadItsCountyAndTownshipNewestFirst() {
        List<RegisterEntry> all = service.entries(RegisterFilter.ALL);
        assertThat(keys(all))
                .containsExactly(
                        "Y003/2024-07-01", "C002/2024-06-15", "C001/2024-03-05", "X004/2024-02-10", "C002/2024-02-01");
        RegisterEntry y = all.getFirst();
        assertThat(y.roadName()).isEqualTo("南茅乡道");
        assertThat(y.adminClass()).isEqualTo("township");
        assertThat(y.countyName()).isEqualTo("南县");
        assertThat(y.townshipCode()).isEqualTo("430921101");
        assertThat(y.townshipName()).isEqualTo("茅草街镇");
        assertThat(y.cause()).isEqualTo("路面严重破损");
        assertThat(y.geometry()).isNotNull();
        assertThat(y.daysOpen(service.today())).isEqualTo(198); // 2024-07-01 → 2025-01-15
        RegisterEntry x = all.get(3);
        assertThat(x.countyCode()).isEqualTo("430922");
        assertThat(x.townshipName()).isEqualTo("桃花江镇");
        RegisterEntry closed = all.get(4);
        assertThat(closed.status()).isEqualTo(EntryStatus.CLOSED);
        assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(closed.closedIn()).isEqualTo(ClosureSource.INSPECTION);
        assertThat(service.today()).as("today in Beijing, not UTC").isEqualTo(LocalDate.of(2025, 1, 15));
    }

    @Test
    void filtersByStatusCountyTownshipAndBlockedDates() {
        assertThat(keys(service.entries(byStatus(EntryStatus.OPEN))))
                .containsExactly("Y003/2024-07-01", "C002/2024-06-15", "C001/2024-03-05", "X004/2024-02-10");
        assertThat(keys(service.entries(byStatus(EntryStatus.CLOSED)))).containsExactly("C002/2024-02-01");
        assertThat(keys(service.entries(new RegisterFilter(null, "430922", null, null, null))))
                .containsExactly("X004/2024-02-10");
        assertThat(keys(service.entries(new RegisterFilter(null, null, "430921101", null, null))))
                .containsExactly("Y003/2024-07-01", "C002/2024-06-15", "C002/2024-02-01");
        assertThat(keys(service.entries(new RegisterFilter(
                        EntryStatus.OPEN, "430921", null, LocalDate.of(2024, 3, 5), LocalDate.of(2024, 6, 15)))))
                .as("dates inclusive")
                .containsExactly("C002/2024-06-15", "C001/2024-03-05");
        assertThat(service.counties())
                .extracting(RoadRegisterService.Area::name)
                .containsExactly("南县", "桃江县");
        assertThat(service.townships("430921"))
                .extracting(RoadRegisterService.Area::name)
                .containsExactly("南洲镇", "茅草街镇");
    }

    @Test
    void theImpassableRoadsAreThoseWhoseLatestEntryIsOpen() {
        assertThat(service.impassableRoadCodes()).containsExactly("C001", "C002", "X004", "Y003");
        service.close(TRANSPORT, "C002", RegisterTestData.C002_AGAIN, LocalDate.of(2024, 8, 1), null);
        assertThat(service.impassableRoadCodes()).containsExactly("C001", "X004", "Y003");
    }

    @Test
    void theTransportRoleClosesAnEntryWhichIsThenClosedForEveryone() {
        RegisterEntry closed =
                service.close(TRANSPORT, "Y003", RegisterTestData.Y003_BLOCKED, LocalDate.of(2024, 8, 1), " 路面已修复 ");
        assertThat(closed.status()).isEqualTo(EntryStatus.CLOSED);
        assertThat(closed.closedBy()).isEqualTo("transport");
        assertThat(closed.closedIn()).isEqualTo(ClosureSource.APP);
        assertThat(closed.note()).isEqualTo("路面已修复");
        assertThat(closed.daysOpen(service.today())).isEqualTo(31);

        RoadRegisterService another =
                new RoadRegisterService(features, catalogue, versions, closures, Audits.log(store.store()), CLOCK);
        RegisterEntry read =
                another.entry("Y003", RegisterTestData.Y003_BLOCKED).orElseThrow();
        assertThat(read.closedOn()).isEqualTo(LocalDate.of(2024, 8, 1));
        assertThat(read.closedBy()).isEqualTo("transport");
        assertThat(keys(another.entries(byStatus(EntryStatus.CLOSED))))
                .containsExactly("Y003/2024-07-01", "C002/2024-02-01");
        assertThat(service.impassableRoadCodes()).doesNotContain("Y003");
        assertThat(new JdbcAuditRepository(store.store()).find(AuditFilter.all(10)))
                .as("the closing in the audit record")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.user()).isEqualTo("transport");
                    assertThat(e.action()).isEqualTo("register-close");
                    assertThat(e.layer()).isEqualTo("road");
                    assertThat(e.feature()).isEqualTo("Y003");
                    assertThat(e.detail()).isEqualTo("blocked 2024-07-01, closed 2024-08-01");
                });
        // an administrator may close too; today is the latest date allowed
        assertThat(service.close(ADMIN, "C001", RegisterTestData.C001_BLOCKED, LocalDate.of(2025, 1, 15), null)
                        .closedOn())
                .isEqualTo(LocalDate.of(2025, 1, 15));
    }

    @Test
    void closingIsRefusedToOtherRolesForUnknownOrClosedEntriesAndBadDates() {
        assertThatThrownBy(() ->
                        service.close(LEADER, "C001", RegisterTestData.C001_BLOCKED, LocalDate.of(2024, 4, 1), null))
                .isInstanceOf(ForbiddenException.class);
        assertThat(new JdbcAuditRepository(store.store()).find(AuditFilter.all(10)))
                .as("a refused closing is not recorded")
                .isEmpty();
        assertThatThrownBy(() ->
                        service.close(TRANSPORT, "C001", LocalDate.of(2024, 3, 6), LocalDate.of(2024, 4, 1), null))
                .isInstanceOf(RegisterEntryNotFoundException.class);
        assertThatThrownBy(() -> service.close(TRANSPORT, "C001", "2024-13-01", "2024-04-01", null))
                .isInstanceOf(RegisterEntryNotFoundException.class);
        assertThatThrownBy(() ->
                        service.close(TRANSPORT, "C002", RegisterTestData.C002_FIRST, LocalDate.of(2024, 4, 1), null))
                .as("closed by its inspection row")
                .isInstanceOfSatisfying(
                        RegisterEntryClosedException.class,
                        e -> assertThat(e.entry().closedOn()).isEqualTo(LocalDate.of(2024, 2, 20)));
        assertThatThrownBy(() ->
                        service.close(TRANSPORT, "C001", RegisterTestData.C001_BLOCKED, LocalDate.of(2024, 3, 4), null))
                .isInstanceOfSatisfying(
                        ClosingDateException.class,
                        e -> assertThat(e.reason()).isEqualTo(ClosingDateException.Reason.BEFORE_BLOCKED));
        assertThatThrownBy(() -> service.close(
                        TRANSPORT, "C001", RegisterTestData.C001_BLOCKED, LocalDate.of(2025, 1, 16), null))
                .isInstanceOfSatisfying(
                        ClosingDateException.class, e -> assertThat(e.limit()).isEqualTo(LocalDate.of(2025, 1, 15)));
        assertThatThrownBy(() -> service.close(TRANSPORT, "C001", "2024-03-05", "5 April", null))
                .isInstanceOfSatisfying(
                        ClosingDateException.class,
                        e -> assertThat(e.reason()).isEqualTo(ClosingDateException.Reason.NOT_A_DATE));
        assertThatThrownBy(() -> service.close(
                        TRANSPORT, "C001", RegisterTestData.C001_BLOCKED, LocalDate.of(2024, 4, 1), "长".repeat(501)))
                .isInstanceOf(BadValueException.class);
        assertThat(service.entry("C001", RegisterTestData.C001_BLOCKED)
                        .orElseThrow()
                        .open())
                .as("nothing refused was stored")
                .isTrue();
        assertThat(service.close(TRANSPORT, "C001", RegisterTestData.C001_BLOCKED, RegisterTestData.C001_BLOCKED, null)
                        .closedOn())
                .as("the blocked day itself is allowed")
                .isEqualTo(RegisterTestData.C001_BLOCKED);
        assertThatThrownBy(() ->
                        service.close(ADMIN, "C001", RegisterTestData.C001_BLOCKED, LocalDate.of(2024, 4, 1), null))
                .as("closed in the app")
                .isInstanceOf(RegisterEntryClosedException.class);
    }

    @Test
    void aRoadBlockedAgainAfterItsEntryWasClosedInTheAppOpensANewEntry() {
        service.close(TRANSPORT, "C001", RegisterTestData.C001_BLOCKED, LocalDate.of(2024, 4, 1), null);
        assertThat(service.impassableRoadCodes()).doesNotContain("C001");
        features.load(
                catalogue.get("road_inspection"),
                LoadMode.APPEND,
                List.of(
                                RegisterTestData.inspection("C001", "2024-04-01", "open", null, null),
                                RegisterTestData.inspection("C001", "2024-09-09", "blocked", "水毁", null))
                        .iterator());
        versions.changed("road_inspection"); // as an import does after a load
        assertThat(keys(service.entries(new RegisterFilter(null, null, "430921100", null, null))))
                .containsExactly("C001/2024-09-09", "C001/2024-03-05");
        assertThat(service.entry("C001", RegisterTestData.C001_BLOCKED)
                        .orElseThrow()
                        .closedBy())
                .isEqualTo("transport");
        assertThat(service.impassableRoadCodes()).contains("C001");
    }

    @Test
    void theTrendRunsFromTheFirstInspectionToTheLatestClosing() {
        assertThat(service.trend())
                .extracting(m -> m.month() + " +" + m.added() + " -" + m.closed() + " =" + m.openAtEnd())
                .containsExactly(
                        "2024-01 +0 -0 =0",
                        "2024-02 +2 -1 =1",
                        "2024-03 +1 -0 =2",
                        "2024-04 +0 -0 =2",
                        "2024-05 +0 -0 =2",
                        "2024-06 +1 -0 =3",
                        "2024-07 +1 -0 =4");
        service.close(TRANSPORT, "Y003", RegisterTestData.Y003_BLOCKED, LocalDate.of(2024, 8, 1), null);
        List<TrendMonth> trend = service.trend();
        assertThat(trend.getLast()).isEqualTo(new TrendMonth(YearMonth.of(2024, 8), 0, 1, 3));
    }

    @Test
    void anEntryWhoseRoadTheRoadLayerLacksIsListedWithItsCodeOnly() {
        features.load(
                catalogue.get("road_inspection"),
                LoadMode.APPEND,
                List.of(
                                RegisterTestData.inspection("G999", "2024-01-01", "open", null, null),
                                RegisterTestData.inspection("G999", "2024-01-02", "blocked", null, null))
                        .iterator());
        versions.changed("road_inspection");
        RegisterEntry e = service.entry("G999", LocalDate.of(2024, 1, 2)).orElseThrow();
        assertThat(e.roadName()).isNull();
        assertThat(e.countyCode()).isNull();
        assertThat(e.geometry()).isNull();
        assertThat(e.cause()).isNull();
    }
}
