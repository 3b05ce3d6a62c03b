package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.access.AccessInput.County;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.RoadAccessAnalysis.Progress;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitRollup;
import cn.yiyang.planning.geo.access.UnitRollup.Count;
import cn.yiyang.planning.geo.facility.LogisticsInput.ColdChainSite;
import cn.yiyang.planning.geo.facility.LogisticsInput.CourierPoint;
import cn.yiyang.planning.geo.facility.LogisticsInput.Tier;
import cn.yiyang.planning.geo.facility.LogisticsResult.DataProblem;
import cn.yiyang.planning.geo.facility.LogisticsResult.Gap;
import cn.yiyang.planning.geo.facility.LogisticsResult.GapKind;
import cn.yiyang.planning.geo.facility.LogisticsResult.ProblemKind;
import cn.yiyang.planning.geo.facility.LogisticsResult.SitePurpose;
import cn.yiyang.planning.geo.facility.LogisticsResult.SuggestedSite;
import cn.yiyang.planning.geo.facility.LogisticsResult.UnitCoverage;
import cn.yiyang.planning.geo.facility.LogisticsResult.VillageService;
import cn.yiyang.planning.geo.facility.RoadReach.Scratch;
import cn.yiyang.planning.geo.facility.RoadReach.Snap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The three-tier cold chain and courier service (冷链物流、物流快递) of the plan, measured on the map.
 *
 * <ol>
 *   <li>Each cold-chain site and courier point is placed in the county, township and village whose polygon covers it
 *       (planar in EPSG:4490, a point on a boundary inside: {@link UnitAreas}). A site whose county, township or
 *       village code field names another unit than the one containing it is a data problem and is not used, nor is a
 *       site outside every unit of its tier's level or without a tier. Only operating sites count (a missing status
 *       is operating: the caller decides {@link ColdChainSite#inService}); a stopped, planned or unfinished site does
 *       not.</li>
 *   <li>一县一仓储: a county is covered when an operating county-tier site lies inside it ({@code
 *       county_warehouse_rate}, per county). 一乡一中心: a township when an operating township-tier site lies inside it
 *       ({@code township_cold_chain_centre_rate}, per township). 一村一网点: a rural administrative village when an
 *       operating village-tier site lies inside it ({@code village_cold_chain_outlet_rate}, per village with its
 *       groups).</li>
 *   <li>建制村通物流快递 ({@code village_courier_service_rate}): a rural village is served when a courier point lies
 *       inside it, or, when {@link LogisticsSettings#courierDistanceM} is above 0, when the nearest courier point is
 *       within that distance along roads of the village's <em>centre</em> (the mean point of its households weighted
 *       by members, else a point inside its polygon). The centre, not each household: the rule is about the village
 *       (建制村) being served, and one point is what a courier route calls at. The distance is the centre's straight
 *       leg to its nearest road, along the roads, and the point's leg ({@link RoadReach}).</li>
 *   <li>Urban units (城乡分类 1xx, {@link Village#rural()} false) are not 建制村: they count 0 / 0 and have no
 *       gaps.</li>
 *   <li>Every missing warehouse, centre, outlet and courier service is a {@link Gap} with the households and
 *       population of the unit (households belong to the village of their code): county and courier gaps are high
 *       (a county warehouse is the chain's root; courier service has a 100% target), a missing centre medium, a
 *       missing outlet medium in a key-support or demonstration village and low elsewhere.</li>
 *   <li>For each township without a centre and each village without an outlet or courier service, up to three
 *       alternative sites inside it on the road network reaching most of its households within the travel distance
 *       ({@link SiteSuggestion}).</li>
 * </ol>
 */
public final class LogisticsAnalysis {

    static final String SITE_LAYER = "cold_chain_site";
    static final String COURIER_LAYER = "courier_point";

    private final LogisticsSettings settings;

    /** @param settings the settings */
    public LogisticsAnalysis(LogisticsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param input the units, sites, points, households and roads
     * @return the result
     */
    public LogisticsResult run(LogisticsInput input) {
        return run(input, Progress.NONE);
    }

    /**
     * @param input the units, sites, points, households and roads
     * @param progress told of the progress: place, courier, gaps, sites
     * @return the result
     */
    public LogisticsResult run(LogisticsInput input, Progress progress) {
        return new Run(input, progress).execute();
    }

    /** The state of one run. */
    private final class Run {

        private final LogisticsInput in;
        private final Progress progress;
        private final List<DataProblem> problems = new ArrayList<>();
        private final Map<String, Village> villageByCode = new LinkedHashMap<>();
        private final Map<String, Township> townshipByCode = new HashMap<>();
        private final Map<String, TreeSet<String>> sitesByUnit = new HashMap<>(); // tier:unit → site codes
        private final Map<String, TreeSet<String>> couriersByVillage = new HashMap<>();
        private final Map<String, int[]> householdsByVillage = new HashMap<>(); // households, population
        private final Map<String, double[]> weighted = new HashMap<>(); // Σw·lon, Σw·lat, Σw
        private RoadReach reach;

        Run(LogisticsInput in, Progress progress) {
            this.in = in;
            this.progress = progress;
            in.units().villages().forEach(v -> villageByCode.put(v.code(), v));
            in.units().townships().forEach(t -> townshipByCode.put(t.code(), t));
            for (Household h : in.households()) {
                int[] c = householdsByVillage.computeIfAbsent(h.villageCode(), k -> new int[2]);
                c[0]++;
                c[1] += h.population();
                double w = Math.max(1, h.population());
                double[] s = weighted.computeIfAbsent(h.villageCode(), k -> new double[3]);
                s[0] += w * h.lonLat().x;
                s[1] += w * h.lonLat().y;
                s[2] += w;
            }
        }

        LogisticsResult execute() {
            progress.update(0, "place");
            placeSites();
            placeCouriers();
            reach = in.roads() == null ? null : RoadReach.of(in.roads());
            progress.update(0.15, "courier");
            List<UnitCoverage> counties = new ArrayList<>();
            for (County c : in.units().counties()) {
                counties.add(new UnitCoverage(c.code(), List.copyOf(sites(Tier.COUNTY, c.code()))));
            }
            List<UnitCoverage> townships = new ArrayList<>();
            for (Township t : in.units().townships()) {
                townships.add(new UnitCoverage(t.code(), List.copyOf(sites(Tier.TOWNSHIP, t.code()))));
            }
            List<VillageService> villages = villageServices();
            progress.update(0.3, "gaps");
            List<Gap> gaps = new Gaps(this).list(counties, townships, villages);
            List<UnitIndicator> indicators = indicators(counties, townships, villages);
            progress.update(0.4, "sites");
            List<SuggestedSite> sites = suggest(gaps);
            progress.update(1, "done");
            return new LogisticsResult(settings, counties, townships, villages, gaps, sites, indicators, problems);
        }

        private void placeSites() {
            for (ColdChainSite s : in.sites()) {
                if (s.tier() == null) {
                    problems.add(
                            new DataProblem(ProblemKind.NO_TIER, SITE_LAYER, s.code(), null, null, null, s.lonLat()));
                    continue;
                }
                UnitAreas.Placement county = in.counties().place(s.lonLat(), s.countyCode());
                UnitAreas.Placement township = in.townships().place(s.lonLat(), s.townshipCode());
                UnitAreas.Placement village = in.villages().place(s.lonLat(), s.villageCode());
                boolean mismatch = mismatch(SITE_LAYER, s.code(), "county_code", county, s.lonLat());
                mismatch |= mismatch(SITE_LAYER, s.code(), "township_code", township, s.lonLat());
                mismatch |= mismatch(SITE_LAYER, s.code(), "village_code", village, s.lonLat());
                if (mismatch) {
                    continue;
                }
                String unit = switch (s.tier()) {
                    case COUNTY -> county.code();
                    case TOWNSHIP -> township.code();
                    case VILLAGE -> village.code();
                };
                if (unit == null) {
                    problems.add(new DataProblem(
                            ProblemKind.OUTSIDE_UNITS, SITE_LAYER, s.code(), null, null, null, s.lonLat()));
                } else if (s.inService()) {
                    sitesByUnit
                            .computeIfAbsent(s.tier() + ":" + unit, k -> new TreeSet<>())
                            .add(s.code());
                }
            }
        }

        private void placeCouriers() {
            for (CourierPoint p : in.couriers()) {
                UnitAreas.Placement village = in.villages().place(p.lonLat(), p.villageCode());
                if (mismatch(COURIER_LAYER, p.code(), "village_code", village, p.lonLat())) {
                    continue;
                }
                if (village.code() == null) {
                    problems.add(new DataProblem(
                            ProblemKind.OUTSIDE_UNITS, COURIER_LAYER, p.code(), null, null, null, p.lonLat()));
                    continue;
                }
                couriersByVillage
                        .computeIfAbsent(village.code(), k -> new TreeSet<>())
                        .add(p.code());
            }
        }

        private boolean mismatch(
                String layer, String code, String field, UnitAreas.Placement placed, Coordinate lonLat) {
            if (!placed.mismatch()) {
                return false;
            }
            problems.add(new DataProblem(
                    ProblemKind.UNIT_MISMATCH, layer, code, field, placed.declared(), placed.code(), lonLat));
            return true;
        }

        TreeSet<String> sites(Tier tier, String unit) {
            return sitesByUnit.getOrDefault(tier + ":" + unit, new TreeSet<>());
        }

        private List<VillageService> villageServices() {
            Scratch fromCouriers = null;
            List<Snap> sources = new ArrayList<>();
            if (reach != null) {
                for (CourierPoint p : in.couriers()) {
                    Optional<String> v = in.villages().locate(p.lonLat());
                    boolean used = v.isPresent()
                            && couriersByVillage
                                    .getOrDefault(v.get(), new TreeSet<>())
                                    .contains(p.code());
                    if (used) {
                        reach.snap(p.lonLat()).ifPresent(sources::add);
                    }
                }
                fromCouriers = reach.searchFrom(sources, Double.POSITIVE_INFINITY);
            }
            List<VillageService> out = new ArrayList<>();
            for (Village v : in.units().villages()) {
                if (!v.rural()) {
                    continue;
                }
                Coordinate centre = centre(v.code());
                double distance = Double.NaN;
                if (fromCouriers != null && centre != null && !sources.isEmpty()) {
                    Optional<Snap> snap = reach.snap(centre);
                    if (snap.isPresent()) {
                        double d = RoadReach.distanceTo(sources, fromCouriers, snap.get());
                        distance = Double.isFinite(d) ? d / reach.projection().scaleFactor(centre) : Double.NaN;
                    }
                }
                List<String> inside = List.copyOf(couriersByVillage.getOrDefault(v.code(), new TreeSet<>()));
                boolean served =
                        !inside.isEmpty() || settings.courierDistanceM() > 0 && distance <= settings.courierDistanceM();
                out.add(new VillageService(
                        v.code(), List.copyOf(sites(Tier.VILLAGE, v.code())), inside, distance, served, centre));
            }
            return out;
        }

        /** @return the village's households' mean point weighted by members, else a point inside it, else null */
        Coordinate centre(String village) {
            double[] s = weighted.get(village);
            if (s != null) {
                return new Coordinate(s[0] / s[2], s[1] / s[2]);
            }
            Geometry shape = in.villages().shape(village);
            return shape == null ? null : shape.getInteriorPoint().getCoordinate();
        }

        int[] households(String village) {
            return householdsByVillage.getOrDefault(village, new int[2]);
        }

        LogisticsInput input() {
            return in;
        }

        Map<String, Village> villageByCode() {
            return villageByCode;
        }

        Map<String, Township> townshipByCode() {
            return townshipByCode;
        }

        private List<UnitIndicator> indicators(
                List<UnitCoverage> counties, List<UnitCoverage> townships, List<VillageService> villages) {
            UnitRollup rollup = new UnitRollup(in.units());
            Map<String, Count> perCounty = new HashMap<>();
            counties.forEach(c -> perCounty.put(c.code(), new Count(c.covered() ? 1 : 0, 1)));
            Map<String, Count> perTownship = new HashMap<>();
            townships.forEach(t -> perTownship.put(t.code(), new Count(t.covered() ? 1 : 0, 1)));
            Map<String, Count> outlet = new HashMap<>();
            Map<String, Count> courier = new HashMap<>();
            for (VillageService v : villages) {
                outlet.put(v.code(), new Count(v.outlet() ? 1 : 0, 1));
                courier.put(v.code(), new Count(v.courier() ? 1 : 0, 1));
            }
            List<UnitIndicator> out = new ArrayList<>();
            out.addAll(rollup.countyIndicators(FacilityIndicator.COUNTY_WAREHOUSE_RATE, perCounty));
            out.addAll(rollup.townshipIndicators(FacilityIndicator.TOWNSHIP_COLD_CHAIN_CENTRE_RATE, perTownship));
            out.addAll(rollup.indicators(FacilityIndicator.VILLAGE_COLD_CHAIN_OUTLET_RATE, outlet));
            out.addAll(rollup.indicators(FacilityIndicator.VILLAGE_COURIER_SERVICE_RATE, courier));
            return out;
        }

        /** One suggestion per unit and travel distance (a village lacking both outlet and courier asks once). */
        private List<SuggestedSite> suggest(List<Gap> gaps) {
            if (reach == null || settings.suggestedSites() == 0) {
                return List.of();
            }
            List<Gap> wanting = gaps.stream()
                    .filter(g -> g.kind() != GapKind.COUNTY_NO_WAREHOUSE)
                    .toList();
            if (wanting.isEmpty()) {
                return List.of();
            }
            // Only the households some request counts are snapped to the roads (each request counts its own unit's).
            Set<String> asked = new HashSet<>();
            for (Gap g : wanting) {
                asked.addAll(g.kind() == GapKind.TOWNSHIP_NO_CENTRE ? villagesOf(g.unitCode()) : Set.of(g.unitCode()));
            }
            List<Household> askedHouseholds = in.households().stream()
                    .filter(h -> asked.contains(h.villageCode()))
                    .toList();
            SiteSuggestion tool = SiteSuggestion.of(
                    reach, askedHouseholds, new SiteSuggestion.Settings(settings.siteSeparationM(), 250));
            Map<String, Gap> distinct = new LinkedHashMap<>();
            wanting.forEach(g -> distinct.putIfAbsent(g.unitCode() + "@" + travel(g.kind()), g));
            Map<String, List<SiteSuggestion.Site>> byRequest = new ConcurrentHashMap<>();
            distinct.entrySet().parallelStream().forEach(e -> {
                Gap g = e.getValue();
                boolean township = g.kind() == GapKind.TOWNSHIP_NO_CENTRE;
                Geometry area = township
                        ? in.townships().shape(g.unitCode())
                        : in.villages().shape(g.unitCode());
                Set<String> demand = township ? villagesOf(g.unitCode()) : Set.of(g.unitCode());
                byRequest.put(
                        e.getKey(),
                        area == null
                                ? List.of()
                                : tool.suggest(new SiteSuggestion.Request(
                                        area, demand, travel(g.kind()), settings.suggestedSites())));
            });
            List<SuggestedSite> out = new ArrayList<>();
            for (Gap g : wanting) {
                double travel = travel(g.kind());
                SitePurpose purpose = switch (g.kind()) {
                    case TOWNSHIP_NO_CENTRE -> SitePurpose.TOWNSHIP_CENTRE;
                    case VILLAGE_NO_OUTLET -> SitePurpose.VILLAGE_OUTLET;
                    default -> SitePurpose.COURIER_POINT;
                };
                for (SiteSuggestion.Site s : byRequest.get(g.unitCode() + "@" + travel)) {
                    out.add(new SuggestedSite(
                            purpose.code() + "-" + g.unitCode() + "-" + s.rank(),
                            purpose,
                            g.unitCode(),
                            g.name(),
                            s.rank(),
                            s.lonLat(),
                            s.households(),
                            s.population(),
                            travel,
                            in.villages().locate(s.lonLat()).orElse(null),
                            in.townships().locate(s.lonLat()).orElse(null),
                            in.counties().locate(s.lonLat()).orElse(null)));
                }
            }
            return out;
        }

        private double travel(GapKind kind) {
            return switch (kind) {
                case TOWNSHIP_NO_CENTRE -> settings.centreTravelM();
                case VILLAGE_NO_COURIER -> settings.courierTravelM();
                default -> settings.outletTravelM();
            };
        }

        private Set<String> villagesOf(String township) {
            Set<String> out = new TreeSet<>();
            for (Village v : in.units().villages()) {
                if (township.equals(v.townshipCode())) {
                    out.add(v.code());
                }
            }
            return out;
        }
    }

    /** The gap list of a run. */
    private static final class Gaps {

        private final Run run;

        Gaps(Run run) {
            this.run = run;
        }

        List<Gap> list(List<UnitCoverage> counties, List<UnitCoverage> townships, List<VillageService> villages) {
            Map<String, int[]> perTownship = new HashMap<>();
            Map<String, int[]> perCounty = new HashMap<>();
            for (Village v : run.input().units().villages()) {
                int[] h = run.households(v.code());
                Township t = run.townshipByCode().get(v.townshipCode());
                add(perTownship, v.townshipCode(), h);
                if (t != null) {
                    add(perCounty, t.countyCode(), h);
                }
            }
            Map<String, String> countyNames = new HashMap<>();
            run.input().units().counties().forEach(c -> countyNames.put(c.code(), c.name()));
            List<Gap> out = new ArrayList<>();
            for (UnitCoverage c : counties) {
                if (!c.covered()) {
                    int[] h = perCounty.getOrDefault(c.code(), new int[2]);
                    Geometry shape = run.input().counties().shape(c.code());
                    out.add(new Gap(
                            GapKind.COUNTY_NO_WAREHOUSE.code() + "-" + c.code(),
                            GapKind.COUNTY_NO_WAREHOUSE,
                            Severity.HIGH,
                            c.code(),
                            countyNames.get(c.code()),
                            h[0],
                            h[1],
                            Double.NaN,
                            null,
                            null,
                            c.code(),
                            false,
                            false,
                            shape == null ? null : shape.getInteriorPoint().getCoordinate()));
                }
            }
            for (UnitCoverage u : townships) {
                if (!u.covered()) {
                    Township t = run.townshipByCode().get(u.code());
                    int[] h = perTownship.getOrDefault(u.code(), new int[2]);
                    Geometry shape = run.input().townships().shape(u.code());
                    Coordinate at = t.seat() != null
                            ? t.seat()
                            : shape == null ? null : shape.getInteriorPoint().getCoordinate();
                    out.add(new Gap(
                            GapKind.TOWNSHIP_NO_CENTRE.code() + "-" + u.code(),
                            GapKind.TOWNSHIP_NO_CENTRE,
                            Severity.MEDIUM,
                            u.code(),
                            t.name(),
                            h[0],
                            h[1],
                            Double.NaN,
                            null,
                            u.code(),
                            t.countyCode(),
                            false,
                            false,
                            at));
                }
            }
            for (VillageService s : villages) {
                Village v = run.villageByCode().get(s.code());
                if (!s.outlet()) {
                    Severity severity = v.keySupport() || v.demonstration() ? Severity.MEDIUM : Severity.LOW;
                    out.add(village(GapKind.VILLAGE_NO_OUTLET, severity, v, s, Double.NaN));
                }
                if (!s.courier()) {
                    out.add(village(GapKind.VILLAGE_NO_COURIER, Severity.HIGH, v, s, s.courierDistanceM()));
                }
            }
            return out;
        }

        private Gap village(GapKind kind, Severity severity, Village v, VillageService s, double distance) {
            int[] h = run.households(v.code());
            Township t = run.townshipByCode().get(v.townshipCode());
            return new Gap(
                    kind.code() + "-" + v.code(),
                    kind,
                    severity,
                    v.code(),
                    v.name(),
                    h[0],
                    h[1],
                    distance,
                    v.code(),
                    v.townshipCode(),
                    t == null ? null : t.countyCode(),
                    v.keySupport(),
                    v.demonstration(),
                    s.centre());
        }

        private static void add(Map<String, int[]> sums, String key, int[] h) {
            if (key == null) {
                return;
            }
            int[] s = sums.computeIfAbsent(key, k -> new int[2]);
            s[0] += h[0];
            s[1] += h[1];
        }
    }
}
