package cn.yiyang.planning.app.indicator;

import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.system.ApiProblems;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.CatalogueIndicator;
import cn.yiyang.planning.layers.analysis.IndicatorChange;
import cn.yiyang.planning.layers.analysis.IndicatorEntry;
import cn.yiyang.planning.layers.analysis.IndicatorTarget;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The indicator catalogue over REST:
 * <ul>
 *   <li>{@code GET /api/v1/indicator-catalogue[?period=]} → the plan period (the one in force unless named), the
 *   periods with targets, and every indicator with its targets of the period per group;</li>
 *   <li>{@code PUT /api/v1/indicator-catalogue/targets/{period}} (JSON list of {@code indicator, group, target,
 *   noteZh, noteEn, source}) → the period's targets; ADMIN only (403 {@code forbidden}), 422
 *   {@code invalid_indicator_value};</li>
 *   <li>{@code GET /api/v1/indicator-catalogue/{id}/entries[?year=][&level=][&code=]} → a manual indicator's
 *   entries;</li>
 *   <li>{@code POST /api/v1/indicator-catalogue/{id}/entries} ({@code year, code, value, note}) → 201 with the
 *   entry, entered by the caller now; the owning department or ADMIN (403), 422 {@code invalid_indicator_value};</li>
 *   <li>{@code GET /api/v1/indicator-catalogue/changes[?indicator=][&limit=]} → the recorded changes of targets and
 *   entries, newest first.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/indicator-catalogue")
class IndicatorCatalogueController {

    private final IndicatorCatalogueService service;

    IndicatorCatalogueController(IndicatorCatalogueService service) {
        this.service = service;
    }

    /** A target of one group. */
    record Target(String group, Double target, String noteZh, String noteEn, String source) {
        static Target of(IndicatorTarget t) {
            return new Target(t.group().id(), t.target(), t.noteZh(), t.noteEn(), t.source());
        }
    }

    /** An indicator of the catalogue with its targets of the period. */
    record Entry(
            String id,
            String nameZh,
            String nameEn,
            String unit,
            String direction,
            String binding,
            String source,
            String entryLevel,
            String owner,
            double minValue,
            double maxValue,
            String planRef,
            List<Target> targets,
            String rollup,
            String rollupWeight) {}

    /** The catalogue of a period. */
    record Catalogue(String period, List<String> periods, List<Entry> indicators) {}

    /** A target sent by an administrator. */
    record TargetRequest(String indicator, String group, Double target, String noteZh, String noteEn, String source) {}

    /** An entry sent by a department. */
    record EntryRequest(Integer year, String code, Double value, String note) {}

    /** A stored entry. */
    record EntryJson(
            String indicator,
            int year,
            String level,
            String code,
            double value,
            String note,
            String enteredBy,
            Instant enteredAt) {
        static EntryJson of(IndicatorEntry e) {
            return new EntryJson(
                    e.indicator(),
                    e.year(),
                    e.level().id(),
                    e.code(),
                    e.value(),
                    e.note(),
                    e.enteredBy(),
                    e.enteredAt());
        }
    }

    @ApiProblems({"400 bad_value"})
    @GetMapping
    Catalogue catalogue(@RequestParam(required = false) String period) {
        String p = period == null ? service.planPeriod() : period;
        Map<String, List<Target>> targets = service.targets(p).stream()
                .collect(Collectors.groupingBy(
                        IndicatorTarget::indicator, Collectors.mapping(Target::of, Collectors.toList())));
        List<Entry> out = service.indicators().stream()
                .map(i -> entry(i, targets.getOrDefault(i.id(), List.of())))
                .toList();
        return new Catalogue(p, service.periods(), out);
    }

    @ApiProblems({"403 forbidden", "422 invalid_indicator_value"})
    @PutMapping("/targets/{period}")
    List<Target> saveTargets(@PathVariable String period, @RequestBody List<TargetRequest> body, Authentication auth) {
        List<IndicatorTarget> targets = body.stream()
                .map(t -> new IndicatorTarget(
                        t.indicator() == null ? "" : t.indicator(),
                        period,
                        group(t.group()),
                        t.target(),
                        t.source(),
                        t.noteZh(),
                        t.noteEn()))
                .toList();
        service.saveTargets(AppUser.of(auth), period, targets);
        return service.targets(period).stream().map(Target::of).toList();
    }

    @ApiProblems({"400 bad_value"})
    @GetMapping("/{id}/entries")
    List<EntryJson> entries(
            @PathVariable String id,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String code) {
        UnitLevel l = level == null
                ? null
                : UnitLevel.byId(level)
                        .orElseThrow(() -> new BadValueException("level", level, "county, township, village"));
        return service.entries(id, year, l, code).stream().map(EntryJson::of).toList();
    }

    @ApiProblems({"403 forbidden", "422 invalid_indicator_value"})
    @PostMapping("/{id}/entries")
    ResponseEntity<EntryJson> enter(@PathVariable String id, @RequestBody EntryRequest body, Authentication auth) {
        if (body.year() == null || body.value() == null || body.code() == null) {
            throw new InvalidIndicatorValueException("value", "indicator.error.missing");
        }
        IndicatorEntry e = service.enter(AppUser.of(auth), id, body.year(), body.code(), body.value(), body.note());
        return ResponseEntity.status(HttpStatus.CREATED).body(EntryJson.of(e));
    }

    @ApiProblems({"400 bad_value"})
    @GetMapping("/changes")
    List<IndicatorChange> changes(
            @RequestParam(required = false) String indicator, @RequestParam(defaultValue = "100") int limit) {
        return service.changes(indicator, Math.max(1, Math.min(limit, 1000)));
    }

    private static UnitGroup group(String id) {
        String g = id == null ? UnitGroup.ALL.id() : id;
        return UnitGroup.byId(g)
                .orElseThrow(() -> new BadValueException("group", g, "all, key_support, demonstration"));
    }

    private static Entry entry(CatalogueIndicator i, List<Target> targets) {
        return new Entry(
                i.id(),
                i.nameZh(),
                i.nameEn(),
                i.unit().id(),
                i.higherIsBetter() ? "higher" : "lower",
                i.binding() ? "binding" : "expected",
                i.source(),
                i.entryLevel() == null ? null : i.entryLevel().id(),
                i.owner(),
                i.minValue(),
                i.maxValue(),
                i.planRef(),
                targets,
                i.rollup().kind().id(),
                i.rollup().weight().id());
    }
}
