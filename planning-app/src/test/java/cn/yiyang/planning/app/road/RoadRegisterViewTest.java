package cn.yiyang.planning.app.road;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.map.PlanningMap;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.testsupport.AsText;
import cn.yiyang.planning.app.testsupport.Audits;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcRoadClosureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.data.Offset;
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
        service = new RoadRegisterService(
                features,
                catalogue,
                new LayerVersions(features),
                new JdbcRoadClosureRepository(store.store()),
                Audits.log(store.store()),
                RoadRegisterServiceTest.CLOCK);
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

    private static List<String> keys() {
        return shown().stream().map(RegisterEntry::key).toList();
    }

    // The page's parts, found by their ids as a browser test finds them.

    @SuppressWarnings("unchecked")
    private static Grid<RegisterEntry> grid() {
        return _get(Grid.class, s -> s.withId("road-register-grid"));
    }

    /** The entries the grid shows, in its order. */
    private static List<RegisterEntry> shown() {
        return grid().getListDataView().getItems().toList();
    }

    private static Span summary() {
        return _get(Span.class, s -> s.withId("road-register-summary"));
    }

    @SuppressWarnings("unchecked")
    private static Select<String> status() {
        return _get(Select.class, s -> s.withId("road-register-status"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<RoadRegisterService.Area> county() {
        return _get(ComboBox.class, s -> s.withId("road-register-county"));
    }

    private static Anchor csv() {
        return _get(Anchor.class, s -> s.withId("road-register-csv"));
    }

    private static PlanningMap map() {
        return _get(PlanningMap.class, s -> s.withId("road-register-map"));
    }

    private static Button closeButton() {
        return _get(Button.class, s -> s.withId("road-register-close"));
    }

    // The 销号 dialog's fields (found while it is open).

    private static DatePicker closeDate() {
        return _get(DatePicker.class, s -> s.withId("road-register-close-date"));
    }

    private static TextArea closeNote() {
        return _get(TextArea.class, s -> s.withId("road-register-close-note"));
    }

    private static Button closeConfirm() {
        return _get(Button.class, s -> s.withId("road-register-close-confirm"));
    }

    /** The trend chart's SVG, as the browser receives it. */
    private static String trendSvg() {
        return _get(TrendChart.class, s -> s.withId("road-register-trend"))
                .getElement()
                .getProperty("innerHTML");
    }

    @Test
    void aCauseWithMarkupIsShownAsText() {
        FeatureRepository features = new JdbcFeatureRepository(store.store());
        features.load(
                LayerCatalogue.standard().get("road_inspection"),
                LoadMode.APPEND,
                List.of(RegisterTestData.inspection("C005", "2024-08-01", "blocked", AsText.IMG, null))
                        .iterator());
        RoadRegisterView view = open(RoadRegisterServiceTest.TRANSPORT);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid()); i++) {
            rows.add(String.join("|", GridKt._getFormattedRow(grid(), i)));
        }
        assertThat(String.join("\n", rows)).contains(AsText.IMG);
        AsText.assertAsText(view);
    }

    @Test
    void theGridListsEveryEntryWithItsDaysAndTheFiltersNarrowIt() {
        RoadRegisterView view = open(RoadRegisterServiceTest.TRANSPORT);
        assertThat(view.getPageTitle()).isEqualTo("通返不通台账");
        assertThat(keys()).hasSize(5);
        assertThat(summary().getText()).isEqualTo("未销号 4 条，已销号 1 条；当前不通道路 4 条");
        assertThat(view.getElement().getTextRecursively()).contains("上一次巡查为“通”", "销号");
        assertThat(GridKt._size(grid())).isEqualTo(5);
        assertThat(GridKt._getFormattedRow(grid(), 0))
                .containsSequence("南茅乡道 · Y003", "乡道", "南县", "茅草街镇", "路面严重破损", "2024-07-01", "198");
        assertThat(GridKt._getFormattedRow(grid(), 4)).contains("2024-02-20", "巡查记录");

        status().setValue("open");
        assertThat(keys()).containsExactly("Y003/2024-07-01", "C002/2024-06-15", "C001/2024-03-05", "X004/2024-02-10");
        assertThat(csv().getHref()).isEqualTo("api/v1/road-register.csv?status=open");
        county().setValue(county().getListDataView()
                .getItems()
                .filter(a -> a.name().equals("桃江县"))
                .findFirst()
                .orElseThrow());
        assertThat(keys()).containsExactly("X004/2024-02-10");
        assertThat(csv().getHref()).isEqualTo("api/v1/road-register.csv?status=open&county=430922");
        assertThat(map().getOverlayCount()).isEqualTo(1);
    }

    @Test
    void theMapDrawsOpenRoadsInRedOverClosedOnesInGreyAndARowZoomsToItsRoad() {
        open(RoadRegisterServiceTest.TRANSPORT);
        assertThat(map().getOverlayCount()).isEqualTo(5);
        assertThat(map().getLastFit()).isPresent();
        RegisterEntry x = shown().stream()
                .filter(e -> e.roadCode().equals("X004"))
                .findFirst()
                .orElseThrow();
        grid().select(x);
        var fit = map().getLastFit().orElseThrow();
        // the road's box, 112.7–112.8E, widened by a fifth of its size and 0.002°
        assertThat(fit.getMinX()).isCloseTo(112.678, Offset.offset(1e-9));
        assertThat(fit.getMaxX()).isCloseTo(112.822, Offset.offset(1e-9));
    }

    @Test
    void theTransportUserClosesAnOpenEntryThroughTheDialog() {
        open(RoadRegisterServiceTest.TRANSPORT);
        assertThat(closeButton().isEnabled()).as("nothing selected").isFalse();
        RegisterEntry closed =
                shown().stream().filter(e -> !e.open()).findFirst().orElseThrow();
        grid().select(closed);
        assertThat(closeButton().isEnabled()).as("a closed entry").isFalse();
        RegisterEntry y = shown().getFirst();
        grid().select(y);
        assertThat(closeButton().isEnabled()).isTrue();
        _click(closeButton());

        CloseEntryDialog dialog = _get(CloseEntryDialog.class);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("销号：南茅乡道 (Y003)（2024-07-01 起不通）");
        assertThat(closeDate().getValue()).as("today by default").isEqualTo(LocalDate.of(2025, 1, 15));
        assertThat(closeDate().getMin()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(closeDate().getMax()).isEqualTo(LocalDate.of(2025, 1, 15));
        closeDate().setValue(LocalDate.of(2024, 8, 1));
        closeNote().setValue("路面已修复");
        _click(closeConfirm());

        assertThat(dialog.isOpened()).isFalse();
        RegisterEntry now = shown().getFirst();
        assertThat(now.key()).isEqualTo("Y003/2024-07-01");
        assertThat(now.open()).isFalse();
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains("2024-08-01", "transport", "31");
        assertThat(summary().getText()).isEqualTo("未销号 3 条，已销号 2 条；当前不通道路 3 条");
        assertThat(closeButton().isEnabled())
                .as("the selected entry is closed now")
                .isFalse();
        assertThat(trendSvg()).contains("2024-08：新增 0 条，销号 1 条，月末未销号 3 条");
    }

    @Test
    void aDateTheRegisterRefusesIsShownOnTheDatePicker() {
        RoadRegisterView view = open(RoadRegisterServiceTest.ADMIN);
        RegisterEntry c = shown().stream()
                .filter(e -> e.roadCode().equals("C001"))
                .findFirst()
                .orElseThrow();
        view.openDialog(c);
        CloseEntryDialog dialog = _get(CloseEntryDialog.class);
        closeDate().setMin(null); // as a user typing past the picker's limits
        closeDate().setValue(LocalDate.of(2024, 3, 1));
        _click(closeConfirm());
        assertThat(dialog.isOpened()).isTrue();
        assertThat(closeDate().isInvalid()).isTrue();
        assertThat(closeDate().getErrorMessage()).contains("早于道路不通日期", "2024-03-05");
        assertThat(service.entry("C001", RegisterTestData.C001_BLOCKED)
                        .orElseThrow()
                        .open())
                .isTrue();
    }

    @Test
    void otherRolesReadTheRegisterButCannotClose() {
        RoadRegisterView view = open(RoadRegisterServiceTest.LEADER);
        grid().select(shown().getFirst());
        assertThat(closeButton().isEnabled()).isFalse();
        assertThat(closeButton().getTooltip().getText()).contains("只有交通运输部门和管理员可以销号");
        view.openDialog(shown().getFirst());
        _assertNone(CloseEntryDialog.class);
    }

    @Test
    void theTrendChartIsAnAccessibleSvgWithEveryMonth() {
        open(RoadRegisterServiceTest.TRANSPORT);
        String svg = trendSvg();
        assertThat(svg)
                .startsWith("<svg")
                .contains(
                        "role=\"img\"",
                        "<title id=\"trend-title\">月度趋势</title>",
                        "2024-01 至 2024-07",
                        "2024-02：新增 2 条，销号 1 条，月末未销号 1 条",
                        "月末未销号",
                        "class=\"trend-open\"")
                .doesNotContain("style=");
        assertThat(svg.split("<g class=\"trend-month\">", -1)).hasSize(8); // seven months
        assertThat(TrendChart.niceCeiling(4)).isEqualTo(4);
        assertThat(TrendChart.niceCeiling(37)).isEqualTo(40);
        assertThat(TrendChart.niceCeiling(120)).isEqualTo(200);
    }
}
