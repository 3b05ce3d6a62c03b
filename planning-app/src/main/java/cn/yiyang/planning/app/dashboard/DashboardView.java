package cn.yiyang.planning.app.dashboard;

import cn.yiyang.planning.app.indicator.IndicatorLabels;
import cn.yiyang.planning.app.layout.MainLayout;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceLabels;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.layers.analysis.CatalogueIndicator;
import cn.yiyang.planning.layers.analysis.IndicatorUnit;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The leaders' dashboard ({@code /dashboard}): headline cards of every indicator of the city or the chosen unit (value,
 * target, met or not, change since the previous run), a choropleth of one indicator over the units below (clicking a
 * unit drills down city → county → township → village), charts (value by unit against the target, trend across runs,
 * distribution over the classes), the units' table and the 终期评估 table, for all villages or a group; XLSX of the
 * tables. Everything is read from stored runs and entries ({@link DashboardService}). A user limited to counties
 * ({@link DashboardService#counties}) starts at its county and sees and drills into only its counties' units, as the dashboard's API
 * ({@link DashboardService#unit(String, AppUser)}): the city and other counties are not offered and not shown.
 */
@Route(value = "dashboard", layout = MainLayout.class)
@PermitAll
public class DashboardView extends Div implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(DashboardView.class);

    private final DashboardService service;
    private final UnitShapes shapes;
    private final Locale locale;
    private final Select<UnitGroup> group = new Select<>();
    private final Select<CatalogueIndicator> indicator = new Select<>();
    private final Div path = new Div();
    private final Div cards = new Div();
    private final Choropleth map = new Choropleth();
    private final IndicatorChart byUnit = new IndicatorChart();
    private final IndicatorChart trend = new IndicatorChart();
    private final IndicatorChart distribution = new IndicatorChart();
    private final Grid<DashboardValue> units = new Grid<>();
    private final Grid<DashboardValue> evaluation = new Grid<>();
    private final Anchor xlsx = new Anchor();
    private final Span unitTitle = new Span();
    private final DashboardPdf pdf;
    private final Executor reports;
    private final Button pdfButton = new Button();
    private final Checkbox a3 = new Checkbox();
    private final ProgressBar pdfProgress = new ProgressBar(0, 1);
    private final Anchor pdfDownload = new Anchor();
    private final AppUser user;
    private Place unit;

    public DashboardView(
            DashboardService service,
            UnitShapes shapes,
            DashboardPdf pdf,
            @Qualifier(DashboardConfiguration.REPORTS) Executor reports,
            AuthenticationContext auth) {
        this(service, shapes, pdf, reports, AppUser.of(auth));
    }

    /** @param user the reader, whose counties are the units it may be shown */
    DashboardView(DashboardService service, UnitShapes shapes, DashboardPdf pdf, Executor reports, AppUser user) {
        this.user = user;
        this.service = service;
        this.shapes = shapes;
        this.pdf = pdf;
        this.reports = reports;
        this.locale = getLocale();
        setId("dashboard-view");
        addClassName("dashboard-view");
        group.setId("dashboard-group");
        group.setLabel(getTranslation("analysis.group"));
        group.setItems(UnitGroup.values());
        group.setItemLabelGenerator(g -> keyed("analysis.group.", g.id()));
        group.setValue(UnitGroup.ALL);
        group.addValueChangeListener(e -> refresh());
        indicator.setId("dashboard-indicator");
        indicator.setLabel(getTranslation("dashboard.indicator"));
        indicator.setItems(service.indicators());
        indicator.setItemLabelGenerator(i -> IndicatorLabels.name(i, locale));
        indicator.setWidth("26em");
        indicator.addValueChangeListener(e -> showIndicator());
        xlsx.setId("dashboard-xlsx");
        xlsx.setText(getTranslation("dashboard.xlsx"));
        xlsx.getElement().setAttribute("download", true);
        pdfButton.setId("dashboard-pdf");
        pdfButton.setText(getTranslation("dashboard.pdf"));
        pdfButton.addClickListener(e -> buildPdf());
        a3.setId("dashboard-a3");
        a3.setLabel(getTranslation("dashboard.pdf-a3"));
        pdfProgress.setId("dashboard-pdf-progress");
        pdfProgress.setVisible(false);
        pdfProgress.setWidth("10em");
        pdfDownload.setId("dashboard-pdf-download");
        pdfDownload.setText(getTranslation("dashboard.pdf-ready"));
        pdfDownload.getElement().setAttribute("download", true);
        pdfDownload.setVisible(false);
        Div toolbar = new Div(group, indicator, xlsx, a3, pdfButton, pdfProgress, pdfDownload);
        toolbar.addClassName("access-toolbar");
        path.setId("dashboard-path");
        path.addClassName("dashboard-path");
        cards.setId("dashboard-cards");
        cards.addClassName("access-cards");
        map.setId("dashboard-choropleth");
        map.addClassName("dashboard-map");
        map.addUnitClickListener(e -> service.unit(e.code(), user).ifPresent(this::go));
        byUnit.setId("dashboard-chart-units");
        trend.setId("dashboard-chart-trend");
        distribution.setId("dashboard-chart-distribution");
        for (IndicatorChart c : List.of(byUnit, trend, distribution)) {
            c.addClassName("dashboard-chart");
        }
        Div charts = new Div(byUnit, trend, distribution);
        charts.addClassName("dashboard-charts");
        Div mapAndCharts = new Div(map, charts);
        mapAndCharts.addClassName("dashboard-map-charts");
        unitsGrid();
        evaluationGrid();
        unitTitle.setId("dashboard-unit");
        add(
                new H2(getTranslation("dashboard.title")),
                toolbar,
                path,
                unitTitle,
                cards,
                mapAndCharts,
                new H3(getTranslation("dashboard.units")),
                units,
                new H3(getTranslation(
                        "dashboard.evaluation",
                        service.planPeriod(),
                        service.periodEnd().toString())),
                evaluation);
        indicator.setValue(service.indicators().stream()
                .filter(i -> "township_class3_road_rate".equals(i.id()))
                .findFirst()
                .orElse(service.indicators().getFirst()));
        service.unit(null, user).ifPresent(this::go);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title");
    }

    /**
     * Shows a unit (the city, a county, a township or a village), when the user may see it
     * ({@link DashboardService#unit(String, AppUser)}).
     *
     * @return whether it is shown
     */
    public boolean go(Place place) {
        Optional<Place> admitted = service.unit(place.code(), user);
        admitted.ifPresent(p -> {
            unit = p;
            refresh();
        });
        return admitted.isPresent();
    }

    /** @return the unit shown */
    public Place unit() {
        return unit;
    }

    private void refresh() {
        if (unit == null) {
            return;
        }
        path.removeAll();
        List<Place> down = service.path(unit, user);
        List<Place> buttons = new ArrayList<>();
        // a user of several counties moves between them here, the city above them not being offered
        for (Place county : service.counties(user)) {
            if (down.stream().noneMatch(p -> p.code().equals(county.code()))) {
                buttons.add(county);
            }
        }
        buttons.addAll(down);
        for (Place p : buttons) {
            Button b = new Button(PlaceLabels.name(p, this::getTranslation), e -> go(p));
            b.setId("dashboard-path-" + p.code());
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            path.add(b);
        }
        unitTitle.setText(PlaceLabels.name(unit, this::getTranslation));
        List<DashboardValue> headline = service.headline(unit, group.getValue());
        cards.removeAll();
        headline.forEach(v -> cards.add(card(v)));
        evaluation.setItems(service.evaluation(unit, group.getValue()));
        xlsx.setHref("/api/v1/dashboard/report.xlsx?code=" + unit.code() + "&group="
                + group.getValue().id());
        showIndicator();
    }

    private void showIndicator() {
        CatalogueIndicator i = indicator.getValue();
        if (unit == null || i == null) {
            return;
        }
        String name = IndicatorLabels.name(i, locale);
        List<DashboardValue> below = service.below(i.id(), unit, group.getValue());
        units.setItems(below);
        Double target = below.isEmpty() ? null : below.getFirst().target();
        ClassBreaks breaks =
                ClassBreaks.of(below.stream().map(DashboardValue::value).toList(), target);
        Optional<Place.Level> level = below.isEmpty()
                ? Optional.empty()
                : service.unit(below.getFirst().code()).map(Place::level);
        map.show(DashboardJson.choropleth(below, level.map(shapes::of).orElse(Map.of()), breaks, this::getTranslation));
        byUnit.show(DashboardJson.byUnit(below, name + suffix(i), this::getTranslation));
        List<DashboardValue> runs = service.trend(i.id(), unit, group.getValue());
        List<String> labels = runs.stream()
                .map(v -> v.year() != null ? String.valueOf(v.year()) : v.runId() == null ? "" : shortRun(v.runId()))
                .toList();
        trend.show(DashboardJson.trend(
                runs,
                labels,
                getTranslation("dashboard.trend", PlaceLabels.name(unit, this::getTranslation)),
                this::getTranslation));
        distribution.show(DashboardJson.distribution(
                below, breaks, getTranslation("dashboard.distribution"), this::getTranslation));
    }

    /** Builds the PDF of the unit, group and indicator shown on the report worker, with progress, then offers it. */
    void buildPdf() {
        Place at = unit;
        UnitGroup g = group.getValue();
        List<String> ids = indicator.getValue() == null
                ? List.of()
                : List.of(indicator.getValue().id());
        boolean landscape = a3.getValue();
        UI ui = UI.getCurrent();
        pdfButton.setEnabled(false);
        pdfDownload.setVisible(false);
        pdfProgress.setValue(0);
        pdfProgress.setVisible(true);
        reports.execute(() -> {
            try {
                byte[] bytes = pdf.report(at, g, ids, landscape, p -> ui.access(() -> pdfProgress.setValue(p)));
                ui.access(() -> offer(at, bytes));
            } catch (IOException | RuntimeException ex) {
                log.error("the dashboard report of {} failed", at.code(), ex);
                ui.access(() -> {
                    pdfButton.setEnabled(true);
                    pdfProgress.setVisible(false);
                    Notification.show(getTranslation("dashboard.pdf-failed"));
                });
            }
        });
    }

    private void offer(Place at, byte[] bytes) {
        pdfDownload.setHref((DownloadHandler) event -> {
            event.setFileName("dashboard-" + at.code() + ".pdf");
            event.setContentType("application/pdf");
            event.getOutputStream().write(bytes);
        });
        pdfDownload.setVisible(true);
        pdfProgress.setVisible(false);
        pdfButton.setEnabled(true);
    }

    /** @return whether a built report is offered */
    boolean pdfReady() {
        return pdfDownload.isVisible();
    }

    private Div card(DashboardValue v) {
        Div card = new Div();
        card.addClassName("access-card");
        card.setId("dashboard-card-" + v.indicator().id());
        Span title = new Span(IndicatorLabels.name(v.indicator(), locale));
        title.addClassName("access-card-title");
        Span value = new Span(IndicatorLabels.value(v.indicator(), v.value(), this::getTranslation));
        value.addClassName("access-card-value");
        Span target = new Span(
                v.target() == null
                        ? getTranslation("analysis.no-target")
                        : getTranslation(
                                "analysis.target",
                                IndicatorLabels.value(v.indicator(), v.target(), this::getTranslation)));
        target.addClassName("access-card-target");
        card.add(title, value, target);
        if (v.met() != null) {
            card.addClassName(v.met() ? "access-meets" : "access-below");
        }
        Double d = v.change();
        if (d != null) {
            Span change = new Span(change(v.indicator(), d));
            change.addClassName("access-card-change");
            card.add(change);
        }
        return card;
    }

    private String change(CatalogueIndicator i, double d) {
        if (Math.abs(d) < 1e-9) {
            return getTranslation("analysis.change-none");
        }
        if (i.unit() == IndicatorUnit.RATE) {
            return getTranslation("analysis.change-points", String.format(Locale.ROOT, "%+.1f", d * 100));
        }
        return getTranslation("analysis.change-count", String.format(Locale.ROOT, "%+,.2f", d));
    }

    private void unitsGrid() {
        units.setId("dashboard-units");
        units.addColumn(DashboardValue::name).setHeader(getTranslation("dashboard.unit"));
        units.addColumn(v -> IndicatorLabels.value(v.indicator(), v.value(), this::getTranslation))
                .setHeader(getTranslation("dashboard.value"));
        units.addColumn(v -> IndicatorLabels.value(v.indicator(), v.target(), this::getTranslation))
                .setHeader(getTranslation("dashboard.target"));
        units.addColumn(this::met).setHeader(getTranslation("dashboard.met"));
        units.addItemClickListener(e -> service.unit(e.getItem().code(), user).ifPresent(this::go));
        units.addThemeVariants(GridVariant.LUMO_COMPACT);
        units.setAllRowsVisible(true);
    }

    private void evaluationGrid() {
        evaluation.setId("dashboard-evaluation");
        evaluation
                .addColumn(v -> IndicatorLabels.name(v.indicator(), locale))
                .setHeader(getTranslation("dashboard.indicator"));
        evaluation
                .addColumn(v -> IndicatorLabels.value(v.indicator(), v.target(), this::getTranslation))
                .setHeader(getTranslation("dashboard.target"));
        evaluation
                .addColumn(v -> IndicatorLabels.value(v.indicator(), v.value(), this::getTranslation))
                .setHeader(getTranslation("dashboard.final-value"));
        evaluation.addColumn(this::met).setHeader(getTranslation("dashboard.met"));
        evaluation.addColumn(this::evaluationSource).setHeader(getTranslation("dashboard.source"));
        evaluation.addThemeVariants(GridVariant.LUMO_COMPACT);
        evaluation.setAllRowsVisible(true);
    }

    /** @return the entry's year, the run, that nothing was stored by the period's end, or that the value is live */
    private String evaluationSource(DashboardValue v) {
        if (v.value() == null) {
            return getTranslation(
                    "dashboard.evaluation-none", service.periodEnd().toString());
        }
        if (v.year() != null) {
            return String.valueOf(v.year());
        }
        return v.runId() == null ? getTranslation("dashboard.evaluation-live") : v.runId();
    }

    private String met(DashboardValue v) {
        return v.met() == null ? "—" : getTranslation(v.met() ? "dashboard.met.yes" : "dashboard.met.no");
    }

    private String suffix(CatalogueIndicator i) {
        return i.unit() == IndicatorUnit.RATE ? " (%)" : "";
    }

    private static String shortRun(String runId) {
        return runId.length() > 8 ? runId.substring(0, 8) : runId;
    }

    private String keyed(String prefix, String id) {
        return getTranslation(prefix + id);
    }
}
