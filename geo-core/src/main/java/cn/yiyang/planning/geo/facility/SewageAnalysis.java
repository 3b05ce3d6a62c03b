package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.access.AccessInput.County;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.RoadAccessAnalysis.Progress;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitRollup;
import cn.yiyang.planning.geo.access.UnitRollup.Count;
import cn.yiyang.planning.geo.facility.SewageFacility.Kind;
import cn.yiyang.planning.geo.facility.SewageResult.FacilityLoad;
import cn.yiyang.planning.geo.facility.SewageResult.HouseholdTreatment;
import cn.yiyang.planning.geo.facility.SewageResult.Problem;
import cn.yiyang.planning.geo.facility.SewageResult.ProblemKind;
import cn.yiyang.planning.geo.facility.SewageResult.Recommendation;
import cn.yiyang.planning.geo.facility.SewageResult.TownshipCoverage;
import cn.yiyang.planning.geo.facility.SewageResult.VillageTreatment;
import cn.yiyang.planning.geo.measure.LocalProjection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Rural sewage treatment (农村生活污水治理): who is treated, which townships have a plant, which facilities are over
 * capacity, and the mode the plan prescribes for each village still untreated.
 *
 * <ol>
 *   <li>Each facility belongs to the township and village whose polygons cover it (planar in EPSG:4490, boundary =
 *       inside; on a shared edge the smaller code, see {@link UnitAreas}); a code field naming another unit is a
 *       {@link ProblemKind#FACILITY_TOWNSHIP_MISMATCH data problem} and is not used.</li>
 *   <li>A household is treated when its point lies inside (or on the edge of) the collection area of an operating
 *       facility ({@link SewageFacility#operating()}: a missing status counts as operating; stopped, under
 *       construction and planned ones treat nobody). In several areas it is given to the first facility by kind
 *       (township plant first), then code, so that no one is counted twice in a load.</li>
 *   <li>{@code rural_sewage_treatment_rate}: treated households / households of the rural villages (urban units,
 *       城乡分类 1xx, are left out, as in every rural rate), rolled up with the groups.</li>
 *   <li>{@code township_sewage_facility_rate}: townships with an operating township plant inside / counted
 *       townships; a township is counted unless all its villages are urban (a sub-district the city plant serves).</li>
 *   <li>Capacity: a facility's load is its treated households' members × the per-capita flow; above its design
 *       capacity it is over capacity.</li>
 *   <li>A rural village with households of which fewer than the set share are treated is listed with a mode for its
 *       untreated households ({@link ModeAdvisor}).</li>
 * </ol>
 *
 * <pre>{@code
 * SewageResult r = new SewageAnalysis(SewageSettings.defaults()).run(input);
 * r.indicator(FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE, UnitLevel.CITY, "430900", UnitGroup.ALL);
 * }</pre>
 */
public final class SewageAnalysis {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final SewageSettings settings;

    /** @param settings the thresholds */
    public SewageAnalysis(SewageSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param input the households, facilities and units
     * @return the result
     */
    public SewageResult run(SewageInput input) {
        return run(input, Progress.NONE);
    }

    /**
     * @param input the households, facilities and units
     * @param progress told of the progress (stages: facilities, households, villages, gaps)
     * @return the result
     */
    public SewageResult run(SewageInput input, Progress progress) {
        return new Run(input, progress).execute();
    }

    private record Area(int facility, PreparedGeometry shape) {}

    /** Per-village sums, and the untreated households of the village. */
    private static final class Tally {
        int households;
        int treated;
        long population;
        long treatedPopulation;
        final List<Coordinate> untreated = new ArrayList<>();
        long untreatedPopulation;
    }

    /** The state of one run. */
    private final class Run {

        private final SewageInput in;
        private final Progress progress;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, Village> villages = new HashMap<>();
        private final Map<String, Township> townships = new HashMap<>();
        private final Set<String> counties = new HashSet<>();
        private final Map<String, Integer> facilityIndex = new HashMap<>();
        private final List<List<Geometry>> areasOf = new ArrayList<>();
        private final String[] facilityTownship;
        private final String[] facilityVillage;
        private final int[] servedHouseholds;
        private final long[] servedPopulation;

        Run(SewageInput in, Progress progress) {
            this.in = in;
            this.progress = progress;
            in.units().villages().forEach(v -> villages.put(v.code(), v));
            in.units().townships().forEach(t -> townships.put(t.code(), t));
            in.units().counties().stream().map(County::code).forEach(counties::add);
            int n = in.facilities().size();
            facilityTownship = new String[n];
            facilityVillage = new String[n];
            servedHouseholds = new int[n];
            servedPopulation = new long[n];
        }

        SewageResult execute() {
            progress.update(0, "facilities");
            placeFacilities();
            STRtree areas = indexAreas();
            progress.update(0.1, "households");
            Map<String, Tally> tallies = new HashMap<>();
            List<HouseholdTreatment> households = treat(areas, tallies);
            progress.update(0.6, "villages");
            List<FacilityLoad> loads = loads();
            List<TownshipCoverage> coverage = coverage();
            List<VillageTreatment> villageResults = recommend(tallies, loads);
            progress.update(0.9, "gaps");
            List<SewageResult.Gap> gaps =
                    new SewageGaps(in, settings, tallies(tallies)).gaps(loads, coverage, villageResults);
            List<UnitIndicator> indicators = indicators(villageResults, coverage);
            progress.update(1, "done");
            return new SewageResult(
                    settings, households, loads, coverage, villageResults, gaps, indicators, List.copyOf(problems));
        }

        private void placeFacilities() {
            for (int i = 0; i < in.facilities().size(); i++) {
                SewageFacility f = in.facilities().get(i);
                facilityIndex.putIfAbsent(f.code(), i);
                areasOf.add(new ArrayList<>());
                UnitAreas.Placement t = in.townshipAreas().place(f.lonLat(), blankToNull(f.townshipCode()));
                UnitAreas.Placement v = in.villageAreas().place(f.lonLat(), blankToNull(f.villageCode()));
                facilityTownship[i] = t.code();
                facilityVillage[i] = v.code();
                if (t.code() == null) {
                    problems.add(new Problem(ProblemKind.FACILITY_OUTSIDE_TOWNSHIPS, f.code(), t.declared(), null));
                } else if (t.mismatch()) {
                    problems.add(new Problem(ProblemKind.FACILITY_TOWNSHIP_MISMATCH, f.code(), t.declared(), t.code()));
                }
                if (v.mismatch()) {
                    problems.add(new Problem(ProblemKind.FACILITY_VILLAGE_MISMATCH, f.code(), v.declared(), v.code()));
                }
            }
        }

        private STRtree indexAreas() {
            STRtree index = new STRtree();
            for (SewageServiceArea a : in.serviceAreas()) {
                Integer f = a.facilityCode() == null ? null : facilityIndex.get(a.facilityCode());
                if (f == null) {
                    problems.add(new Problem(ProblemKind.SERVICE_AREA_WITHOUT_FACILITY, a.facilityCode(), null, null));
                } else if (!a.lonLat().isEmpty()) {
                    areasOf.get(f).add(a.lonLat());
                    if (in.facilities().get(f).operating()) {
                        index.insert(
                                a.lonLat().getEnvelopeInternal(),
                                new Area(f, PreparedGeometryFactory.prepare(a.lonLat())));
                    }
                }
            }
            index.build();
            for (int i = 0; i < in.facilities().size(); i++) {
                SewageFacility f = in.facilities().get(i);
                boolean collects = f.kind() == Kind.TOWNSHIP_PLANT || f.kind() == Kind.VILLAGE_CENTRAL;
                if (f.operating() && collects && areasOf.get(i).isEmpty()) {
                    problems.add(new Problem(ProblemKind.FACILITY_WITHOUT_SERVICE_AREA, f.code(), null, null));
                }
            }
            return index;
        }

        private List<HouseholdTreatment> treat(STRtree areas, Map<String, Tally> tallies) {
            List<HouseholdTreatment> out = new ArrayList<>(in.households().size());
            for (Household h : in.households()) {
                int by = treatedBy(areas, h.lonLat());
                Village v = h.villageCode() == null ? null : villages.get(h.villageCode());
                if (v == null) {
                    problems.add(new Problem(ProblemKind.HOUSEHOLD_WITHOUT_VILLAGE, h.code(), h.villageCode(), null));
                }
                if (by >= 0) {
                    servedHouseholds[by]++;
                    servedPopulation[by] += h.population();
                }
                boolean counted = v != null && v.rural();
                if (v != null) {
                    Tally t = tallies.computeIfAbsent(v.code(), k -> new Tally());
                    t.households++;
                    t.population += h.population();
                    if (by >= 0) {
                        t.treated++;
                        t.treatedPopulation += h.population();
                    } else {
                        t.untreated.add(h.lonLat());
                        t.untreatedPopulation += h.population();
                    }
                }
                Township t = v == null ? null : townships.get(v.townshipCode());
                String county = t == null || !counties.contains(t.countyCode()) ? null : t.countyCode();
                out.add(new HouseholdTreatment(
                        h.code(),
                        h.villageCode(),
                        t == null ? null : t.code(),
                        county,
                        h.population(),
                        counted,
                        by >= 0,
                        by >= 0 ? in.facilities().get(by).code() : null,
                        h.lonLat()));
            }
            return out;
        }

        /** @return the facility treating a point: of several, the first by kind, then code; -1 for none */
        private int treatedBy(STRtree areas, Coordinate at) {
            List<?> hits = areas.query(new Envelope(at));
            if (hits.isEmpty()) {
                return -1;
            }
            Point p = FACTORY.createPoint(at);
            int best = -1;
            for (Object o : hits) {
                Area a = (Area) o;
                if ((best < 0 || before(a.facility(), best)) && a.shape().covers(p)) {
                    best = a.facility();
                }
            }
            return best;
        }

        private boolean before(int a, int b) {
            SewageFacility fa = in.facilities().get(a);
            SewageFacility fb = in.facilities().get(b);
            int byKind = fa.kind().compareTo(fb.kind());
            return byKind != 0 ? byKind < 0 : fa.code().compareTo(fb.code()) < 0;
        }

        private List<FacilityLoad> loads() {
            List<FacilityLoad> out = new ArrayList<>(in.facilities().size());
            for (int i = 0; i < in.facilities().size(); i++) {
                SewageFacility f = in.facilities().get(i);
                double flow = ModeAdvisor.flowM3d(servedPopulation[i], settings);
                boolean over =
                        f.operating() && f.capacityM3d() != null && flow > f.capacityM3d() + ModeAdvisor.FLOW_SLACK;
                if (f.operating()
                        && f.capacityM3d() == null
                        && (servedHouseholds[i] > 0 || f.kind() == Kind.TOWNSHIP_PLANT)) {
                    problems.add(new Problem(ProblemKind.FACILITY_WITHOUT_CAPACITY, f.code(), null, null));
                }
                out.add(new FacilityLoad(
                        f.code(),
                        f.name(),
                        f.kind(),
                        f.operating(),
                        facilityTownship[i],
                        facilityVillage[i],
                        servedHouseholds[i],
                        servedPopulation[i],
                        flow,
                        f.capacityM3d(),
                        over));
            }
            return out;
        }

        private List<TownshipCoverage> coverage() {
            Map<String, List<String>> operating = new HashMap<>();
            Map<String, List<String>> idle = new HashMap<>();
            for (int i = 0; i < in.facilities().size(); i++) {
                SewageFacility f = in.facilities().get(i);
                if (f.kind() == Kind.TOWNSHIP_PLANT && facilityTownship[i] != null) {
                    (f.operating() ? operating : idle)
                            .computeIfAbsent(facilityTownship[i], k -> new ArrayList<>())
                            .add(f.code());
                }
            }
            Set<String> withVillages = new HashSet<>();
            Set<String> withRural = new HashSet<>();
            for (Village v : in.units().villages()) {
                withVillages.add(v.townshipCode());
                if (v.rural()) {
                    withRural.add(v.townshipCode());
                }
            }
            List<TownshipCoverage> out = new ArrayList<>();
            for (Township t : in.units().townships()) {
                List<String> plants = sorted(operating.get(t.code()));
                boolean counted = withRural.contains(t.code()) || !withVillages.contains(t.code());
                out.add(new TownshipCoverage(t.code(), counted, !plants.isEmpty(), plants, sorted(idle.get(t.code()))));
            }
            return out;
        }

        private List<VillageTreatment> recommend(Map<String, Tally> tallies, List<FacilityLoad> loads) {
            List<ModeAdvisor.Village> listed = new ArrayList<>();
            for (Village v : in.units().villages()) {
                Tally t = tallies.get(v.code());
                if (v.rural() && t != null && t.households > 0 && listed(t)) {
                    listed.add(new ModeAdvisor.Village(v.code(), t.untreated, t.untreatedPopulation));
                }
            }
            List<ModeAdvisor.Plant> plants = new ArrayList<>();
            Map<String, Integer> plantIndex = new HashMap<>();
            for (int i = 0; i < in.facilities().size(); i++) {
                SewageFacility f = in.facilities().get(i);
                FacilityLoad load = loads.get(i);
                if (f.operating() && f.kind() == Kind.TOWNSHIP_PLANT && f.capacityM3d() != null) {
                    List<Geometry> network = new ArrayList<>(areasOf.get(i));
                    network.add(FACTORY.createPoint(f.lonLat()));
                    plantIndex.putIfAbsent(f.code(), plants.size());
                    plants.add(new ModeAdvisor.Plant(f.code(), Math.max(0, f.capacityM3d() - load.flowM3d()), network));
                }
            }
            for (SewagePipe p : in.pipes()) {
                Integer i = p.facilityCode() == null ? null : plantIndex.get(p.facilityCode());
                if (i != null && !p.lonLat().isEmpty()) {
                    plants.get(i).network().add(p.lonLat());
                }
            }
            List<Recommendation> advice = new ModeAdvisor(settings, projection()).advise(listed, plants);
            Map<String, Recommendation> byVillage = new HashMap<>();
            for (int i = 0; i < listed.size(); i++) {
                byVillage.put(listed.get(i).code(), advice.get(i));
            }
            List<VillageTreatment> out = new ArrayList<>();
            for (Village v : in.units().villages()) {
                Tally t = tallies.getOrDefault(v.code(), new Tally());
                out.add(new VillageTreatment(
                        v.code(),
                        v.rural(),
                        t.households,
                        t.treated,
                        t.population,
                        t.treatedPopulation,
                        byVillage.get(v.code())));
            }
            return out;
        }

        /** @return whether fewer than the set share of the village's households are treated */
        private boolean listed(Tally t) {
            return t.treated < settings.treatedVillageShare() * t.households - 1e-9;
        }

        private LocalProjection projection() {
            Envelope env = new Envelope();
            in.households().forEach(h -> env.expandToInclude(h.lonLat()));
            in.facilities().forEach(f -> env.expandToInclude(f.lonLat()));
            return env.isNull()
                    ? LocalProjection.forEnvelope(new Envelope(112, 112, 28.5, 28.5))
                    : LocalProjection.forEnvelope(env);
        }

        private Map<String, SewageGaps.Counts> tallies(Map<String, Tally> tallies) {
            Map<String, SewageGaps.Counts> out = new HashMap<>();
            for (Village v : in.units().villages()) {
                Tally t = tallies.get(v.code());
                if (v.rural() && t != null) {
                    out.put(v.code(), new SewageGaps.Counts(t.households, t.population));
                }
            }
            return out;
        }

        private List<UnitIndicator> indicators(List<VillageTreatment> villageResults, List<TownshipCoverage> cover) {
            UnitRollup rollup = new UnitRollup(in.units());
            Map<String, Count> perVillage = new HashMap<>();
            for (VillageTreatment v : villageResults) {
                if (v.rural()) {
                    perVillage.put(v.code(), new Count(v.treatedHouseholds(), v.households()));
                }
            }
            Map<String, Count> perTownship = new HashMap<>();
            for (TownshipCoverage t : cover) {
                if (t.counted()) {
                    perTownship.put(t.code(), new Count(t.covered() ? 1 : 0, 1));
                }
            }
            List<UnitIndicator> out =
                    new ArrayList<>(rollup.indicators(FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE, perVillage));
            out.addAll(rollup.townshipIndicators(FacilityIndicator.TOWNSHIP_SEWAGE_FACILITY_RATE, perTownship));
            return List.copyOf(out);
        }
    }

    private static List<String> sorted(List<String> codes) {
        return codes == null ? List.of() : codes.stream().sorted().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
