package cn.yiyang.planning.app.dashboard;

import cn.yiyang.planning.app.analysis.AnalysisKind;
import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.indicator.IndicatorCatalogueService;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.plan.PlanCoverageService;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.access.Indicators;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.CatalogueIndicator;
import cn.yiyang.planning.layers.analysis.IndicatorEntry;
import cn.yiyang.planning.layers.analysis.IndicatorRollup;
import cn.yiyang.planning.layers.analysis.IndicatorTarget;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.feature.Scope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What the dashboard shows, read from stored runs ({@link AnalysisRunner#indicators}, the same values as
 * {@code GET /api/v1/indicators}), manual entries and the plan coverage the register keeps; nothing is recomputed.
 * Targets are the catalogue's for the plan period and the group; a value meets its target as the catalogue's direction
 * says.
 */
@Service
public class DashboardService {

    /** Where the plan's dates are: a period ends at midnight in Beijing. */
    static final ZoneId PLAN_ZONE = ZoneId.of("Asia/Shanghai");

    /** How many runs of a kind back the final evaluation looks for the last one of the period. */
    private static final int RUNS_KEPT = 1000;

    private final AnalysisRunner runner;
    private final IndicatorCatalogueService catalogue;
    private final PlanCoverageService coverage;
    private final PlaceService places;
    private final DataScopes scopes;

    /** @param scopes what each reader reads: the page asks with its user, the service applies the user's scope */
    DashboardService(
            AnalysisRunner runner,
            IndicatorCatalogueService catalogue,
            PlanCoverageService coverage,
            PlaceService places,
            DataScopes scopes) {
        this.runner = runner;
        this.catalogue = catalogue;
        this.coverage = coverage;
        this.places = places;
        this.scopes = scopes;
    }

    /** @return the catalogue's indicators in its order */
    public List<CatalogueIndicator> indicators() {
        return catalogue.indicators();
    }

    /** @return the plan period in force */
    public String planPeriod() {
        return catalogue.planPeriod();
    }

    /** @return the unit with this code (the city when null) */
    public Optional<Place> unit(String code) {
        return code == null ? Optional.of(places.city()) : places.find(code);
    }

    /**
     * The unit a reader of this scope may ask for, the one rule of the dashboard's page and API: when none is named,
     * the city, or for a reader limited to counties its first county; the unit named when it lies in the scope's
     * counties. Empty when the code is unknown or lies outside them (the city, another county): the city's totals
     * are hidden from a county's reader, not computed over its counties.
     */
    public Optional<Place> unit(String code, Scope scope) {
        String asked = code == null && scope.limited() ? new TreeSet<>(scope.counties()).first() : code;
        return asked != null && !scope.admitsCode(asked) ? Optional.empty() : unit(asked);
    }

    /** @return what a reader of this scope may ask for ({@link #unit(String, Scope)}), as a refusal names it */
    public String unitsAllowed(Scope scope) {
        return scope.limited()
                ? String.join(", ", new TreeSet<>(scope.counties())) + ", a township or village code in them"
                : "430900, a county, township or village code";
    }

    /** @return the units from the highest this scope may ask for ({@link #unit(String, Scope)}) down to this one */
    public List<Place> path(Place unit, Scope scope) {
        return path(unit).stream().filter(p -> scope.admitsCode(p.code())).toList();
    }

    /** As {@link #unit(String, Scope)}, for the user's scope. */
    public Optional<Place> unit(String code, AppUser user) {
        return unit(code, scopes.of(user));
    }

    /** As {@link #path(Place, Scope)}, for the user's scope. */
    public List<Place> path(Place unit, AppUser user) {
        return path(unit, scopes.of(user));
    }

    /** @return the counties the user is limited to, in code order (none for a reader of the whole city) */
    public List<Place> counties(AppUser user) {
        Scope scope = scopes.of(user);
        return new TreeSet<>(scope.counties())
                .stream().map(c -> unit(c, scope)).flatMap(Optional::stream).toList();
    }

    /** @return the units directly below */
    public List<Place> children(Place unit) {
        return places.children(unit);
    }

    /** @return the units from the city down to this one */
    public List<Place> path(Place unit) {
        return places.path(unit);
    }

    /**
     * The headline values of one unit: every indicator of the catalogue that has a value or a target there, with
     * the change since the previous run (or year).
     */
    public List<DashboardValue> headline(Place unit, UnitGroup group) {
        UnitLevel level = level(unit);
        Map<String, IndicatorTarget> targets = targets(group);
        Map<String, DashboardValue> byId = new LinkedHashMap<>();
        for (AnalysisKind kind : runner.kinds()) {
            Map<String, IndicatorValue> previous = previousRun(kind)
                    .map(r -> runner.indicators(kind.id(), r.id(), level, unit.code(), group, null).stream()
                            .collect(Collectors.toMap(v -> v.indicator().id(), Function.identity(), (a, b) -> a)))
                    .orElse(Map.of());
            for (IndicatorValue v : runner.indicators(kind.id(), null, level, unit.code(), group, null)) {
                IndicatorValue before = previous.get(v.indicator().id());
                byId.put(v.indicator().id(), of(v, targets, before == null ? null : before.value()));
            }
        }
        for (IndicatorValue v : coverage.indicators(level, unit.code(), group)) {
            byId.put(v.indicator().id(), of(v, targets, null));
        }
        for (CatalogueIndicator i : indicators()) {
            if (i.manual()) {
                manualValue(manual(i), unit, targets, null).ifPresent(v -> byId.put(i.id(), v));
            }
        }
        List<DashboardValue> out = new ArrayList<>();
        for (CatalogueIndicator i : indicators()) {
            DashboardValue v = byId.get(i.id());
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** One indicator for every unit directly below {@code parent} (the choropleth, the charts), ordered by code. */
    public List<DashboardValue> below(String indicatorId, Place parent, UnitGroup group) {
        CatalogueIndicator i = catalogue.indicator(indicatorId);
        List<Place> units = children(parent);
        if (units.isEmpty()) {
            return List.of();
        }
        UnitLevel level = level(units.getFirst());
        Map<String, IndicatorTarget> targets = targets(group);
        Map<String, DashboardValue> byCode = new TreeMap<>();
        Optional<Indicator> computed = Indicators.byId(i.id());
        if (computed.isPresent()) {
            for (IndicatorValue v : computedValues(i, computed.get(), level, group)) {
                if (parent.code().equals(v.parentCode())) {
                    byCode.put(v.code(), of(v, targets, null));
                }
            }
        } else if (i.manual()) {
            ManualSeries series = manual(i);
            for (Place u : units) {
                manualValue(series, u, targets, null).ifPresent(v -> byCode.put(u.code(), v));
            }
        }
        return units.stream()
                .map(u -> byCode.getOrDefault(
                        u.code(),
                        new DashboardValue(i, u.code(), u.name(), null, target(i, targets), null, null, null, null)))
                .toList();
    }

    /**
     * One indicator of one unit and group over the successful runs of its kind, or over the years of a manual
     * indicator's entries (rolled up above its entry level), oldest first (the trend chart).
     */
    public List<DashboardValue> trend(String indicatorId, Place unit, UnitGroup group) {
        CatalogueIndicator i = catalogue.indicator(indicatorId);
        Map<String, IndicatorTarget> targets = targets(group);
        if (i.manual()) {
            NavigableMap<Integer, Double> series = manual(i).of(level(unit), unit.code());
            Double target = target(i, targets);
            List<DashboardValue> out = new ArrayList<>();
            series.forEach((year, value) -> out.add(new DashboardValue(
                    i,
                    unit.code(),
                    unit.name(),
                    value,
                    target,
                    i.meets(value, target),
                    Optional.ofNullable(series.lowerEntry(year))
                            .map(Map.Entry::getValue)
                            .orElse(null),
                    null,
                    year)));
            return out;
        }
        Optional<Indicator> computed = Indicators.byId(i.id());
        Optional<AnalysisKind> kind = computed.flatMap(this::kindOf);
        if (kind.isEmpty()) {
            return List.of();
        }
        return runner.history(kind.get().id(), computed.get(), level(unit), unit.code(), group).stream()
                .map(v -> of(v, targets, null))
                .toList();
    }

    /** @return the last day of the plan period in force (its end year's 31 December) */
    public LocalDate periodEnd() {
        return LocalDate.of(Integer.parseInt(planPeriod().substring(planPeriod().indexOf('-') + 1)), 12, 31);
    }

    /**
     * The 终期评估 (final evaluation) of one unit and group: every indicator with a target or a value, its value as of
     * the end of the plan period ({@link #periodEnd()}, Beijing time): of the last successful run finished by then, or
     * the last entry of a year up to the end year. The live plan coverage keeps no history, so it counts only while
     * the period lasts. A value is null when nothing was stored by then; the target and met or not as in
     * {@link #headline}.
     */
    public List<DashboardValue> evaluation(Place unit, UnitGroup group) {
        UnitLevel level = level(unit);
        Map<String, IndicatorTarget> targets = targets(group);
        LocalDate endDay = periodEnd();
        Instant end = endDay.plusDays(1).atStartOfDay(PLAN_ZONE).toInstant();
        Map<String, DashboardValue> byId = new LinkedHashMap<>();
        for (AnalysisKind kind : runner.kinds()) {
            Optional<AnalysisRun> run = runner.recent(kind.id(), RUNS_KEPT).stream()
                    .filter(r -> r.status() == RunStatus.SUCCEEDED
                            && r.finishedAt() != null
                            && r.finishedAt().isBefore(end))
                    .findFirst();
            run.ifPresent(r -> runner.indicators(kind.id(), r.id(), level, unit.code(), group, null)
                    .forEach(v -> byId.put(v.indicator().id(), of(v, targets, null))));
        }
        if (Instant.now().isBefore(end)) {
            coverage.indicators(level, unit.code(), group)
                    .forEach(v -> byId.put(v.indicator().id(), of(v, targets, null)));
        }
        List<DashboardValue> out = new ArrayList<>();
        for (CatalogueIndicator i : indicators()) {
            Optional<DashboardValue> v = i.manual()
                    ? manualValue(manual(i), unit, targets, endDay.getYear())
                    : Optional.ofNullable(byId.get(i.id()));
            if (v.isPresent()) {
                out.add(v.get());
            } else if (targets.containsKey(i.id())) {
                out.add(new DashboardValue(
                        i, unit.code(), unit.name(), null, target(i, targets), null, null, null, null));
            }
        }
        return out;
    }

    /**
     * Every indicator of every unit at a level inside a unit (the report's sheets), ordered by code and the
     * catalogue's order: one read per kind and level, whatever the number of units.
     */
    public List<DashboardValue> atLevel(UnitLevel level, Place within, UnitGroup group) {
        String prefix = within.level() == Place.Level.CITY ? within.code().substring(0, 4) : within.code();
        Map<String, IndicatorTarget> targets = targets(group);
        List<DashboardValue> out = new ArrayList<>();
        for (AnalysisKind kind : runner.kinds()) {
            for (IndicatorValue v : runner.indicators(kind.id(), null, level, null, group, null)) {
                if (v.code().startsWith(prefix)) {
                    out.add(of(v, targets, null));
                }
            }
        }
        for (IndicatorValue v : coverage.indicators(level, null, group)) {
            if (v.code().startsWith(prefix)) {
                out.add(of(v, targets, null));
            }
        }
        List<Place> inside = null;
        for (CatalogueIndicator i : indicators()) {
            if (i.manual()
                    && i.entryLevel() != null
                    && level.ordinal() <= i.entryLevel().ordinal()) {
                if (inside == null) {
                    inside = catalogue.units(level).stream()
                            .filter(u -> u.code().startsWith(prefix))
                            .toList();
                }
                ManualSeries series = manual(i);
                for (Place u : inside) {
                    manualValue(series, u, targets, null).ifPresent(out::add);
                }
            }
        }
        Map<String, Integer> order = new LinkedHashMap<>();
        indicators().forEach(i -> order.put(i.id(), i.order()));
        out.sort(Comparator.comparing(DashboardValue::code)
                .thenComparing(v -> order.getOrDefault(v.indicator().id(), 0)));
        return out;
    }

    private List<IndicatorValue> computedValues(
            CatalogueIndicator i, Indicator indicator, UnitLevel level, UnitGroup group) {
        if (CatalogueIndicator.LIVE.equals(i.source())) {
            return coverage.indicators(level, null, group);
        }
        return kindOf(indicator)
                .map(k -> runner.indicators(k.id(), null, level, null, group, indicator))
                .orElse(List.of());
    }

    private Optional<AnalysisKind> kindOf(Indicator indicator) {
        return runner.kinds().stream()
                .filter(k -> k.indicators().contains(indicator))
                .findFirst();
    }

    private Optional<AnalysisRun> previousRun(AnalysisKind kind) {
        return runner.recent(kind.id(), 50).stream()
                .filter(r -> r.status() == RunStatus.SUCCEEDED)
                .skip(1)
                .findFirst();
    }

    /** @return a manual indicator's values by year for any unit, from one read of its entries */
    private ManualSeries manual(CatalogueIndicator i) {
        UnitLevel entryLevel = i.entryLevel();
        List<IndicatorEntry> entries = catalogue.entries(i.id(), null, entryLevel, null);
        if (i.rollup().kind() == IndicatorRollup.Kind.NONE || entryLevel == null) {
            return new ManualSeries(i, entries, List.of(), c -> 1);
        }
        List<String> units =
                catalogue.units(entryLevel).stream().map(Place::code).toList();
        ToDoubleFunction<String> weight = switch (i.rollup().weight()) {
            case UNIT -> c -> 1;
            case VILLAGES -> count(UnitLevel.VILLAGE);
            case TOWNSHIPS -> count(UnitLevel.TOWNSHIP);
        };
        return new ManualSeries(i, entries, units, weight);
    }

    /** @return how many units of a level lie in a unit (by its code) */
    private ToDoubleFunction<String> count(UnitLevel level) {
        List<String> codes = catalogue.units(level).stream().map(Place::code).toList();
        return code -> codes.stream().filter(c -> c.startsWith(code)).count();
    }

    /**
     * @param upTo the last year counted, or null for the latest
     * @return the unit's value of the latest year up to {@code upTo}, with the year before as the previous value
     */
    private Optional<DashboardValue> manualValue(
            ManualSeries series, Place unit, Map<String, IndicatorTarget> targets, Integer upTo) {
        CatalogueIndicator i = series.indicator();
        NavigableMap<Integer, Double> values = series.of(level(unit), unit.code());
        Map.Entry<Integer, Double> last = upTo == null ? values.lastEntry() : values.floorEntry(upTo);
        if (last == null) {
            return Optional.empty();
        }
        Map.Entry<Integer, Double> before = values.lowerEntry(last.getKey());
        Double target = target(i, targets);
        return Optional.of(new DashboardValue(
                i,
                unit.code(),
                unit.name(),
                last.getValue(),
                target,
                i.meets(last.getValue(), target),
                before == null ? null : before.getValue(),
                null,
                last.getKey()));
    }

    private DashboardValue of(IndicatorValue v, Map<String, IndicatorTarget> targets, Double previous) {
        CatalogueIndicator i = catalogue.indicator(v.indicator().id());
        Double target = target(i, targets);
        return new DashboardValue(
                i, v.code(), v.name(), v.value(), target, i.meets(v.value(), target), previous, v.runId(), null);
    }

    private static Double target(CatalogueIndicator i, Map<String, IndicatorTarget> targets) {
        IndicatorTarget t = targets.get(i.id());
        return t == null ? null : t.target();
    }

    private Map<String, IndicatorTarget> targets(UnitGroup group) {
        return catalogue.targets(planPeriod()).stream()
                .filter(t -> t.group() == group)
                .collect(Collectors.toMap(IndicatorTarget::indicator, Function.identity()));
    }

    private static UnitLevel level(Place unit) {
        return UnitLevel.valueOf(unit.level().name());
    }
}
