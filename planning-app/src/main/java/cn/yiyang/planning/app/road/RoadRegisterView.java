package cn.yiyang.planning.app.road;

import cn.yiyang.planning.app.map.OverlayFeature;
import cn.yiyang.planning.app.map.PlanningMap;
import cn.yiyang.planning.app.map.TileService;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.ForbiddenException;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 通返不通 register page ({@code /roads/register}, in the main layout, which says when the data are
 * synthetic): what the register is (the rules of {@link RoadRegisterService}), filters (status, county,
 * township, route, blocked dates) over a grid of the entries (with the route and how a route inspection reached
 * them), the per-route summary of what is listed, the CSV of what is listed, a map of the listed
 * entries' roads (open in red, closed in grey; a row zooms to its road), the 销号 button and dialog for the
 * transport role and administrators, and the monthly trend.
 */
@Route("roads/register")
@PermitAll
public class RoadRegisterView extends Div implements HasDynamicTitle {

    /** The layers drawn under the register's roads, for orientation. */
    static final List<String> CONTEXT = List.of(LayerIds.COUNTY, LayerIds.TOWNSHIP);
    /** Zoom to one road no deeper than this. */
    static final int ROAD_MAX_ZOOM = 16;

    private final RoadRegisterService register;
    private final AppUser user;
    private final boolean canClose;
    private final Locale locale;
    private final Select<String> status = new Select<>();
    private final ComboBox<RoadRegisterService.Area> county = new ComboBox<>();
    private final ComboBox<RoadRegisterService.Area> township = new ComboBox<>();
    private final ComboBox<String> route = new ComboBox<>();
    private final Grid<RouteSummary> routes = new Grid<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Anchor csv = new Anchor();
    private final Button close = new Button();
    private final Span summary = new Span();
    private final Span count = new Span();
    private final Grid<RegisterEntry> grid = new Grid<>();
    private final PlanningMap map = new PlanningMap();
    private final TrendChart trend = new TrendChart();
    private CloseEntryDialog dialog;
    private List<RegisterEntry> shown = List.of();

    @Autowired
    public RoadRegisterView(RoadRegisterService register, AuthenticationContext auth, TileService tiles) {
        this(register, AppUser.of(auth), tiles);
    }

    RoadRegisterView(RoadRegisterService register, AppUser user, TileService tiles) {
        this.register = register;
        this.user = user;
        this.canClose = Permissions.allows(user, Action.closeRegisterEntry());
        this.locale = getLocale();
        addClassName("road-register-view");
        setId("road-register-view");

        H2 heading = new H2(getTranslation("road-register.heading"));
        Paragraph help = new Paragraph(getTranslation("road-register.help"));
        help.addClassName("road-register-help");
        help.setId("road-register-help");
        summary.addClassName("road-register-summary");
        summary.setId("road-register-summary");
        Div header = new Div(heading, help, summary);
        header.addClassName("road-register-header");

        if (tiles != null) {
            CONTEXT.forEach(id -> map.addLayer(tiles.mapLayer(tiles.tiledLayer(id), locale, true)));
        }
        map.setId("road-register-map");
        map.addClassName("road-register-map");
        Div legend = new Div(
                legendItem("road-register-legend-open", "road-register.map.open"),
                legendItem("road-register-legend-closed", "road-register.map.closed"));
        legend.addClassName("road-register-legend");
        Div mapCard = new Div(map, legend);
        mapCard.addClassNames("road-register-card", "road-register-map-card");

        Div tableCard = new Div(filters(), toolbar(), buildGrid());
        tableCard.addClassNames("road-register-card", "road-register-table-card");
        Div columns = new Div(tableCard, mapCard);
        columns.addClassName("road-register-columns");

        H3 trendTitle = new H3(getTranslation("road-register.trend.title"));
        Div trendCard = new Div(trendTitle, trend);
        trendCard.addClassNames("road-register-card", "road-register-trend-card");

        add(header, columns, routesCard(), trendCard);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("road-register.page-title");
    }

    // ---- parts -----------------------------------------------------------------------------------

    private Component filters() {
        status.setLabel(getTranslation("road-register.filter.status"));
        status.setItems("all", "open", "closed");
        status.setItemLabelGenerator(s -> switch (s) {
            case "open" -> getTranslation("road-register.status.open");
            case "closed" -> getTranslation("road-register.status.closed");
            default -> getTranslation("road-register.filter.status.all");
        });
        status.setValue("all");
        status.setId("road-register-status");

        county.setLabel(getTranslation("road-register.filter.county"));
        county.setItemLabelGenerator(RoadRegisterService.Area::name);
        county.setClearButtonVisible(true);
        county.setId("road-register-county");
        township.setLabel(getTranslation("road-register.filter.township"));
        township.setItemLabelGenerator(RoadRegisterService.Area::name);
        township.setClearButtonVisible(true);
        township.setId("road-register-township");
        county.setItems(register.counties());
        township.setItems(register.townships(null));

        for (DatePicker d : List.of(from, to)) {
            d.setI18n(datePickerI18n(this, locale));
            d.setLocale(locale);
            d.setClearButtonVisible(true);
        }
        from.setLabel(getTranslation("road-register.filter.from"));
        from.setId("road-register-from");
        to.setLabel(getTranslation("road-register.filter.to"));
        to.setId("road-register-to");

        status.addValueChangeListener(e -> refresh());
        county.addValueChangeListener(e -> {
            township.setItems(register.townships(
                    e.getValue() == null ? null : e.getValue().code()));
            refresh();
        });
        township.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());

        route.setLabel(getTranslation("road-register.filter.route"));
        route.setClearButtonVisible(true);
        route.setId("road-register-route");
        route.setItems(register.routeCodes());
        route.addValueChangeListener(e -> refresh());

        Div bar = new Div(status, county, township, route, from, to);
        bar.addClassName("road-register-filters");
        return bar;
    }

    private Component toolbar() {
        count.addClassName("road-register-count");
        count.setId("road-register-count");
        close.setText(getTranslation("road-register.close"));
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.setId("road-register-close");
        close.setEnabled(false);
        close.addClickListener(e -> grid.getSelectedItems().stream().findFirst().ifPresent(this::openDialog));
        if (!canClose) {
            close.setTooltipText(getTranslation("road-register.close.read-only"));
        }
        csv.setText(getTranslation("road-register.csv"));
        csv.setId("road-register-csv");
        csv.addClassName("road-register-csv");
        csv.getElement().setAttribute("download", true);
        Span spacer = new Span();
        spacer.addClassName("road-register-spacer");
        Div bar = new Div(count, spacer, csv, close);
        bar.addClassName("road-register-toolbar");
        return bar;
    }

    private Component buildGrid() {
        LocalDate today = register.today();
        // The road is what an entry is about: its name and code are shown whole (the grid scrolls sideways
        // instead), and also in a tooltip.
        ValueProvider<RegisterEntry, String> road =
                e -> e.roadName() == null ? e.roadCode() : e.roadName() + " · " + e.roadCode();
        grid.addColumn(road)
                .setHeader(getTranslation("road-register.column.road"))
                .setAutoWidth(true)
                .setFlexGrow(1)
                .setResizable(true)
                .setFrozen(true)
                .setTooltipGenerator(road)
                .setKey("road");
        grid.addColumn(e -> RegisterLabels.adminClass(e.adminClass(), locale))
                .setHeader(getTranslation("road-register.column.class"))
                .setAutoWidth(true)
                .setKey("class");
        grid.addColumn(e -> nz(e.countyName()))
                .setHeader(getTranslation("road-register.column.county"))
                .setAutoWidth(true)
                .setKey("county");
        grid.addColumn(e -> nz(e.townshipName()))
                .setHeader(getTranslation("road-register.column.township"))
                .setAutoWidth(true)
                .setKey("township");
        grid.addColumn(e -> nz(e.cause()))
                .setHeader(getTranslation("road-register.column.cause"))
                .setAutoWidth(true)
                .setKey("cause");
        grid.addColumn(e -> e.blockedOn().toString())
                .setHeader(getTranslation("road-register.column.blocked-on"))
                .setAutoWidth(true)
                .setSortable(true)
                .setComparator(RegisterEntry::blockedOn)
                .setKey("blockedOn");
        grid.addColumn(e -> e.daysOpen(today))
                .setHeader(getTranslation("road-register.column.days-open"))
                .setWidth("7.5em")
                .setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END)
                .setSortable(true) // header and sorter whole
                .setComparator(e -> e.daysOpen(today))
                .setKey("daysOpen");
        grid.addComponentColumn(this::statusBadge)
                .setHeader(getTranslation("road-register.column.status"))
                .setAutoWidth(true)
                .setKey("status");
        grid.addColumn(e -> e.closedOn() == null ? "" : e.closedOn().toString())
                .setHeader(getTranslation("road-register.column.closed-on"))
                .setAutoWidth(true)
                .setKey("closedOn");
        grid.addColumn(e -> closedBy(e))
                .setHeader(getTranslation("road-register.column.closed-by"))
                .setAutoWidth(true)
                .setKey("closedBy");
        grid.addColumn(e -> nz(e.routeCode()))
                .setHeader(getTranslation("road-register.column.route"))
                .setAutoWidth(true)
                .setKey("route");
        grid.addColumn(this::scope)
                .setHeader(getTranslation("road-register.column.scope"))
                .setAutoWidth(true)
                .setTooltipGenerator(this::scope)
                .setKey("scope");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setId("road-register-grid");
        grid.addClassName("road-register-grid");
        grid.setEmptyStateText(getTranslation("road-register.empty"));
        grid.addSelectionListener(e -> {
            Optional<RegisterEntry> picked = e.getFirstSelectedItem();
            close.setEnabled(canClose && picked.map(RegisterEntry::open).orElse(false));
            picked.ifPresent(this::zoomTo);
        });
        return grid;
    }

    /** The per-route summary of what the filters list: segments, length, entries and the length impassable. */
    private Component routesCard() {
        H3 title = new H3(getTranslation("road-register.routes.title"));
        Paragraph help = new Paragraph(getTranslation("road-register.routes.help"));
        help.addClassName("road-register-help");
        routes.addColumn(RouteSummary::routeCode)
                .setHeader(getTranslation("road-register.routes.column.route"))
                .setAutoWidth(true)
                .setKey("route");
        routes.addColumn(RouteSummary::segments)
                .setHeader(getTranslation("road-register.routes.column.segments"))
                .setTextAlign(ColumnTextAlign.END)
                .setKey("segments");
        routes.addColumn(r -> km(r.lengthM()))
                .setHeader(getTranslation("road-register.routes.column.length"))
                .setTextAlign(ColumnTextAlign.END)
                .setKey("length");
        routes.addColumn(RouteSummary::entries)
                .setHeader(getTranslation("road-register.routes.column.entries"))
                .setTextAlign(ColumnTextAlign.END)
                .setKey("entries");
        routes.addColumn(RouteSummary::segmentsOpen)
                .setHeader(getTranslation("road-register.routes.column.open-segments"))
                .setTextAlign(ColumnTextAlign.END)
                .setKey("segmentsOpen");
        routes.addColumn(r -> km(r.lengthAffectedM()))
                .setHeader(getTranslation("road-register.routes.column.open-length"))
                .setTextAlign(ColumnTextAlign.END)
                .setKey("lengthAffected");
        routes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        routes.setAllRowsVisible(true);
        routes.setId("road-register-routes");
        routes.setEmptyStateText(getTranslation("road-register.routes.empty"));
        routes.addItemClickListener(e -> route.setValue(e.getItem().routeCode()));
        Div card = new Div(title, help, routes);
        card.addClassNames("road-register-card", "road-register-routes-card");
        return card;
    }

    private String scope(RegisterEntry e) {
        return RegisterLabels.scope(e.scope(), this::getTranslation, locale);
    }

    private String km(double metres) {
        return String.format(Locale.ROOT, "%.2f", metres / 1000);
    }

    private Span statusBadge(RegisterEntry e) {
        Span badge = new Span(getTranslation(e.open() ? "road-register.status.open" : "road-register.status.closed"));
        badge.getElement().getThemeList().add(e.open() ? "badge error" : "badge contrast");
        return badge;
    }

    private String closedBy(RegisterEntry e) {
        if (e.closedIn() == ClosureSource.INSPECTION) {
            return getTranslation("road-register.closed-by.inspection");
        }
        return nz(e.closedBy());
    }

    private Component legendItem(String cls, String key) {
        Span swatch = new Span();
        swatch.addClassNames("road-register-swatch", cls);
        Span item = new Span(swatch, new Span(getTranslation(key)));
        item.addClassName("road-register-legend-item");
        return item;
    }

    // ---- behaviour -------------------------------------------------------------------------------

    /** The filter the controls set. */
    RegisterFilter filter() {
        EntryStatus s = switch (status.getValue() == null ? "all" : status.getValue()) {
            case "open" -> EntryStatus.OPEN;
            case "closed" -> EntryStatus.CLOSED;
            default -> null;
        };
        return new RegisterFilter(
                s,
                county.getValue() == null ? null : county.getValue().code(),
                township.getValue() == null ? null : township.getValue().code(),
                from.getValue(),
                to.getValue(),
                route.getValue());
    }

    /** Reads the register again and shows it: grid, counts, map, CSV link and trend. */
    void refresh() {
        RegisterFilter f = filter();
        shown = register.entries(f);
        RegisterEntry selected = grid.getSelectedItems().stream().findFirst().orElse(null);
        grid.setItems(shown);
        if (selected != null) {
            shown.stream()
                    .filter(e -> e.key().equals(selected.key()))
                    .findFirst()
                    .ifPresent(grid::select);
        }
        close.setEnabled(canClose && grid.getSelectedItems().stream().anyMatch(RegisterEntry::open));
        count.setText(getTranslation("road-register.count", shown.size()));
        List<RegisterEntry> all = register.entries(RegisterFilter.ALL);
        long open = all.stream().filter(RegisterEntry::open).count();
        summary.setText(getTranslation(
                "road-register.summary",
                open,
                all.size() - open,
                register.impassableRoadCodes().size()));
        csv.setHref(csvLink(f));
        routes.setItems(register.routes(f));
        showOnMap();
        trend.show(register.trend());
    }

    private void showOnMap() {
        List<OverlayFeature> features = new ArrayList<>();
        Envelope extent = new Envelope();
        // closed first, so that open (red) roads are drawn over grey ones
        shown.stream().filter(e -> e.geometry() != null && !e.open()).forEach(e -> {
            features.add(new OverlayFeature(e.geometry(), OverlayFeature.Tone.MUTED));
            extent.expandToInclude(e.geometry().getEnvelopeInternal());
        });
        shown.stream().filter(e -> e.geometry() != null && e.open()).forEach(e -> {
            features.add(new OverlayFeature(e.geometry(), OverlayFeature.Tone.ALERT));
            extent.expandToInclude(e.geometry().getEnvelopeInternal());
        });
        map.setOverlay(features);
        if (grid.getSelectedItems().isEmpty()) {
            Envelope e = extent.isNull() ? Place.cityExtent() : extent;
            e.expandBy(Math.max(e.getWidth(), e.getHeight()) * 0.05 + 0.005);
            map.fitExtent(e);
        }
    }

    /** Zooms the map to the entry's road. */
    void zoomTo(RegisterEntry e) {
        if (e.geometry() == null) {
            return;
        }
        Envelope env = new Envelope(e.geometry().getEnvelopeInternal());
        env.expandBy(Math.max(env.getWidth(), env.getHeight()) * 0.2 + 0.002);
        map.fitExtent(env, ROAD_MAX_ZOOM);
    }

    /** Opens the 销号 dialog for an open entry (the transport role and administrators only). */
    void openDialog(RegisterEntry entry) {
        if (!canClose || !entry.open()) {
            return;
        }
        dialog = new CloseEntryDialog(entry, register.today(), (date, note) -> closeEntry(entry, date, note));
        dialog.open();
    }

    private void closeEntry(RegisterEntry entry, LocalDate date, String note) {
        try {
            RegisterEntry closed = register.close(user, entry.roadCode(), entry.blockedOn(), date, note);
            dialog.close();
            dialog = null;
            Notification n = Notification.show(
                    getTranslation(
                            "road-register.closed-notice",
                            closed.roadName() == null ? closed.roadCode() : closed.roadName(),
                            closed.closedOn().toString()),
                    4000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (ClosingDateException e) {
            dialog.showDateError(
                    switch (e.reason()) {
                        case NOT_A_DATE -> getTranslation("road-register.dialog.date-required");
                        case BEFORE_BLOCKED ->
                            getTranslation(
                                    "api.error.closing-date.before-blocked", e.value(), String.valueOf(e.limit()));
                        case IN_FUTURE ->
                            getTranslation("api.error.closing-date.in-future", e.value(), String.valueOf(e.limit()));
                    });
        } catch (RegisterEntryClosedException e) {
            dialog.close();
            dialog = null;
            error(getTranslation(e.messageKey(), e.arguments(getLocale())));
            refresh();
        } catch (RegisterEntryNotFoundException e) {
            dialog.close();
            dialog = null;
            error(getTranslation(e.messageKey(), e.arguments(getLocale())));
            refresh();
        } catch (ForbiddenException | BadValueException e) {
            error(getTranslation(e.messageKey(), e.arguments(getLocale())));
        }
    }

    private void error(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** The CSV of what the filters list, from the REST API (the UI's session signs the request). */
    static String csvLink(RegisterFilter f) {
        List<String> params = new ArrayList<>();
        if (f.status() != null) {
            params.add("status=" + f.status().name().toLowerCase(Locale.ROOT));
        }
        add(params, "county", f.countyCode());
        add(params, "township", f.townshipCode());
        add(params, "from", f.from() == null ? null : f.from().toString());
        add(params, "to", f.to() == null ? null : f.to().toString());
        add(params, "route", f.routeCode());
        return "api/v1/road-register.csv" + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    private static void add(List<String> params, String name, String value) {
        if (value != null) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /**
     * The date picker's words in the page's language: month and weekday names from the JDK, buttons translated (also
     * for the plan pages' dates).
     */
    public static DatePicker.DatePickerI18n datePickerI18n(Component c, Locale l) {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(Arrays.stream(Month.values())
                .map(m -> m.getDisplayName(TextStyle.FULL, l))
                .toList());
        List<DayOfWeek> week = List.of(
                DayOfWeek.SUNDAY,
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY,
                DayOfWeek.SATURDAY);
        i18n.setWeekdays(
                week.stream().map(d -> d.getDisplayName(TextStyle.FULL, l)).toList());
        i18n.setWeekdaysShort(
                week.stream().map(d -> d.getDisplayName(TextStyle.SHORT, l)).toList());
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(c.getTranslation("road-register.date.today"));
        i18n.setCancel(c.getTranslation("road-register.date.cancel"));
        i18n.setDateFormat("yyyy-MM-dd");
        return i18n;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
