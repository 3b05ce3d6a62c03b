package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.layout.MainLayout;
import cn.yiyang.planning.app.map.MapLink;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.AccessSettings;
import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.catalogue.Theme;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
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
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The road-access dashboard ({@code /roads/access}): the latest run's indicators for the city, by county and (for a
 * chosen county) by township, targets beside values, for all villages or the key-support or demonstration groups;
 * the city's values over the runs; and, for the transport department, the thresholds and a button that starts a
 * run with a progress bar.
 */
@Route(value = "roads/access", layout = MainLayout.class)
@PermitAll
public class RoadAccessView extends Div implements HasDynamicTitle {

    static final int POLL_MS = 500;
    /** The indicators shown, in order. */
    static final List<AccessIndicator> SHOWN = List.of(
            AccessIndicator.HOUSEHOLD_ROAD_ACCESS_RATE,
            AccessIndicator.HOUSEHOLD_NETWORK_ACCESS_RATE,
            AccessIndicator.LARGE_NATURAL_VILLAGE_HARDENED_ROAD_RATE,
            AccessIndicator.TOWNSHIP_CLASS3_ROAD_RATE,
            AccessIndicator.VILLAGE_BUS_SERVICE_RATE,
            AccessIndicator.RURAL_ACCESS_INDEX);

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Region.TIME_ZONE);

    private final RoadAccessService service;
    private final boolean canRun;
    private final String user;
    private final Span runInfo = new Span();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span progressText = new Span();
    private final Button run = new Button();
    private final Select<UnitGroup> group = new Select<>();
    private final Div cards = new Div();
    private final Grid<Row> counties = new Grid<>();
    private final Grid<Row> townships = new Grid<>();
    private final H3 townshipTitle = new H3();
    private final Grid<Row> history = new Grid<>();
    private final Div problems = new Div();
    private final Map<String, NumberField> settingFields = new LinkedHashMap<>();
    private final Checkbox allSeason = new Checkbox();
    private String watching;
    private Registration poll;

    /** One unit's values, by indicator. */
    record Row(String code, String name, Map<Indicator, IndicatorValue> values) {}

    @Autowired
    public RoadAccessView(RoadAccessService service, AuthenticationContext auth) {
        this(service, AppUser.of(auth));
    }

    RoadAccessView(RoadAccessService service, AppUser user) {
        this.service = service;
        this.user = user.name();
        this.canRun = Permissions.allows(user, Action.runAnalysis(Theme.ROADS));
        addClassName("access-view");
        setId("road-access-view");

        H2 heading = new H2(getTranslation("access.heading"));
        Paragraph intro = new Paragraph(getTranslation("access.intro"));
        intro.addClassName("access-intro");

        group.setLabel(getTranslation("access.group"));
        group.setItems(UnitGroup.values());
        group.setItemLabelGenerator(g -> keyed("access.group.", g.id()));
        group.setValue(UnitGroup.ALL);
        group.setId("access-group");
        group.addValueChangeListener(e -> show());

        Div toolbar = new Div(group, links());
        toolbar.addClassName("access-toolbar");

        cards.addClassName("access-cards");
        cards.setId("access-cards");
        configure(counties, getTranslation("access.county"));
        counties.setId("access-counties");
        counties.addSelectionListener(
                e -> showTownships(e.getFirstSelectedItem().orElse(null)));
        configure(townships, getTranslation("access.township"));
        townships.setId("access-townships");
        townshipTitle.setText(getTranslation("access.townships-hint"));
        configureHistory();
        problems.addClassName("access-problems");

        add(
                heading,
                intro,
                runPanel(),
                toolbar,
                cards,
                new H3(getTranslation("access.by-county")),
                counties,
                townshipTitle,
                townships,
                problems,
                new H3(getTranslation("access.history")),
                history);
        show();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("access.page-title");
    }

    private Div runPanel() {
        runInfo.setId("access-run-info");
        progress.setVisible(false);
        progress.setId("access-progress");
        progressText.setId("access-progress-text");
        run.setText(getTranslation("access.run"));
        run.setId("access-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setEnabled(canRun);
        run.addClickListener(e -> start());
        Div panel = new Div(runInfo, run, progress, progressText);
        panel.addClassName("access-run-panel");
        if (!canRun) {
            Span note = new Span(getTranslation("access.run-read-only"));
            note.addClassName("access-hint");
            panel.add(note);
        }
        Details settings = new Details(getTranslation("access.settings"), settingsForm());
        settings.setId("access-settings");
        settings.addClassName("access-settings");
        return new Div(panel, settings);
    }

    private Div settingsForm() {
        AccessSettings d = service.defaults();
        field("householdServedM", d.householdServedM(), "m");
        field("largeVillageHouseholds", d.largeVillageHouseholds(), "hh");
        field("largeVillageConnectedM", d.largeVillageConnectedM(), "m");
        field("townshipSeatM", d.townshipSeatM(), "m");
        field("busStopM", d.busStopM(), "m");
        field("busRouteM", d.busRouteM(), "m");
        field("ruralAccessM", d.ruralAccessM(), "m");
        field("snapToleranceM", d.snapToleranceM(), "m");
        field("clusterM", d.clusterM(), "m");
        allSeason.setLabel(getTranslation("access.setting.allSeasonCountsAsNetwork"));
        allSeason.setValue(d.allSeasonCountsAsNetwork());
        allSeason.setEnabled(canRun);
        Div form = new Div();
        form.addClassName("access-settings-form");
        settingFields.values().forEach(form::add);
        form.add(allSeason);
        return form;
    }

    private void field(String name, double value, String unit) {
        NumberField f = new NumberField(keyed("access.setting.", name));
        f.setValue(value);
        f.setSuffixComponent(new Span(keyed("access.unit.", unit)));
        f.setId("access-setting-" + name);
        f.setEnabled(canRun);
        f.setStepButtonsVisible(false);
        settingFields.put(name, f);
    }

    private AccessSettingsForm form() {
        Map<String, Double> v = new LinkedHashMap<>();
        settingFields.forEach((k, f) -> v.put(k, f.getValue()));
        Double households = v.get("largeVillageHouseholds");
        return new AccessSettingsForm(
                v.get("householdServedM"),
                households == null ? null : households.intValue(),
                v.get("largeVillageConnectedM"),
                v.get("townshipSeatM"),
                v.get("busStopM"),
                v.get("busRouteM"),
                v.get("ruralAccessM"),
                v.get("snapToleranceM"),
                v.get("clusterM"),
                allSeason.getValue());
    }

    private void start() {
        settingFields.values().forEach(f -> f.setInvalid(false));
        AccessSettings settings;
        try {
            settings = form().resolve(service.defaults());
        } catch (BadAccessSettingsException e) {
            NumberField f = settingFields.get(e.setting());
            String message = getTranslation(
                    "access.setting-out-of-range", keyed("access.setting.", e.setting()), fmt(e.min()), fmt(e.max()));
            if (f != null) {
                f.setErrorMessage(message);
                f.setInvalid(true);
            }
            Notification.show(message, 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        AnalysisRun started = service.start(settings, user);
        watch(started.id());
    }

    /** The text of a key made of a prefix and an id (access.indicator. + household_road_access_rate …). */
    private String keyed(String prefix, String id) {
        String key = prefix + id;
        return getTranslation(key);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private void watch(String runId) {
        watching = runId;
        run.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        progressText.setText(getTranslation("access.status.QUEUED"));
        getUI().ifPresent(ui -> ui.setPollInterval(POLL_MS));
    }

    /** Called by the poll: follows the watched run; when it settles, shows its results. */
    void refresh() {
        if (watching == null) {
            return;
        }
        AnalysisRun r = service.get(watching);
        progress.setValue(r.progress());
        progressText.setText(
                keyed("access.status.", r.status().name()) + String.format(Locale.ROOT, " %.0f%%", r.progress() * 100));
        if (r.status().settled()) {
            watching = null;
            run.setEnabled(canRun);
            progress.setVisible(false);
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
            if (r.status() == RunStatus.FAILED) {
                progressText.setText(getTranslation("access.run-failed"));
                Notification.show(getTranslation("access.run-failed"), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            } else {
                progressText.setText(getTranslation("access.run-done"));
                show();
            }
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        poll = event.getUI().addPollListener(e -> refresh());
        if (watching == null) {
            service.recent(1).stream()
                    .filter(r -> !r.status().settled())
                    .findFirst()
                    .ifPresent(r -> watch(r.id()));
        } else {
            event.getUI().setPollInterval(POLL_MS);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
            poll = null;
        }
    }

    private Div links() {
        Anchor gaps = new Anchor("roads/gaps", getTranslation("access.open-gaps"));
        gaps.setId("access-open-gaps");
        Anchor map = new Anchor(MapLink.to(Place.cityExtent(), LayerIds.ACCESS_GAP), getTranslation("access.open-map"));
        map.setId("access-open-map");
        Div links = new Div(gaps, map);
        links.addClassName("access-links");
        return links;
    }

    private void configure(Grid<Row> grid, String unitHeader) {
        grid.addColumn(Row::name)
                .setHeader(unitHeader)
                .setFrozen(true)
                .setAutoWidth(true)
                .setFlexGrow(0);
        for (AccessIndicator id : SHOWN) {
            grid.addColumn(r -> cell(r, id))
                    .setHeader(keyed("access.indicator.short.", id.id()))
                    .setAutoWidth(true)
                    .setPartNameGenerator(r -> tone(r.values().get(id)));
        }
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addClassName("access-grid");
    }

    private void configureHistory() {
        history.addColumn(Row::name)
                .setHeader(getTranslation("access.run-time"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        for (AccessIndicator id : SHOWN) {
            history.addColumn(r -> cell(r, id))
                    .setHeader(keyed("access.indicator.short.", id.id()))
                    .setAutoWidth(true);
        }
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        history.setId("access-history");
        history.addClassName("access-grid");
    }

    private static String cell(Row r, AccessIndicator id) {
        IndicatorValue v = r.values().get(id);
        return v == null ? "" : IndicatorFormat.percent(v.value());
    }

    private static String tone(IndicatorValue v) {
        Boolean meets = v == null ? null : IndicatorFormat.meets(v);
        return meets == null ? null : meets ? "access-meets" : "access-below";
    }

    /** Shows the latest successful run. */
    void show() {
        UnitGroup g = group.getValue();
        var latest = service.latest();
        if (latest.isEmpty()) {
            runInfo.setText(getTranslation("access.no-run"));
            cards.removeAll();
            counties.setItems(List.of());
            townships.setItems(List.of());
            history.setItems(List.of());
            problems.removeAll();
            return;
        }
        AnalysisRun r = latest.get();
        runInfo.setText(getTranslation("access.run-info", TIME.format(r.finishedAt()), r.requestedBy()));
        List<IndicatorValue> city = service.indicators(r.id(), UnitLevel.CITY, null, g, null);
        cards.removeAll();
        Map<Indicator, IndicatorValue> byId = index(city);
        for (AccessIndicator id : SHOWN) {
            IndicatorValue v = byId.get(id);
            if (v != null) {
                cards.add(card(id, v));
            }
        }
        counties.setItems(rows(service.indicators(r.id(), UnitLevel.COUNTY, null, g, null), null));
        townships.setItems(List.of());
        townshipTitle.setText(getTranslation("access.townships-hint"));
        List<Row> runs = new ArrayList<>();
        Map<String, Map<Indicator, IndicatorValue>> byRun = new LinkedHashMap<>();
        Map<String, String> runTime = new LinkedHashMap<>();
        for (AccessIndicator id : SHOWN) {
            for (IndicatorValue v : service.history(id, UnitLevel.CITY, Region.CITY_CODE, g)) {
                byRun.computeIfAbsent(v.runId(), k -> new LinkedHashMap<>()).put(id, v);
            }
        }
        for (AnalysisRun past : service.recent(50)) {
            if (past.finishedAt() != null) {
                runTime.put(past.id(), TIME.format(past.finishedAt()));
            }
        }
        byRun.forEach((id, values) -> runs.add(0, new Row(id, runTime.getOrDefault(id, id), values)));
        history.setItems(runs);
        showProblems(r);
    }

    private void showProblems(AnalysisRun r) {
        problems.removeAll();
        AccessRunSummary summary = AccessRunSummary.of(r).orElse(null);
        if (summary == null) {
            return;
        }
        Span text = new Span(getTranslation(
                "access.summary",
                summary.households(),
                summary.networkKm(),
                summary.fragments(),
                summary.fragmentKm(),
                summary.impassableRoads(),
                summary.gaps()));
        text.setId("access-summary");
        Anchor fragments = new Anchor(
                MapLink.to(Place.cityExtent(), LayerIds.ACCESS_ROAD), getTranslation("access.open-road-status"));
        problems.add(text, fragments);
    }

    private Div card(AccessIndicator id, IndicatorValue v) {
        Div card = new IndicatorCard(keyed("access.indicator.", id.id()), v);
        card.setId("access-card-" + id.id());
        return card;
    }

    private void showTownships(Row county) {
        if (county == null) {
            townships.setItems(List.of());
            townshipTitle.setText(getTranslation("access.townships-hint"));
            return;
        }
        townshipTitle.setText(getTranslation("access.townships-of", county.name()));
        String runId = service.latest().map(AnalysisRun::id).orElse(null);
        if (runId != null) {
            townships.setItems(
                    rows(service.indicators(runId, UnitLevel.TOWNSHIP, null, group.getValue(), null), county.code()));
        }
    }

    private static Map<Indicator, IndicatorValue> index(List<IndicatorValue> values) {
        Map<Indicator, IndicatorValue> m = new LinkedHashMap<>();
        values.forEach(v -> m.put(v.indicator(), v));
        return m;
    }

    private static List<Row> rows(List<IndicatorValue> values, String parent) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (IndicatorValue v : values) {
            if (parent != null && !parent.equals(v.parentCode())) {
                continue;
            }
            rows.computeIfAbsent(v.code(), c -> new Row(c, v.name(), new LinkedHashMap<>()))
                    .values()
                    .put(v.indicator(), v);
        }
        return new ArrayList<>(rows.values());
    }
}
