package cn.yiyang.planning.app.road;

import cn.yiyang.planning.layers.register.RoadClosure;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The register's rules as plain functions over inspections, roads and app closures (no store, no
 * Spring): which inspections open an entry, how an entry is closed, which roads are impassable now,
 * and the monthly trend. {@link RoadRegisterService} documents the rules for users.
 */
final class RoadRegister {

    /** Newest blocked date first, then by road code. */
    static final Comparator<RegisterEntry> NEWEST_FIRST =
            Comparator.comparing(RegisterEntry::blockedOn).reversed().thenComparing(RegisterEntry::roadCode);

    private RoadRegister() {}

    /** An entry's name: its road and blocked date. */
    record EntryName(String roadCode, LocalDate blockedOn) {
        static EntryName of(RegisterEntry e) {
            return new EntryName(e.roadCode(), e.blockedOn());
        }

        static EntryName of(RoadClosure c) {
            return new EntryName(c.roadCode(), c.blockedOn());
        }
    }

    /**
     * The entries the inspections open, before closures in the app: each {@code blocked} inspection whose
     * road's previous inspection (by date, then by row order) is {@code open}; closed when that row has a
     * {@code closed_on}. Newest first.
     *
     * @param roads the road of a code (never null: {@link RoadInfo#unknown} for a road the layer lacks)
     */
    static List<RegisterEntry> fromInspections(Collection<Inspection> inspections, Function<String, RoadInfo> roads) {
        Map<String, List<Inspection>> byRoad = new HashMap<>();
        for (Inspection i : inspections) {
            byRoad.computeIfAbsent(i.roadCode(), k -> new ArrayList<>()).add(i);
        }
        Map<EntryName, RegisterEntry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, List<Inspection>> road : byRoad.entrySet()) {
            List<Inspection> rows = road.getValue();
            rows.sort(Comparator.comparing(Inspection::inspectedOn).thenComparingLong(Inspection::order));
            for (int k = 1; k < rows.size(); k++) {
                Inspection now = rows.get(k);
                if (!now.blocked() || rows.get(k - 1).blocked()) {
                    continue;
                }
                EntryName name = new EntryName(road.getKey(), now.inspectedOn());
                if (entries.containsKey(name)) {
                    continue; // open → blocked twice on one day: the first names the entry
                }
                RoadInfo info = roads.apply(road.getKey());
                RegisterEntry entry = new RegisterEntry(
                        road.getKey(),
                        info.name(),
                        info.adminClass(),
                        info.countyCode(),
                        info.countyName(),
                        info.townshipCode(),
                        info.townshipName(),
                        blankToNull(now.cause()),
                        now.inspectedOn(),
                        null,
                        null,
                        null,
                        null,
                        info.geometry(),
                        info.routeCode(),
                        now.scope());
                entries.put(
                        name,
                        now.closedOn() == null
                                ? entry
                                : entry.closed(now.closedOn(), null, ClosureSource.INSPECTION, null));
            }
        }
        List<RegisterEntry> out = new ArrayList<>(entries.values());
        out.sort(NEWEST_FIRST);
        return out;
    }

    /**
     * The entries with the closures done in the app applied: an entry the inspection row has not closed
     * takes its closure's date, user and note. Closures of entries that no longer exist (the inspections
     * were replaced) are ignored.
     */
    static List<RegisterEntry> withClosures(List<RegisterEntry> entries, Collection<RoadClosure> closures) {
        if (closures.isEmpty()) {
            return entries;
        }
        Map<EntryName, RoadClosure> byName = new HashMap<>();
        closures.forEach(c -> byName.put(EntryName.of(c), c));
        List<RegisterEntry> out = new ArrayList<>(entries.size());
        for (RegisterEntry e : entries) {
            RoadClosure c = e.open() ? byName.get(EntryName.of(e)) : null;
            out.add(c == null ? e : e.closed(c.closedOn(), c.closedBy(), ClosureSource.APP, c.note()));
        }
        return out;
    }

    /** The entry with this name, if any. */
    static Optional<RegisterEntry> find(List<RegisterEntry> entries, String roadCode, LocalDate blockedOn) {
        return entries.stream()
                .filter(e -> e.roadCode().equals(roadCode) && e.blockedOn().equals(blockedOn))
                .findFirst();
    }

    /** The roads whose latest entry (by blocked date) is open: impassable now. Sorted. */
    static Set<String> impassableRoadCodes(Collection<RegisterEntry> entries) {
        Map<String, RegisterEntry> latest = new HashMap<>();
        for (RegisterEntry e : entries) {
            latest.merge(e.roadCode(), e, (a, b) -> a.blockedOn().isAfter(b.blockedOn()) ? a : b);
        }
        Set<String> out = new TreeSet<>();
        latest.values().stream().filter(RegisterEntry::open).forEach(e -> out.add(e.roadCode()));
        return out;
    }

    /**
     * Month by month from {@code first} to {@code last} (both included): entries added, entries closed and
     * entries open at the month's end. Empty when {@code first} is null.
     */
    static List<TrendMonth> trend(Collection<RegisterEntry> entries, YearMonth first, YearMonth last) {
        if (first == null || last == null || last.isBefore(first)) {
            return List.of();
        }
        Map<YearMonth, int[]> counts = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            counts.put(m, new int[2]);
        }
        for (RegisterEntry e : entries) {
            int[] added = counts.get(YearMonth.from(e.blockedOn()));
            if (added != null) {
                added[0]++;
            }
            if (e.closedOn() != null) {
                int[] closed = counts.get(YearMonth.from(e.closedOn()));
                if (closed != null) {
                    closed[1]++;
                }
            }
        }
        List<TrendMonth> out = new ArrayList<>();
        for (Map.Entry<YearMonth, int[]> m : counts.entrySet()) {
            LocalDate end = m.getKey().atEndOfMonth();
            int open = (int) entries.stream()
                    .filter(e -> !e.blockedOn().isAfter(end)
                            && (e.closedOn() == null || e.closedOn().isAfter(end)))
                    .count();
            out.add(new TrendMonth(m.getKey(), m.getValue()[0], m.getValue()[1], open));
        }
        return out;
    }

    /**
     * The months the trend covers: from the first inspection's month to the latest month among the
     * inspections and the entries' 销号 dates; null when there are no inspections.
     */
    static YearMonth[] trendRange(Collection<Inspection> inspections, Collection<RegisterEntry> entries) {
        LocalDate min = null;
        LocalDate max = null;
        for (Inspection i : inspections) {
            min = min == null || i.inspectedOn().isBefore(min) ? i.inspectedOn() : min;
            max = max == null || i.inspectedOn().isAfter(max) ? i.inspectedOn() : max;
        }
        if (min == null) {
            return null;
        }
        for (RegisterEntry e : entries) {
            if (e.closedOn() != null && e.closedOn().isAfter(max)) {
                max = e.closedOn();
            }
        }
        return new YearMonth[] {YearMonth.from(min), YearMonth.from(max)};
    }

    /**
     * The inspections as inspections of segments: a row naming a segment (or a road the layer does not hold) as it
     * is; a row naming a route (路线编码, no segment has that code) once for each segment it applies to
     * ({@link RoadRoutes#scope}), carrying that scope. A value that is both a segment code and a route code is the
     * segment.
     */
    static List<Inspection> perSegment(
            Collection<Inspection> inspections, Predicate<String> isSegment, RoadRoutes routes) {
        List<Inspection> out = new ArrayList<>(inspections.size());
        for (Inspection i : inspections) {
            RouteScope scope = isSegment.test(i.roadCode()) || i.scope() != null
                    ? null
                    : routes.scope(i.roadCode(), i.stakeFrom(), i.stakeTo());
            if (scope == null) {
                out.add(i);
            } else {
                scope.segments().forEach(s -> out.add(i.ofSegment(s, scope)));
            }
        }
        return out;
    }

    /**
     * Per route, over the given entries (those of segments with a route code): the route's segments and length, its
     * entries, and the segments impassable by these entries (latest entry open) with their length. By route code.
     */
    static List<RouteSummary> routeSummaries(Collection<RegisterEntry> entries, RoadRoutes routes) {
        Map<String, List<RegisterEntry>> byRoute = new TreeMap<>();
        entries.stream()
                .filter(e -> e.routeCode() != null)
                .forEach(e -> byRoute.computeIfAbsent(e.routeCode(), k -> new ArrayList<>())
                        .add(e));
        List<RouteSummary> out = new ArrayList<>();
        for (Map.Entry<String, List<RegisterEntry>> route : byRoute.entrySet()) {
            List<RoadRoutes.Segment> segments = routes.segments(route.getKey());
            Set<String> impassable = impassableRoadCodes(route.getValue());
            double length =
                    segments.stream().mapToDouble(RoadRoutes.Segment::lengthM).sum();
            double affected = segments.stream()
                    .filter(s -> impassable.contains(s.code()))
                    .mapToDouble(RoadRoutes.Segment::lengthM)
                    .sum();
            out.add(new RouteSummary(
                    route.getKey(),
                    segments.size(),
                    length,
                    route.getValue().size(),
                    (int) route.getValue().stream().filter(RegisterEntry::open).count(),
                    impassable.size(),
                    affected));
        }
        return out;
    }

    /** The codes of the roads the inspections name, in first-seen order. */
    static Set<String> roadCodes(Collection<Inspection> inspections) {
        Set<String> out = new LinkedHashSet<>();
        inspections.forEach(i -> out.add(i.roadCode()));
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
