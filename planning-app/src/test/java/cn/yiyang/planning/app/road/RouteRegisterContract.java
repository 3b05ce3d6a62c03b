package cn.yiyang.planning.app.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The register per route and per segment over {@link RouteRegisterTestData}: inspections naming only a route or a
 * route and a stake reach the segments they apply to and say so; the route filter; the per-route summary; the route
 * in the CSV and JSON. Subclasses name the store.
 */
abstract class RouteRegisterContract {

    private TestStores.TestStore store;
    private RoadRegisterService service;

    abstract TestStores.TestStore open();

    @BeforeEach
    void setUp() {
        store = open();
        service = RouteRegisterTestData.service(store.store());
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    private static List<String> keys(List<RegisterEntry> entries) {
        return entries.stream().map(RegisterEntry::key).toList();
    }

    @Test
    void inspectionsNamingARouteReachTheSegmentsTheyApplyToAndSaySo() {
        List<RegisterEntry> all = service.entries(RegisterFilter.ALL);

        assertThat(keys(all))
                .containsExactly(
                        "Y002430923-1/2024-05-01",
                        "Y002430923-2/2024-05-01",
                        "X001430923-3/2024-04-01",
                        "X001430923-2/2024-03-01",
                        "C009/2024-02-01");
        assertThat(all)
                .extracting(RegisterEntry::routeCode)
                .containsExactly("Y002430923", "Y002430923", "X001430923", "X001430923", null);
        RouteScope wholeRoute = new RouteScope("Y002430923", null, List.of("Y002430923-1", "Y002430923-2"), 2, true);
        assertThat(all.get(0).scope()).isEqualTo(wholeRoute);
        assertThat(all.get(1).scope()).isEqualTo(wholeRoute);
        assertThat(all.get(1).cause()).isEqualTo("路基沉陷");
        assertThat(all.get(1).townshipName()).isEqualTo("南洲镇");
        assertThat(all.get(2).scope()).as("the row named the segment").isNull();
        assertThat(all.get(3).scope())
                .isEqualTo(new RouteScope("X001430923", "K2+500", List.of("X001430923-2"), 3, true));
        assertThat(all.get(3).roadName()).isEqualTo("兰溪至泉交河");
        assertThat(all.get(3).townshipName()).isEqualTo("茅草街镇");
        assertThat(service.impassableRoadCodes())
                .as("a route found impassable without a stake: every segment of it")
                .containsExactly("C009", "X001430923-2", "X001430923-3", "Y002430923-1", "Y002430923-2");
        assertThat(service.routeCodes()).containsExactly("X001430923", "Y002430923");
    }

    @Test
    void theRouteFilterAndThePerRouteSummary() {
        assertThat(keys(service.entries(new RegisterFilter(null, null, null, null, null, "X001430923"))))
                .containsExactly("X001430923-3/2024-04-01", "X001430923-2/2024-03-01");

        List<RouteSummary> routes = service.routes(RegisterFilter.ALL);

        assertThat(routes).extracting(RouteSummary::routeCode).containsExactly("X001430923", "Y002430923");
        RouteSummary x = routes.get(0);
        assertThat(x.segments()).isEqualTo(3);
        assertThat(x.lengthM()).isCloseTo(RouteRegisterTestData.X_LENGTH, within(0.01));
        assertThat(x.entries()).isEqualTo(2);
        assertThat(x.openEntries()).isEqualTo(2);
        assertThat(x.segmentsOpen()).isEqualTo(2);
        assertThat(x.lengthAffectedM()).isCloseTo(RouteRegisterTestData.X_AFFECTED, within(0.01));
        RouteSummary y = routes.get(1);
        assertThat(y.segments()).isEqualTo(2);
        assertThat(y.segmentsOpen()).isEqualTo(2);
        assertThat(y.lengthM()).isCloseTo(RouteRegisterTestData.Y_LENGTH, within(0.01));
        assertThat(y.lengthAffectedM()).isCloseTo(RouteRegisterTestData.Y_LENGTH, within(0.01));

        assertThat(service.routes(new RegisterFilter(null, null, null, null, LocalDate.of(2024, 3, 31), null)))
                .as("over the entries listed: blocked up to 2024-03-31")
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.routeCode()).isEqualTo("X001430923");
                    assertThat(r.segments()).isEqualTo(3);
                    assertThat(r.entries()).isEqualTo(1);
                    assertThat(r.segmentsOpen()).isEqualTo(1);
                    assertThat(r.lengthAffectedM()).isCloseTo(2937.1234, within(0.01));
                });
    }

    @Test
    void closingOneSegmentOfARouteLeavesTheOthersOpen() {
        service.close(
                RoadRegisterServiceTest.TRANSPORT,
                "Y002430923-1",
                LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 6, 1),
                "修复");

        assertThat(service.impassableRoadCodes()).contains("Y002430923-2").doesNotContain("Y002430923-1");
        RouteSummary y = service.routes(new RegisterFilter(null, null, null, null, null, "Y002430923"))
                .getFirst();
        assertThat(y.openEntries()).isEqualTo(1);
        assertThat(y.segmentsOpen()).isEqualTo(1);
        assertThat(y.lengthAffectedM()).isCloseTo(2937.1234, within(0.01));
    }

    @Test
    void theCsvAndTheJsonCarryTheRouteAndHowTheRouteInspectionReachedTheEntry() throws Exception {
        Messages messages = new Messages();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<RegisterEntry> entries = service.entries(RegisterFilter.ALL);

        RegisterCsv.write(entries, service.today(), messages, Locale.SIMPLIFIED_CHINESE, out);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).endsWith(",note,route_code,route_inspection");
        assertThat(lines.get(1)).startsWith("Y002430923-1,").endsWith(",Y002430923,路线 Y002430923：全部 2 个路段");
        assertThat(lines.get(3)).startsWith("X001430923-3,").endsWith(",X001430923,");
        assertThat(lines.get(4)).endsWith(",X001430923,路线 X001430923 桩号 K2+500：路段 X001430923-2");
        assertThat(lines.get(5)).startsWith("C009,").endsWith(",,");

        RegisterJson json = RegisterJson.of(entries.get(3), service.today(), messages, Locale.ENGLISH);
        assertThat(json.routeCode()).isEqualTo("X001430923");
        assertThat(json.routeScope().segments()).containsExactly("X001430923-2");
        assertThat(json.routeScopeLabel()).isEqualTo("Route X001430923 at stake K2+500: segment X001430923-2");
    }
}
