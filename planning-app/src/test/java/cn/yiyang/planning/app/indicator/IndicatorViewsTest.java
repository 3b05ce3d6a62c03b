package cn.yiyang.planning.app.indicator;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.app.testsupport.Audits;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.layers.analysis.CatalogueIndicator;
import cn.yiyang.planning.layers.analysis.IndicatorEntry;
import cn.yiyang.planning.layers.analysis.IndicatorTarget;
import cn.yiyang.planning.layers.audit.AuditFilter;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.store.JdbcAuditRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcIndicatorCatalogueRepository;
import cn.yiyang.planning.layers.store.JdbcIndicatorEntryRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The entry form and the targets page without a server or browser, over an in-memory H2GIS store migrated to V16
 * with {@link IndicatorTestData}: a planner enters a village's collective income, a leader may only read, a value out
 * of range is refused; an administrator adds 2026-2030 targets and the change is listed; a leader sees no editor.
 */
class IndicatorViewsTest {

    static final AppUser PLANNER = new AppUser("planner", EnumSet.of(Role.PLANNER));
    static final AppUser LEADER = new AppUser("leader", EnumSet.of(Role.LEADER));
    static final AppUser ADMIN = new AppUser("admin", EnumSet.of(Role.ADMIN));

    private TestStores.TestStore store;
    private IndicatorCatalogueService service;

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        store = TestStores.h2gis();
        FeatureRepository features = new JdbcFeatureRepository(store.store());
        LayerCatalogue catalogue = LayerCatalogue.standard();
        IndicatorTestData.load(features, catalogue);
        service = new IndicatorCatalogueService(
                new JdbcIndicatorCatalogueRepository(store.store()),
                new JdbcIndicatorEntryRepository(store.store()),
                new PlaceService(features, catalogue, new LayerVersions(features)),
                Audits.log(store.store()),
                "2021-2025");
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        store.close();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aPlannerEntersAVillagesCollectiveIncomeAndTheListShowsWhoAndWhen() {
        UI.getCurrent().add(new IndicatorEntryView(service, PLANNER));
        ComboBox<CatalogueIndicator> indicator = _get(ComboBox.class, spec -> spec.withId("entry-indicator"));
        indicator.setValue(service.indicator("village_collective_income"));
        ComboBox<Place> unit = _get(ComboBox.class, spec -> spec.withId("entry-unit"));
        assertThat(unit.getListDataView().getItems().map(Place::code))
                .containsExactly(
                        IndicatorTestData.YI, IndicatorTestData.ER, IndicatorTestData.SI, IndicatorTestData.LIU);
        unit.setValue(unit.getListDataView().getItems().toList().get(1));
        _get(NumberField.class, spec -> spec.withId("entry-value")).setValue(6.5);
        _get(TextField.class, spec -> spec.withId("entry-note")).setValue("年报");
        _click(_get(Button.class, spec -> spec.withId("entry-save")));

        assertThat(_get(Span.class, spec -> spec.withId("entry-status")).getText())
                .isEqualTo("已保存：二村 2025 年 6.50 万元");
        Grid<IndicatorEntry> grid = _get(Grid.class, spec -> spec.withId("entry-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0).subList(0, 5))
                .containsExactly("2025", "二村 " + IndicatorTestData.ER, "6.50 万元", "年报", "planner");
        assertThat(service.entries("village_collective_income", 2025, null, IndicatorTestData.ER))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.value()).isEqualTo(6.5);
                    assertThat(e.enteredBy()).isEqualTo("planner");
                    assertThat(e.enteredAt()).isNotNull();
                });
        assertThat(new JdbcAuditRepository(store.store()).find(AuditFilter.all(10)))
                .as("the entry in the audit record")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.user()).isEqualTo("planner");
                    assertThat(e.action()).isEqualTo("indicator-entry");
                    assertThat(e.feature()).isEqualTo("village_collective_income");
                    assertThat(e.detail()).isEqualTo("2025 " + IndicatorTestData.ER + " = 6.5");
                });
    }

    @SuppressWarnings("unchecked")
    @Test
    void aRateIsEnteredInPercentAndAValueOutOfRangeIsRefused() {
        UI.getCurrent().add(new IndicatorEntryView(service, PLANNER));
        ComboBox<CatalogueIndicator> indicator = _get(ComboBox.class, spec -> spec.withId("entry-indicator"));
        indicator.setValue(service.indicator("civilized_village_rate"));
        ComboBox<Place> unit = _get(ComboBox.class, spec -> spec.withId("entry-unit"));
        assertThat(unit.getListDataView().getItems().map(Place::code))
                .containsExactly(IndicatorTestData.NANXIAN, IndicatorTestData.TAOJIANG);
        unit.setValue(unit.getListDataView().getItems().toList().get(0));
        NumberField value = _get(NumberField.class, spec -> spec.withId("entry-value"));
        value.setValue(140.0);
        _click(_get(Button.class, spec -> spec.withId("entry-save")));
        assertThat(_get(Span.class, spec -> spec.withId("entry-status")).getText())
                .isEqualTo("指标“civilized_village_rate”的值 1.4 超出范围 0–1。");
        assertThat(service.entries("civilized_village_rate", null, null, null)).isEmpty();

        value.setValue(66.0);
        _click(_get(Button.class, spec -> spec.withId("entry-save")));
        assertThat(service.entries("civilized_village_rate", null, null, null))
                .singleElement()
                .extracting(IndicatorEntry::value)
                .isEqualTo(0.66);
    }

    @Test
    void aLeaderReadsTheEntriesButMayNotSave() {
        UI.getCurrent().add(new IndicatorEntryView(service, LEADER));
        assertThat(_get(Button.class, spec -> spec.withId("entry-save")).isEnabled())
                .isFalse();
        assertThat(_get(Span.class, spec -> spec.withId("entry-status")).getText())
                .isEqualTo("您的账号只能查看该指标，由主管部门填报。");
    }

    @SuppressWarnings("unchecked")
    @Test
    void anAdministratorAddsTheNextPeriodsTargetsAndTheChangeIsListed() {
        UI.getCurrent().add(new IndicatorTargetsView(service, ADMIN));
        Grid<IndicatorTarget> targets = _get(Grid.class, spec -> spec.withId("targets-grid"));
        assertThat(GridKt._size(targets)).isEqualTo(36);

        _click(_get(Button.class, spec -> spec.withId("targets-copy")));
        Grid<IndicatorTarget> draft = _get(Grid.class, spec -> spec.withId("targets-draft"));
        assertThat(GridKt._size(draft)).isEqualTo(36);
        ComboBox<CatalogueIndicator> indicator = _get(ComboBox.class, spec -> spec.withId("targets-indicator"));
        indicator.setValue(service.indicator("civilized_township_rate"));
        _get(Select.class, spec -> spec.withId("targets-group")).setValue(UnitGroup.DEMONSTRATION);
        _get(NumberField.class, spec -> spec.withId("targets-value")).setValue(90.0);
        _click(_get(Button.class, spec -> spec.withId("targets-add")));
        assertThat(GridKt._size(draft)).as("replaces the copied target").isEqualTo(36);
        _click(_get(Button.class, spec -> spec.withId("targets-save")));

        assertThat(_get(Span.class, spec -> spec.withId("targets-status")).getText())
                .isEqualTo("已保存 36 项 2026-2030 目标值。");
        assertThat(service.target("civilized_township_rate", "2026-2030", UnitGroup.DEMONSTRATION))
                .get()
                .extracting(IndicatorTarget::target)
                .isEqualTo(0.9);
        assertThat(service.periods()).containsExactly("2021-2025", "2026-2030");
        assertThat(_get(Select.class, spec -> spec.withId("targets-period")).getValue())
                .isEqualTo("2026-2030");
        Grid<?> history = _get(Grid.class, spec -> spec.withId("targets-history"));
        assertThat(GridKt._size(history)).isEqualTo(36);
        assertThat(service.changes("civilized_township_rate", 5))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.newValue()).isEqualTo(0.9);
                    assertThat(c.changedBy()).isEqualTo("admin");
                });
    }

    @SuppressWarnings("unchecked")
    @Test
    void aMalformedPeriodIsRefusedAndALeaderSeesNoEditor() {
        UI.getCurrent().add(new IndicatorTargetsView(service, ADMIN));
        _get(TextField.class, spec -> spec.withId("targets-draft-period")).setValue("2030-2026");
        ComboBox<CatalogueIndicator> indicator = _get(ComboBox.class, spec -> spec.withId("targets-indicator"));
        indicator.setValue(service.indicator("sanitary_toilet_rate"));
        _get(NumberField.class, spec -> spec.withId("targets-value")).setValue(95.0);
        _click(_get(Button.class, spec -> spec.withId("targets-add")));
        _click(_get(Button.class, spec -> spec.withId("targets-save")));
        assertThat(_get(Span.class, spec -> spec.withId("targets-status")).getText())
                .isEqualTo("规划期“2030-2026”不是“起始年-结束年”（如 2026-2030）。");
        assertThat(service.periods()).containsExactly("2021-2025");

        UI.getCurrent().removeAll();
        UI.getCurrent().add(new IndicatorTargetsView(service, LEADER));
        _assertNone(Div.class, spec -> spec.withId("targets-editor"));
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("targets-grid"))))
                .isEqualTo(36);
        assertThat(List.of(service.planPeriod())).containsExactly("2021-2025");
    }
}
