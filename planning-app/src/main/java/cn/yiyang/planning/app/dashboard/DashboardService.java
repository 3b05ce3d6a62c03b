package cn.yiyang.planning.app.dashboard;

import cn.yiyang.planning.app.analysis.AnalysisKind;
import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.indicator.IndicatorCatalogueService;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.plan.PlanCoverageService;
import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.access.Indicators;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.CatalogueIndicator;
import cn.yiyang.planning.layers.analysis.IndicatorEntry;
import cn.yiyang.planning.layers.analysis.IndicatorTarget;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.analysis.RunStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
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

    private final AnalysisRunner runner;
    private final IndicatorCatalogueService catalogue;
    private final PlanCoverageService coverage;
    private final PlaceService places;

    DashboardService(
            AnalysisRunner runner,
            IndicatorCatalogueService catalogue,
            PlanCoverageService coverage,
            PlaceService places) {
        this.runner = runner;
        this.catalogue = catalogue;
        this.coverage = coverage;
        this.places = places;
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
            if (i.manual() && i.entryLevel() == level) {
                latestEntry(i, unit.code(), targets).ifPresent(v -> byId.put(i.id(), v));
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
        } else if (i.entryLevel() == level) {
            for (Place u : units) {
                latestEntry(i, u.code(), targets).ifPresent(v -> byCode.put(u.code(), v));
            }
        }
        return units.stream()
                .map(u -> byCode.getOrDefault(
                        u.code(),
                        new DashboardValue(i, u.code(), u.name(), null, target(i, targets), null, null, null, null)))
                .toList();
    }

    /** One indicator of one unit and group over the successful runs of its kind, oldest first (the trend chart). */
    public List<DashboardValue> trend(String indicatorId, Place unit, UnitGroup group) {
        CatalogueIndicator i = catalogue.indicator(indicatorId);
        Map<String, IndicatorTarget> targets = targets(group);
        Optional<Indicator> computed = Indicators.byId(i.id());
        Optional<AnalysisKind> kind = computed.flatMap(this::kindOf);
        if (kind.isEmpty()) {
            return List.of();
        }
        return runner.history(kind.get().id(), computed.get(), level(unit), unit.code(), group).stream()
                .map(v -> of(v, targets, null))
                .toList();
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
        for (CatalogueIndicator i : indicators()) {
            if (i.manual() && i.entryLevel() == level) {
                catalogue.entries(i.id(), null, level, null).stream()
                        .filter(e -> e.code().startsWith(prefix))
                        .map(IndicatorEntry::code)
                        .distinct()
                        .forEach(code -> latestEntry(i, code, targets).ifPresent(out::add));
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

    private Optional<DashboardValue> latestEntry(
            CatalogueIndicator i, String code, Map<String, IndicatorTarget> targets) {
        List<IndicatorEntry> entries = catalogue.entries(i.id(), null, null, code).stream()
                .sorted(Comparator.comparingInt(IndicatorEntry::year).reversed())
                .toList();
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        IndicatorEntry last = entries.getFirst();
        Double before = entries.size() > 1 ? entries.get(1).value() : null;
        Double target = target(i, targets);
        String name = places.find(code).map(Place::name).orElse(code);
        return Optional.of(new DashboardValue(
                i, code, name, last.value(), target, i.meets(last.value(), target), before, null, last.year()));
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
