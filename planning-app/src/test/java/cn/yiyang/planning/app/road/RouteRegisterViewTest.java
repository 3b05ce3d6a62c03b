package cn.yiyang.planning.app.road;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The register page per route, without a server or browser, over {@link RouteRegisterTestData}: the route column and
 * how a route inspection reached each entry, the route filter (and the CSV link with it), the per-route summary.
 */
class RouteRegisterViewTest {

    private TestStores.TestStore store;
    private RoadRegisterService service;

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes());
        store = TestStores.h2gis();
        service = RouteRegisterTestData.service(store.store());
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        store.close();
    }

    private void open(Locale locale) {
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().add(new RoadRegisterView(service, RoadRegisterServiceTest.TRANSPORT, null));
    }

    @SuppressWarnings("unchecked")
    private static Grid<RegisterEntry> grid() {
        return _get(Grid.class, s -> s.withId("road-register-grid"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<RouteSummary> routes() {
        return _get(Grid.class, s -> s.withId("road-register-routes"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> route() {
        return _get(ComboBox.class, s -> s.withId("road-register-route"));
    }

    private static List<String> keys() {
        return grid().getListDataView().getItems().map(RegisterEntry::key).toList();
    }

    @Test
    void theGridShowsTheRouteAndHowARouteInspectionReachedEachSegmentInChineseFirst() {
        open(Locale.SIMPLIFIED_CHINESE);

        assertThat(grid().getColumnByKey("route").getHeaderText()).isEqualTo("路线");
        assertThat(GridKt._getFormattedRow(grid(), 0)).endsWith("Y002430923", "路线 Y002430923：全部 2 个路段");
        assertThat(GridKt._getFormattedRow(grid(), 2)).endsWith("X001430923", "");
        assertThat(GridKt._getFormattedRow(grid(), 3))
                .endsWith("X001430923", "路线 X001430923 桩号 K2+500：路段 X001430923-2");
        assertThat(GridKt._getFormattedRow(grid(), 4)).endsWith("", "");
        assertThat(route().getListDataView().getItems().toList()).containsExactly("X001430923", "Y002430923");
    }

    @Test
    void theRouteFilterNarrowsTheEntriesTheCsvAndTheSummary() {
        open(Locale.SIMPLIFIED_CHINESE);
        assertThat(GridKt._size(routes())).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(routes(), 0)).containsExactly("X001430923", "3", "5.87", "2", "2", "3.92");
        assertThat(GridKt._getFormattedRow(routes(), 1)).containsExactly("Y002430923", "2", "4.90", "2", "2", "4.90");

        route().setValue("X001430923");

        assertThat(keys()).containsExactly("X001430923-3/2024-04-01", "X001430923-2/2024-03-01");
        assertThat(_get(Anchor.class, s -> s.withId("road-register-csv")).getHref())
                .isEqualTo("api/v1/road-register.csv?route=X001430923");
        assertThat(GridKt._size(routes())).isEqualTo(1);
    }

    @Test
    void aClickOnARouteOfTheSummaryFiltersByItInEnglish() {
        open(Locale.ENGLISH);
        assertThat(routes().getColumnByKey("lengthAffected").getHeaderText()).isEqualTo("Length affected (km)");
        assertThat(GridKt._getFormattedRow(grid(), 0)).endsWith("Y002430923", "Route Y002430923: all 2 segments");

        GridKt._clickItem(routes(), 1);

        assertThat(route().getValue()).isEqualTo("Y002430923");
        assertThat(keys()).containsExactly("Y002430923-1/2024-05-01", "Y002430923-2/2024-05-01");
    }
}
