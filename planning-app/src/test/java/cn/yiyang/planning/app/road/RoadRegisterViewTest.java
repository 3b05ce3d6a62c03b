package cn.yiyang.planning.app.road;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcRoadClosureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The register page without a server or browser, over an in-memory H2GIS store holding
 * {@link RegisterTestData} on a fixed clock (2025-01-15 in Beijing): the grid and its filters, the map's red
 * and grey roads, the trend chart, and 销号 through the dialog for the transport role only.
 */
class RoadRegisterViewTest {

    private TestStores.TestStore store;
    private RoadRegisterService service;

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        store = TestStores.h2gis();
        FeatureRepository features = new JdbcFeatureRepository(store.store());
        LayerCatalogue catalogue = LayerCatalogue.standard();
        RegisterTestData.load(features, catalogue);
        service = new RoadRegisterService(features, catalogue, new LayerVersions(features),
                new JdbcRoadClosureRepository(store.store()), RoadRegisterServiceTest.CLOCK);
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        store.close();
    }

    private RoadRegisterView open(AppUser user) {
        RoadRegisterView view = new RoadRegisterView(service, user, null);
        UI.getCurrent().add(view);
        return view;
    }

    private static List<String> keys(RoadRegisterView view) {
        return view.shown().stream().map(RegisterEntry::key).toList();
    }

    @Test
    void theGridListsEveryEntryWithItsDaysAndTheFiltersNarrowIt() {
        RoadRegisterView view = open(RoadRegisterServiceTest.TRANSPORT);
        assertThat(view.getPageTitle()).isEqualTo("通返不通台账");
        assertThat(keys(view)).hasSize(5);
        assertThat(view.summary().getText()).isEqualTo("未销号 4 条，已销号 1 条；当前不通道路 4 条");
        assertThat(view.getElement().getTextRecursively()).contains("上一次巡查为“通”", "销号");
        assertThat(GridKt._size(view.grid())).isEqualTo(5);
        assertThat(GridKt._getFormattedRow(view.grid(), 0)).containsSequence("南茅乡道 · Y003", "乡道", "南县", "茅草街镇",
                "路面严重破损", "2024-07-01", "198");
        assertThat(GridKt._getFormattedRow(view.grid(), 4)).contains("2024-02-20", "巡查记录");

        view.status().setValue("open");
        assertThat(keys(view)).containsExactly("Y003/2024-07-01", "C002/2024-06-15", "C001/2024-03-05",
                "X004/2024-02-10");
        assertThat(view.csv().getHref()).isEqualTo("api/v1/road-register.csv?status=open");
        view.county().setValue(view.county().getListDataView().getItems()
                .filter(a -> a.name().equals("桃江县")).findFirst().orElseThrow());
        assertThat(keys(view)).containsExactly("X004/2024-02-10");
        assertThat(view.csv().getHref()).isEqualTo("api/v1/road-register.csv?status=open&county=430922");
        assertThat(view.map().getOverlayCount()).isEqualTo(1);
    }

    @Test
    void theMapDrawsOpenRoadsInRedOverClosedOnesInGreyAndARowZoomsToItsRoad() {
        RoadRegisterView view = open(RoadRegisterServiceTest.TRANSPORT);
        assertThat(view.map().getOverlayCount()).isEqualTo(5);
        assertThat(view.map().getLastFit()).isPresent();
        RegisterEntry x = view.shown().stream().filter(e -> e.roadCode().equals("X004")).findFirst().orElseThrow();
        view.grid().select(x);
        var fit = view.map().getLastFit().orElseThrow();
        // the road's box, 112.7–112.8E, widened by a fifth of its size and 0.002°
        assertThat(fit.getMinX()).isCloseTo(112.678, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(fit.getMaxX()).isCloseTo(112.822, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theTransportUserClosesAnOpenEntryThroughTheDialog() {
        RoadRegisterView view = open(RoadRegisterServiceTest.TRANSPORT);
        assertThat(view.closeButton().isEnabled()).as("nothing selected").isFalse();
        RegisterEntry closed = view.shown().stream().filter(e -> !e.open()).findFirst().orElseThrow();
        view.grid().select(closed);
        assertThat(view.closeButton().isEnabled()).as("a closed entry").isFalse();
        RegisterEntry y = view.shown().getFirst();
        view.grid().select(y);
        assertThat(view.closeButton().isEnabled()).isTrue();
        _click(view.closeButton());

        CloseEntryDialog dialog = view.dialog();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("销号：南茅乡道 (Y003)（2024-07-01 起不通）");
        assertThat(dialog.date().getValue()).as("today by default").isEqualTo(LocalDate.of(2025, 1, 15));
        assertThat(dialog.date().getMin()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(dialog.date().getMax()).isEqualTo(LocalDate.of(2025, 1, 15));
        dialog.date().setValue(LocalDate.of(2024, 8, 1));
        dialog.note().setValue("路面已修复");
        _click(dialog.confirmButton());

        assertThat(dialog.isOpened()).isFalse();
        RegisterEntry now = view.shown().getFirst();
        assertThat(now.key()).isEqualTo("Y003/2024-07-01");
        assertThat(now.open()).isFalse();
        assertThat(GridKt._getFormattedRow(view.grid(), 0)).contains("2024-08-01", "transport", "31");
        assertThat(view.summary().getText()).isEqualTo("未销号 3 条，已销号 2 条；当前不通道路 3 条");
        assertThat(view.closeButton().isEnabled()).as("the selected entry is closed now").isFalse();
        assertThat(view.trend().svgText()).contains("2024-08：新增 0 条，销号 1 条，月末未销号 3 条");
    }

    @Test
    void aDateTheRegisterRefusesIsShownOnTheDatePicker() {
        RoadRegisterView view = open(RoadRegisterServiceTest.ADMIN);
        RegisterEntry c = view.shown().stream().filter(e -> e.roadCode().equals("C001")).findFirst().orElseThrow();
        view.openDialog(c);
        CloseEntryDialog dialog = view.dialog();
        dialog.date().setMin(null); // as a user typing past the picker's limits
        dialog.date().setValue(LocalDate.of(2024, 3, 1));
        _click(dialog.confirmButton());
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.date().isInvalid()).isTrue();
        assertThat(dialog.date().getErrorMessage()).contains("早于道路不通日期", "2024-03-05");
        assertThat(service.entry("C001", RegisterTestData.C001_BLOCKED).orElseThrow().open()).isTrue();
    }

    @Test
    void otherRolesReadTheRegisterButCannotClose() {
        RoadRegisterView view = open(RoadRegisterServiceTest.LEADER);
        view.grid().select(view.shown().getFirst());
        assertThat(view.closeButton().isEnabled()).isFalse();
        assertThat(view.closeButton().getTooltip().getText()).contains("只有交通运输部门和管理员可以销号");
        view.openDialog(view.shown().getFirst());
        assertThat(view.dialog()).isNull();
    }

    @Test
    void theTrendChartIsAnAccessibleSvgWithEveryMonth() {
        RoadRegisterView view = open(RoadRegisterServiceTest.TRANSPORT);
        String svg = view.trend().svgText();
        assertThat(svg).startsWith("<svg").contains("role=\"img\"", "<title id=\"trend-title\">月度趋势</title>",
                "2024-01 至 2024-07", "2024-02：新增 2 条，销号 1 条，月末未销号 1 条", "月末未销号", "class=\"trend-open\"")
                .doesNotContain("style=");
        assertThat(svg.split("<g class=\"trend-month\">", -1)).hasSize(8); // seven months
        assertThat(TrendChart.niceCeiling(4)).isEqualTo(4);
        assertThat(TrendChart.niceCeiling(37)).isEqualTo(40);
        assertThat(TrendChart.niceCeiling(120)).isEqualTo(200);
    }
}
