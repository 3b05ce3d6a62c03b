package cn.yiyang.planning.app.access;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.geo.access.RouteAccess;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link RouteAccessContract} on an in-memory H2GIS store, and the per-route table of the road-access page. */
class H2gisRouteAccessTest extends RouteAccessContract {

    @Override
    TestStores.TestStore open() {
        return TestStores.h2gis();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRoadAccessPageShowsEachRouteChineseFirst() {
        MockVaadin.setup(new Routes());
        try {
            UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
            RoadAccessView view = new RoadAccessView(runner, service, TRANSPORT);
            UI.getCurrent().add(view);

            assertThat(_get(view, Div.class, s -> s.withId("access-routes-card"))
                            .isVisible())
                    .isTrue();
            Grid<RouteAccess.Route> grid = _get(view, Grid.class, s -> s.withId("access-routes"));
            assertThat(grid.getColumnByKey("connected").getHeaderText()).isEqualTo("连通路网里程（公里）");
            assertThat(GridKt._size(grid)).isEqualTo(2);
            assertThat(GridKt._getFormattedRow(grid, 0)).containsExactly("X001430923", "2", "4.90", "4.90", "4.90", "");
            assertThat(GridKt._getFormattedRow(grid, 1))
                    .containsExactly("Y002430923", "2", "3.92", "1.96", "0.00", "Y002430923-1、Y002430923-2");
        } finally {
            MockVaadin.tearDown();
        }
    }
}
