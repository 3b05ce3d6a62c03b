package cn.yiyang.planning.app.road;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.ForbiddenException;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.geo.measure.GeodesicDistance;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.register.RoadClosure;
import cn.yiyang.planning.layers.register.RoadClosureRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The 通返不通 register (roads that were passable and became impassable again; the plan's 通返不通 动态监测,
 * closed by 销号 when fixed), derived from the {@code road_inspection} layer.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li><b>Entry.</b> A {@code blocked} (不通) inspection of a road whose previous inspection is {@code open}
 * (通). A road's inspections are ordered by date, then by the order they were loaded in (several on one day).
 * A blocked inspection with no earlier inspection, or after another blocked one, opens no entry: the road was
 * not known to be passable, or is the same interruption seen again.</li>
 * <li><b>Route or segment.</b> An inspection row names a segment (路段编码) or a route (路线编码, shared by the
 * segments of a route). A row naming a route is an inspection of each segment it applies to: with a stake
 * ({@code stake_from}) the segment whose stakes cover it, with a range ({@code stake_from}–{@code stake_to}) every
 * segment covering part of it (a segment runs from its start stake to the next segment's); without one, every segment
 * of the route, and so when the stake cannot place it (then marked). So a route found impassable (不通) with no
 * stake makes every segment of it impassable, each with its own entry and its own 销号, and each entry says the
 * route, the stake and the segments the row applied to ({@link RouteScope}). A value that is a segment code is the
 * segment; a route the road layer does not hold is refused at import.</li>
 * <li><b>Name.</b> An entry is named by its road code and the date of its blocked inspection
 * ({@code roadCode/yyyy-MM-dd}); if one road has two such inspections on one day, the first names it.</li>
 * <li><b>What it shows.</b> The road's code, name and administrative class from the {@code road} layer, the
 * county and township it lies in (see below), the inspection's cause and date, and its 销号: date, who and
 * note. An entry whose road the road layer does not hold is still listed, with only its code.</li>
 * <li><b>County and township.</b> The township whose polygon covers the road's middle point (the point on
 * the line halfway along its length); else the township holding the longest part of the line; the county is
 * that township's county. With no township, the county found by the same rule; else none.</li>
 * <li><b>Closed (销号).</b> An entry is closed when its inspection row has a {@code closed_on} date (the
 * department's data; this wins), or when a user with the transport role or an administrator closed it in
 * the app (date, user, note; stored in {@code road_register_closure}). A later {@code open} inspection
 * alone does not close an entry: 销号 is a deliberate act. A closing date is not before the blocked date and
 * not after today (China Standard Time); a closed entry cannot be closed again.</li>
 * <li><b>Impassable now.</b> The roads whose latest entry (by blocked date) is open
 * ({@link #impassableRoadCodes()}): the road-access analysis leaves them out of the network.</li>
 * <li><b>Trend.</b> Month by month from the first inspection's month to the latest month of any inspection
 * or 销号: entries added (blocked date in the month), entries closed (销号 date in the month) and entries
 * open at the month's end.</li>
 * </ul>
 * The entries are derived once per version of the inspection, road, township and county layers (a new
 * import derives them again); the closings done in the app are read on every call.
 */
@Service
public class RoadRegisterService {

    /** The longest note a closing takes. */
    public static final int MAX_NOTE = 500;

    private static final List<String> LAYERS =
            List.of(LayerIds.ROAD_INSPECTION, LayerIds.ROAD, LayerIds.TOWNSHIP, LayerIds.COUNTY);

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final LayerVersions versions;
    private final RoadClosureRepository closures;
    private final AuditLog audit;
    private final Clock clock;
    private volatile Snapshot snapshot;

    /** The entries the inspections open, at one set of layer versions. */
    private record Snapshot(
            List<Long> versions, List<Inspection> inspections, List<RegisterEntry> entries, RoadRoutes routes) {}

    /** A county or township that register entries lie in, for filters. */
    public record Area(String code, String name, String countyCode) {}

    @Autowired
    public RoadRegisterService(
            FeatureRepository features,
            LayerCatalogue catalogue,
            LayerVersions versions,
            RoadClosureRepository closures,
            AuditLog audit) {
        this(features, catalogue, versions, closures, audit, Clock.system(Region.TIME_ZONE));
    }

    public RoadRegisterService(
            FeatureRepository features,
            LayerCatalogue catalogue,
            LayerVersions versions,
            RoadClosureRepository closures,
            AuditLog audit,
            Clock clock) {
        this.features = features;
        this.audit = audit;
        this.catalogue = catalogue;
        this.versions = versions;
        this.closures = closures;
        this.clock = clock.withZone(Region.TIME_ZONE);
    }

    /** Today in China Standard Time. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The entries that meet the filter, newest blocked date first, then by road code. */
    public List<RegisterEntry> entries(RegisterFilter filter) {
        return current().stream().filter(filter::test).toList();
    }

    /**
     * Per route (路线编码), over the entries that meet the filter: the route's segments and length, its entries and
     * open entries, and the segments impassable by those entries with their length. By route code; entries of
     * roads without a route code are in no summary.
     */
    public List<RouteSummary> routes(RegisterFilter filter) {
        return RoadRegister.routeSummaries(entries(filter), snapshot().routes());
    }

    /** The routes whose segments have entries, by code: for filters. */
    public List<String> routeCodes() {
        return snapshot().entries().stream()
                .map(RegisterEntry::routeCode)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
    }

    /** The entry named by its road and blocked date. */
    public Optional<RegisterEntry> entry(String roadCode, LocalDate blockedOn) {
        return RoadRegister.find(current(), roadCode, blockedOn);
    }

    /** The roads impassable now: those whose latest entry is open. */
    public Set<String> impassableRoadCodes() {
        return RoadRegister.impassableRoadCodes(current());
    }

    /** The register month by month over the inspections' range (see the class comment); empty without inspections. */
    public List<TrendMonth> trend() {
        Snapshot s = snapshot();
        List<RegisterEntry> all = RoadRegister.withClosures(s.entries(), closures.all());
        YearMonth[] range = RoadRegister.trendRange(s.inspections(), all);
        return range == null ? List.of() : RoadRegister.trend(all, range[0], range[1]);
    }

    /** The counties entries lie in, by code. */
    public List<Area> counties() {
        Map<String, Area> out = new LinkedHashMap<>();
        snapshot().entries().stream()
                .filter(e -> e.countyCode() != null)
                .forEach(
                        e -> out.putIfAbsent(e.countyCode(), new Area(e.countyCode(), e.countyName(), e.countyCode())));
        return out.values().stream().sorted(Comparator.comparing(Area::code)).toList();
    }

    /** The townships entries lie in, by code; of one county when {@code countyCode} is not null. */
    public List<Area> townships(String countyCode) {
        Map<String, Area> out = new LinkedHashMap<>();
        snapshot().entries().stream()
                .filter(e -> e.townshipCode() != null)
                .filter(e -> countyCode == null || countyCode.equals(e.countyCode()))
                .forEach(e -> out.putIfAbsent(
                        e.townshipCode(), new Area(e.townshipCode(), e.townshipName(), e.countyCode())));
        return out.values().stream().sorted(Comparator.comparing(Area::code)).toList();
    }

    /**
     * Closes (销号) an entry in the app.
     *
     * @param closedOn the date the road was passable again: not before the blocked date, not after today
     * @param note     a note, or null; at most {@link #MAX_NOTE} characters
     * @return the entry, closed
     * @throws ForbiddenException            the user's roles do not own the roads theme
     * @throws RegisterEntryNotFoundException no entry has this road and blocked date
     * @throws RegisterEntryClosedException   the entry is closed already
     * @throws ClosingDateException           the date is before the blocked date or after today
     * @throws BadValueException      the note is too long
     */
    public RegisterEntry close(AppUser user, String roadCode, LocalDate blockedOn, LocalDate closedOn, String note) {
        Permissions.check(user, Action.closeRegisterEntry());
        RegisterEntry entry = entry(roadCode, blockedOn)
                .orElseThrow(() -> new RegisterEntryNotFoundException(roadCode, String.valueOf(blockedOn)));
        return close(user, entry, closedOn, closedOn == null ? null : closedOn.toString(), note);
    }

    /**
     * The same from text (the REST API): the blocked date that is not a date names no entry (404); a
     * closing date that is missing or not yyyy-MM-dd is {@link ClosingDateException.Reason#NOT_A_DATE}
     * (422). Checked in this order: role (403), entry (404), already closed (409), date (422).
     */
    public RegisterEntry close(AppUser user, String roadCode, String blockedOn, String closedOn, String note) {
        Permissions.check(user, Action.closeRegisterEntry());
        LocalDate blocked = parse(blockedOn).orElseThrow(() -> new RegisterEntryNotFoundException(roadCode, blockedOn));
        RegisterEntry entry =
                entry(roadCode, blocked).orElseThrow(() -> new RegisterEntryNotFoundException(roadCode, blockedOn));
        return close(user, entry, parse(closedOn).orElse(null), closedOn, note);
    }

    private RegisterEntry close(AppUser user, RegisterEntry entry, LocalDate closedOn, String asGiven, String note) {
        if (!entry.open()) {
            throw new RegisterEntryClosedException(entry);
        }
        if (closedOn == null) {
            throw new ClosingDateException(
                    ClosingDateException.Reason.NOT_A_DATE, asGiven == null ? "" : asGiven, null);
        }
        if (closedOn.isBefore(entry.blockedOn())) {
            throw new ClosingDateException(
                    ClosingDateException.Reason.BEFORE_BLOCKED, closedOn.toString(), entry.blockedOn());
        }
        LocalDate today = today();
        if (closedOn.isAfter(today)) {
            throw new ClosingDateException(ClosingDateException.Reason.IN_FUTURE, closedOn.toString(), today);
        }
        if (note != null && note.strip().length() > MAX_NOTE) {
            throw new BadValueException("note", note.strip().substring(0, 20) + "…", "≤ " + MAX_NOTE + " characters");
        }
        RoadClosure closure = RoadClosure.of(entry.roadCode(), entry.blockedOn(), closedOn, user.name(), note);
        if (!closures.add(closure)) { // someone closed it a moment ago
            throw new RegisterEntryClosedException(
                    entry(entry.roadCode(), entry.blockedOn()).orElse(entry));
        }
        audit.record(
                user.name(),
                "register-close",
                LayerIds.ROAD,
                entry.roadCode(),
                "blocked " + entry.blockedOn() + ", closed " + closedOn);
        return entry.closed(closedOn, user.name(), ClosureSource.APP, closure.note());
    }

    /** A yyyy-MM-dd date, or empty for null, blank or anything else. */
    static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Every entry with the closings done in the app. */
    private List<RegisterEntry> current() {
        return RoadRegister.withClosures(snapshot().entries(), closures.all());
    }

    private Snapshot snapshot() {
        List<Long> now =
                LAYERS.stream().map(id -> versions.version(catalogue.get(id))).toList();
        Snapshot s = snapshot;
        if (s != null && s.versions().equals(now)) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s == null || !s.versions().equals(now)) {
                s = load(now);
                snapshot = s;
            }
            return s;
        }
    }

    private Snapshot load(List<Long> atVersions) {
        List<Inspection> rows = new ArrayList<>();
        features.forEach(catalogue.get(LayerIds.ROAD_INSPECTION), f -> {
            String road = f.getString("road_code");
            String status = f.getString("status");
            if (road == null
                    || !(f.get("inspected_on") instanceof LocalDate on)
                    || !("open".equals(status) || "blocked".equals(status))) {
                return;
            }
            rows.add(new Inspection(
                    road,
                    on,
                    "blocked".equals(status),
                    f.getString("cause"),
                    f.get("closed_on") instanceof LocalDate closed ? closed : null,
                    f.id() == null ? 0 : f.id(),
                    f.getString("stake_from"),
                    f.getString("stake_to"),
                    null));
        });
        Set<String> named = RoadRegister.roadCodes(rows);
        // the roads named by their code or by their route, and every segment of a route for the summaries
        Map<String, Feature> roads = new HashMap<>();
        List<RoadRoutes.Segment> segments = new ArrayList<>();
        if (!named.isEmpty()) {
            features.forEach(catalogue.get(LayerIds.ROAD), f -> {
                String code = f.getString("code");
                String route = f.getString("route_code");
                if (code == null) {
                    return;
                }
                if (route != null) {
                    segments.add(new RoadRoutes.Segment(
                            code,
                            route,
                            f.get("segment_seq") instanceof Number n ? n.intValue() : null,
                            Stake.metres(f.getString("start_stake")),
                            f.geometry() == null ? 0 : GeodesicDistance.CGCS2000.length(f.geometry())));
                }
                if (named.contains(code) || (route != null && named.contains(route))) {
                    roads.putIfAbsent(code, f);
                }
            });
        }
        RoadRoutes routes = new RoadRoutes(segments);
        List<Inspection> inspections = RoadRegister.perSegment(rows, roads::containsKey, routes);
        RoadLocator locator = roads.isEmpty() ? null : locator();
        Map<String, RoadInfo> infos = new HashMap<>();
        roads.forEach((code, f) -> {
            RoadLocator.Location at = locator.locate(f.geometry());
            infos.put(
                    code,
                    new RoadInfo(
                            code,
                            f.getString("name"),
                            f.getString("admin_class"),
                            f.geometry(),
                            at.countyCode(),
                            at.countyName(),
                            at.townshipCode(),
                            at.townshipName(),
                            f.getString("route_code")));
        });
        List<RegisterEntry> entries =
                RoadRegister.fromInspections(inspections, code -> infos.getOrDefault(code, RoadInfo.unknown(code)));
        return new Snapshot(atVersions, List.copyOf(inspections), entries, routes);
    }

    private RoadLocator locator() {
        List<RoadLocator.Unit> townships = new ArrayList<>();
        features.forEach(
                catalogue.get(LayerIds.TOWNSHIP),
                f -> townships.add(new RoadLocator.Unit(
                        f.getString("code"), f.getString("name"), f.getString("county_code"), f.geometry())));
        List<RoadLocator.Unit> counties = new ArrayList<>();
        features.forEach(
                catalogue.get(LayerIds.COUNTY),
                f -> counties.add(new RoadLocator.Unit(
                        f.getString("code"), f.getString("name"), f.getString("code"), f.geometry())));
        return new RoadLocator(townships, counties);
    }
}
