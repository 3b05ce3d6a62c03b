package cn.yiyang.planning.app.indicator;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.CatalogueIndicator;
import cn.yiyang.planning.layers.analysis.IndicatorCatalogueRepository;
import cn.yiyang.planning.layers.analysis.IndicatorChange;
import cn.yiyang.planning.layers.analysis.IndicatorEntry;
import cn.yiyang.planning.layers.analysis.IndicatorEntryRepository;
import cn.yiyang.planning.layers.analysis.IndicatorTarget;
import cn.yiyang.planning.layers.catalogue.Theme;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The plan's indicator catalogue for pages and controllers: indicators, targets per period and group, manual entries,
 * and the history of changes. Writes are checked here (who: {@link Permissions}; what: periods, units, ranges) before
 * the repositories store them.
 */
@Service
public class IndicatorCatalogueService {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})-(\\d{4})");
    /** The earliest and latest year an entry may be for. */
    static final int FIRST_YEAR = 2000;

    static final int LAST_YEAR = 2100;

    private final IndicatorCatalogueRepository catalogue;
    private final IndicatorEntryRepository entries;
    private final PlaceService places;
    private final String planPeriod;
    private final AuditLog audit;

    public IndicatorCatalogueService(
            IndicatorCatalogueRepository catalogue,
            IndicatorEntryRepository entries,
            PlaceService places,
            AuditLog audit,
            @Value("${planning.plan-period:2021-2025}") String planPeriod) {
        this.catalogue = catalogue;
        this.audit = audit;
        this.entries = entries;
        this.places = places;
        this.planPeriod = planPeriod;
    }

    /** @return every indicator of the catalogue, in its order */
    public List<CatalogueIndicator> indicators() {
        return catalogue.indicators();
    }

    /**
     * @return the indicator with this id
     * @throws BadValueException when the catalogue has none
     */
    public CatalogueIndicator indicator(String id) {
        return find(id).orElseThrow(() -> new BadValueException("indicator", id, "GET /api/v1/indicator-catalogue"));
    }

    /** @return the indicator with this id, if the catalogue has it */
    public Optional<CatalogueIndicator> find(String id) {
        return indicators().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** @return the plan period in force (its targets stand beside the values) */
    public String planPeriod() {
        return planPeriod;
    }

    /** @return the plan periods that have targets, oldest first */
    public List<String> periods() {
        return catalogue.periods();
    }

    /** @return the targets of a period, every group */
    public List<IndicatorTarget> targets(String period) {
        return catalogue.targets(period);
    }

    /** @return the target of one indicator, period and group, if the plan sets one */
    public Optional<IndicatorTarget> target(String indicator, String period, UnitGroup group) {
        return targets(period).stream()
                .filter(t -> t.indicator().equals(indicator) && t.group() == group)
                .findFirst();
    }

    /**
     * Adds or replaces targets of one plan period (a new period's, 2026-2030, without code), recording each change.
     *
     * @throws cn.yiyang.planning.app.security.ForbiddenException unless the user is an administrator
     * @throws InvalidIndicatorValueException for a malformed period, an unknown indicator, a target out of the
     *     indicator's range, a target with neither number nor words, or the same indicator and group twice
     */
    public void saveTargets(AppUser user, String period, List<IndicatorTarget> targets) {
        Permissions.check(user, Action.setTargets());
        checkPeriod(period);
        Set<String> seen = new HashSet<>();
        for (IndicatorTarget t : targets) {
            CatalogueIndicator i = find(t.indicator())
                    .orElseThrow(() ->
                            new InvalidIndicatorValueException("indicator", "indicator.error.unknown", t.indicator()));
            if (!t.period().equals(period)) {
                throw new InvalidIndicatorValueException("period", "indicator.error.period", t.period());
            }
            if (!seen.add(t.indicator() + "/" + t.group().id())) {
                throw new InvalidIndicatorValueException(
                        "group",
                        "indicator.error.twice",
                        t.indicator(),
                        t.group().id());
            }
            if (t.target() == null && (t.noteZh() == null || t.noteZh().isBlank())) {
                throw new InvalidIndicatorValueException("target", "indicator.error.empty-target", t.indicator());
            }
            if (t.target() != null && !i.accepts(t.target())) {
                throw outOfRange("target", i, t.target());
            }
        }
        catalogue.saveTargets(targets, user.name());
        audit.record(user.name(), "indicator-targets", null, period, targets.size() + " targets");
    }

    /**
     * Enters (or corrects) a manual indicator's value of one unit and year, as the user, now.
     *
     * @throws cn.yiyang.planning.app.security.ForbiddenException unless the user's department owns the indicator
     * @throws InvalidIndicatorValueException for an indicator that is not manual, a year out of range, a unit the unit
     *     list does not have or not of the indicator's level, a value out of its range
     */
    public IndicatorEntry enter(AppUser user, String indicator, int year, String code, double value, String note) {
        CatalogueIndicator i = find(indicator)
                .orElseThrow(
                        () -> new InvalidIndicatorValueException("indicator", "indicator.error.unknown", indicator));
        if (!i.manual()) {
            throw new InvalidIndicatorValueException("indicator", "indicator.error.not-manual", indicator, i.source());
        }
        Permissions.check(
                user, Action.enterIndicator(Theme.valueOf(i.owner()), Localized.of(i.nameZh(), i.nameEn()), i.id()));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidIndicatorValueException("year", "indicator.error.year", year, FIRST_YEAR, LAST_YEAR);
        }
        Place unit = places.find(code)
                .orElseThrow(() -> new InvalidIndicatorValueException("code", "indicator.error.unit", code));
        UnitLevel level = UnitLevel.valueOf(unit.level().name());
        if (level != i.entryLevel()) {
            throw new InvalidIndicatorValueException(
                    "code",
                    "indicator.error.level",
                    code,
                    Localized.key("indicator.level." + i.entryLevel().id()));
        }
        if (!Double.isFinite(value) || !i.accepts(value)) {
            throw outOfRange("value", i, value);
        }
        IndicatorEntry e = new IndicatorEntry(
                indicator,
                year,
                level,
                code,
                value,
                note == null || note.isBlank() ? null : note.strip(),
                user.name(),
                null);
        entries.save(e);
        audit.record(user.name(), "indicator-entry", null, indicator, year + " " + code + " = " + value);
        return entries.entries(indicator, year, level, code).getFirst();
    }

    /** @return a manual indicator's entries, narrowed by year, level and unit when they are not null */
    public List<IndicatorEntry> entries(String indicator, Integer year, UnitLevel level, String code) {
        return entries.entries(indicator(indicator).id(), year, level, code);
    }

    /** @return the units at a level (counties, townships or villages), for an entry form; the city at city level */
    public List<Place> units(UnitLevel level) {
        List<Place> out = new ArrayList<>();
        ArrayDeque<Place> todo = new ArrayDeque<>(List.of(places.city()));
        while (!todo.isEmpty()) {
            Place p = todo.poll();
            if (p.level().name().equals(level.name())) {
                out.add(p);
            } else if (p.level().ordinal() < Place.Level.valueOf(level.name()).ordinal()) {
                todo.addAll(places.children(p));
            }
        }
        out.sort(Comparator.comparing(Place::code));
        return out;
    }

    /** @return the recorded changes of an indicator's targets and entries (of every indicator when null) */
    public List<IndicatorChange> changes(String indicator, int limit) {
        return catalogue.changes(indicator, limit);
    }

    private static void checkPeriod(String period) {
        Matcher m = period == null ? null : PERIOD.matcher(period);
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) >= Integer.parseInt(m.group(2))) {
            throw new InvalidIndicatorValueException("period", "indicator.error.period", String.valueOf(period));
        }
    }

    private static InvalidIndicatorValueException outOfRange(String field, CatalogueIndicator i, double value) {
        return new InvalidIndicatorValueException(
                field, "indicator.error.range", i.id(), value, i.minValue(), i.maxValue());
    }
}
