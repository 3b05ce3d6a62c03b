package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.app.access.IndicatorCard;
import cn.yiyang.planning.app.access.IndicatorFormat;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.catalogue.Region;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One analysis on a page, shaped like 道路通达: the latest run (when, by whom), for the owning role the settings (every
 * {@link SettingSpec} of the kind, with its default and unit) and a run button with a progress bar; the city's cards
 * (value, target, met or not, change since the previous run) for all villages or a group; the counties and, for the
 * county chosen, its townships; the city over the runs; and the data problems the latest run met. Element ids start
 * with the prefix given ({@code water}: {@code water-run}, {@code water-cards}, {@code water-card-<indicator>} …).
 * Texts: {@code analysis.*}, indicator titles {@code indicator.<id>} and {@code indicator.short.<id>}, settings
 * {@code setting.<name>}, units {@code unit.<unit>}, and {@code analysis.read-only.<kind>} for who may run it.
 */
public class ThemeAnalysisPanel extends Div {

    public static final int POLL_MS = 500;
    private static final String WATCHING = "analysis-panels-watching";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Region.TIME_ZONE);

    private final AnalysisRunner runner;
    private final AnalysisKind kind;
    private final AppUser user;
    private final List<Indicator> shown;
    private final String prefix;
    private final boolean canRun;
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
    private final Details problems = new Details();
    private final Map<String, HasValue<?, ?>> settingFields = new LinkedHashMap<>();
    private final List<Consumer<Optional<AnalysisRun>>> shownListeners = new ArrayList<>();
    private String watching;
    private Registration poll;

    /** One unit's values (or one run's, in the history), by indicator. */
    public record Row(String code, String name, Map<Indicator, IndicatorValue> values) {}

    /**
     * @param runner runs and reads every analysis
     * @param kind the analysis shown
     * @param user who looks (owners of the kind's theme may run it)
     * @param shown the indicators shown, in order (a subset of the kind's)
     * @param prefix the prefix of the element ids
     */
    public ThemeAnalysisPanel(
            AnalysisRunner runner, AnalysisKind kind, AppUser user, List<Indicator> shown, String prefix) {
        this.runner = runner;
        this.kind = kind;
        this.user = user;
        this.shown = List.copyOf(shown);
        this.prefix = prefix;
        this.canRun = Permissions.allows(user, Action.runAnalysis(kind.theme()));
        addClassName("analysis-panel");
        setId(prefix + "-panel");

        group.setLabel(getTranslation("analysis.group"));
        group.setItems(UnitGroup.values());
        group.setItemLabelGenerator(g -> keyed("analysis.group.", g.id()));
        group.setValue(UnitGroup.ALL);
        group.setId(prefix + "-group");
        group.addValueChangeListener(e -> show());
        Div toolbar = new Div(group);
        toolbar.addClassName("access-toolbar");
        toolbar.setId(prefix + "-toolbar");

        cards.addClassName("access-cards");
        cards.setId(prefix + "-cards");
        configure(counties, getTranslation("analysis.county"));
        counties.setId(prefix + "-counties");
        counties.addSelectionListener(
                e -> showTownships(e.getFirstSelectedItem().orElse(null)));
        configure(townships, getTranslation("analysis.township"));
        townships.setId(prefix + "-townships");
        townshipTitle.setText(getTranslation("analysis.townships-hint"));
        configureHistory();
        problems.setId(prefix + "-problems");
        problems.addClassName("analysis-problems");

        add(
                runPanel(),
                toolbar,
                cards,
                new H3(getTranslation("analysis.by-county")),
                counties,
                townshipTitle,
                townships,
                problems,
                new H3(getTranslation("analysis.history")),
                history);
        show();
    }

    /** @return the toolbar above the cards, for a page's links */
    public Div toolbar() {
        return (Div) getChildren()
                .filter(c -> c.getId().map(id -> id.equals(prefix + "-toolbar")).orElse(false))
                .findFirst()
                .orElseThrow();
    }

    /** Called with the latest successful run (or none) each time the panel shows its results. */
    public void addShownListener(Consumer<Optional<AnalysisRun>> listener) {
        shownListeners.add(listener);
        listener.accept(runner.latest(kind.id()));
    }

    private Div runPanel() {
        runInfo.setId(prefix + "-run-info");
        progress.setVisible(false);
        progress.setId(prefix + "-progress");
        progressText.setId(prefix + "-progress-text");
        run.setText(getTranslation("analysis.run"));
        run.setId(prefix + "-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setEnabled(canRun);
        run.addClickListener(e -> start());
        Div panel = new Div(runInfo, run, progress, progressText);
        panel.addClassName("access-run-panel");
        if (!canRun) {
            Span note = new Span(keyed("analysis.read-only.", kind.id()));
            note.addClassName("access-hint");
            panel.add(note);
        }
        Details settings = new Details(getTranslation("analysis.settings"), settingsForm());
        settings.setId(prefix + "-settings");
        settings.addClassName("access-settings");
        return new Div(panel, settings);
    }

    private Div settingsForm() {
        Div form = new Div();
        form.addClassName("access-settings-form");
        RunSettings defaults = RunSettings.defaults(kind.settings());
        for (SettingSpec s : kind.settings()) {
            String label = keyed("setting.", s.name());
            Component field = switch (s.type()) {
                case NUMBER, INTEGER -> {
                    NumberField f = new NumberField(label);
                    f.setValue(((Number) defaults.values().get(s.name())).doubleValue());
                    if (s.unit() != null) {
                        f.setSuffixComponent(new Span(keyed("unit.", s.unit())));
                    }
                    f.setStepButtonsVisible(false);
                    settingFields.put(s.name(), f);
                    yield f;
                }
                case BOOLEAN -> {
                    Checkbox f = new Checkbox(label, (Boolean) defaults.values().get(s.name()));
                    settingFields.put(s.name(), f);
                    yield f;
                }
                case DATE -> {
                    DatePicker f = new DatePicker(label, defaults.date(s.name()));
                    settingFields.put(s.name(), f);
                    yield f;
                }
            };
            field.setId(prefix + "-setting-" + s.name());
            ((HasEnabled) field).setEnabled(canRun);
            form.add(field);
        }
        return form;
    }

    /** @return the settings as typed on the page */
    private Map<String, Object> typed() {
        Map<String, Object> v = new LinkedHashMap<>();
        settingFields.forEach((name, f) -> {
            Object value = f.getValue();
            v.put(name, value instanceof LocalDate d ? d.toString() : value);
        });
        return v;
    }

    private void start() {
        settingFields.values().forEach(f -> invalid(f, null));
        AnalysisRun started;
        try {
            started = runner.start(kind.id(), typed(), user);
        } catch (BadSettingException e) {
            SettingSpec spec = kind.settings().stream()
                    .filter(s -> s.name().equals(e.setting()))
                    .findFirst()
                    .orElse(null);
            String label = keyed("setting.", e.setting());
            String message = spec != null && spec.min() != null && spec.max() != null
                    ? getTranslation(
                            "analysis.setting-out-of-range",
                            label,
                            BadSettingException.fmt(spec.min()),
                            BadSettingException.fmt(spec.max()))
                    : getTranslation("analysis.setting-invalid", label);
            invalid(settingFields.get(e.setting()), message);
            Notification.show(message, 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        watch(started.id());
    }

    private static void invalid(HasValue<?, ?> field, String message) {
        if (field instanceof NumberField f) {
            f.setErrorMessage(message);
            f.setInvalid(message != null);
        } else if (field instanceof DatePicker f) {
            f.setErrorMessage(message);
            f.setInvalid(message != null);
        }
    }

    private void watch(String runId) {
        watching = runId;
        run.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        progressText.setText(getTranslation("analysis.status.QUEUED"));
        getUI().ifPresent(ui -> {
            ComponentUtil.setData(ui, WATCHING, watchers(ui) + 1);
            ui.setPollInterval(POLL_MS);
        });
    }

    /** How many panels of the page follow a run: the page polls while one does (a page may show two analyses). */
    private static int watchers(UI ui) {
        Object n = ComponentUtil.getData(ui, WATCHING);
        return n instanceof Integer i ? i : 0;
    }

    private void unwatch() {
        getUI().ifPresent(ui -> {
            int left = Math.max(0, watchers(ui) - 1);
            ComponentUtil.setData(ui, WATCHING, left);
            if (left == 0) {
                ui.setPollInterval(-1);
            }
        });
    }

    /** Called by the poll: follows the watched run; when it settles, shows its results. */
    public void refresh() {
        if (watching == null) {
            return;
        }
        AnalysisRun r = runner.get(watching);
        progress.setValue(r.progress());
        progressText.setText(keyed("analysis.status.", r.status().name())
                + String.format(Locale.ROOT, " %.0f%%", r.progress() * 100));
        if (r.status().settled()) {
            watching = null;
            run.setEnabled(canRun);
            progress.setVisible(false);
            unwatch();
            if (r.status() == RunStatus.FAILED) {
                progressText.setText(getTranslation("analysis.run-failed"));
                Notification.show(getTranslation("analysis.run-failed"), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            } else {
                progressText.setText(getTranslation("analysis.run-done"));
                show();
            }
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        poll = event.getUI().addPollListener(e -> refresh());
        if (watching == null) {
            runner.recent(kind.id(), 1).stream()
                    .filter(r -> !r.status().settled())
                    .findFirst()
                    .ifPresent(r -> watch(r.id()));
        } else {
            ComponentUtil.setData(event.getUI(), WATCHING, watchers(event.getUI()) + 1);
            event.getUI().setPollInterval(POLL_MS);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        ComponentUtil.setData(event.getUI(), WATCHING, 0);
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
            poll = null;
        }
    }

    private void configure(Grid<Row> grid, String unitHeader) {
        grid.addColumn(Row::name)
                .setHeader(unitHeader)
                .setFrozen(true)
                .setAutoWidth(true)
                .setFlexGrow(0);
        for (Indicator id : shown) {
            grid.addColumn(r -> cell(r, id))
                    .setHeader(keyed("indicator.short.", id.id()))
                    .setAutoWidth(true)
                    .setPartNameGenerator(r -> tone(r.values().get(id)));
        }
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addClassName("access-grid");
    }

    private void configureHistory() {
        history.addColumn(Row::name)
                .setHeader(getTranslation("analysis.run-time"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        for (Indicator id : shown) {
            history.addColumn(r -> cell(r, id))
                    .setHeader(keyed("indicator.short.", id.id()))
                    .setAutoWidth(true);
        }
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        history.setId(prefix + "-history");
        history.addClassName("access-grid");
    }

    private static String cell(Row r, Indicator id) {
        IndicatorValue v = r.values().get(id);
        return v == null ? "" : IndicatorFormat.value(v);
    }

    private static String tone(IndicatorValue v) {
        Boolean meets = v == null ? null : IndicatorFormat.meets(v);
        return meets == null ? null : meets ? "access-meets" : "access-below";
    }

    /** Shows the latest successful run. */
    public void show() {
        UnitGroup g = group.getValue();
        Optional<AnalysisRun> latest = runner.latest(kind.id());
        shownListeners.forEach(l -> l.accept(latest));
        cards.removeAll();
        problems.removeAll();
        problems.setVisible(false);
        if (latest.isEmpty()) {
            runInfo.setText(getTranslation("analysis.no-run"));
            counties.setItems(List.of());
            townships.setItems(List.of());
            history.setItems(List.of());
            return;
        }
        AnalysisRun r = latest.get();
        runInfo.setText(getTranslation("analysis.run-info", TIME.format(r.finishedAt()), r.requestedBy()));
        Map<Indicator, IndicatorValue> city =
                index(runner.indicators(kind.id(), r.id(), UnitLevel.CITY, null, g, null));
        Map<String, Map<Indicator, IndicatorValue>> byRun = new LinkedHashMap<>();
        Map<Indicator, IndicatorValue> previous = new LinkedHashMap<>();
        for (Indicator id : shown) {
            List<IndicatorValue> past = runner.history(kind.id(), id, UnitLevel.CITY, Region.CITY_CODE, g);
            for (IndicatorValue v : past) {
                byRun.computeIfAbsent(v.runId(), k -> new LinkedHashMap<>()).put(id, v);
            }
            int at = indexOfRun(past, r.id());
            if (at > 0) {
                previous.put(id, past.get(at - 1));
            }
        }
        for (Indicator id : shown) {
            IndicatorValue v = city.get(id);
            if (v != null) {
                IndicatorCard card = new IndicatorCard(keyed("indicator.", id.id()), v).withChange(previous.get(id));
                card.setId(prefix + "-card-" + id.id());
                cards.add(card);
            }
        }
        counties.setItems(rows(runner.indicators(kind.id(), r.id(), UnitLevel.COUNTY, null, g, null), null));
        townships.setItems(List.of());
        townshipTitle.setText(getTranslation("analysis.townships-hint"));
        Map<String, String> runTime = new LinkedHashMap<>();
        for (AnalysisRun past : runner.recent(kind.id(), 50)) {
            if (past.finishedAt() != null) {
                runTime.put(past.id(), TIME.format(past.finishedAt()));
            }
        }
        List<Row> runs = new ArrayList<>();
        byRun.forEach((id, values) -> runs.add(0, new Row(id, runTime.getOrDefault(id, id), values)));
        history.setItems(runs);
        showProblems(r);
    }

    private static int indexOfRun(List<IndicatorValue> past, String runId) {
        for (int i = 0; i < past.size(); i++) {
            if (runId.equals(past.get(i).runId())) {
                return i;
            }
        }
        return -1;
    }

    private void showProblems(AnalysisRun r) {
        List<RunProblem> found = RunJson.Run.problems(r);
        if (found.isEmpty()) {
            return;
        }
        problems.setSummaryText(getTranslation("analysis.problems", found.size()));
        UnorderedList list = new UnorderedList();
        found.stream()
                .limit(200)
                .forEach(p -> list.add(new ListItem(
                        getTranslation(p.messageKey(), p.arguments().toArray()))));
        problems.add(list);
        problems.setVisible(true);
    }

    private void showTownships(Row county) {
        if (county == null) {
            townships.setItems(List.of());
            townshipTitle.setText(getTranslation("analysis.townships-hint"));
            return;
        }
        townshipTitle.setText(getTranslation("analysis.townships-of", county.name()));
        runner.latest(kind.id())
                .ifPresent(r -> townships.setItems(rows(
                        runner.indicators(kind.id(), r.id(), UnitLevel.TOWNSHIP, null, group.getValue(), null),
                        county.code())));
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

    /** The text of a key made of a prefix and an id ({@code indicator.} + {@code sanitary_toilet_rate} …). */
    private String keyed(String prefix, String id) {
        return getTranslation(prefix + id);
    }
}
