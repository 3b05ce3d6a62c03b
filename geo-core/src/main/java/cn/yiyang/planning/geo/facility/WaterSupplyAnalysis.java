package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitRollup;
import cn.yiyang.planning.geo.access.UnitRollup.Count;
import cn.yiyang.planning.geo.facility.WaterDuty.Duty;
import cn.yiyang.planning.geo.facility.WaterInput.Main;
import cn.yiyang.planning.geo.facility.WaterInput.QualityTest;
import cn.yiyang.planning.geo.facility.WaterInput.ServiceArea;
import cn.yiyang.planning.geo.facility.WaterInput.Work;
import cn.yiyang.planning.geo.facility.WaterProblem.Kind;
import cn.yiyang.planning.geo.facility.WaterResult.HouseholdSupply;
import cn.yiyang.planning.geo.facility.WaterResult.Via;
import cn.yiyang.planning.geo.facility.WaterResult.WorkReport;
import cn.yiyang.planning.geo.measure.LocalProjection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Centralised water supply (集中供水) of households and the duties of the works (水利局's duty list).
 *
 * <ol>
 *   <li>A works <em>serves</em> when it is centralised and in service; a works without a status counts as in service,
 *       stopped, building and planned works serve nobody and have no duties.</li>
 *   <li>A household is served when its point lies inside the service area of a serving works (planar in EPSG:4490,
 *       a point on the boundary counts as inside), or within {@link WaterSettings#mainDistanceM()} ground metres of a
 *       main of a serving works (Gauss-Kruger metres of the data's zone divided by the point scale factor). It is
 *       counted to one works: the smallest code of the service areas covering it, else the works of the nearest
 *       main.</li>
 *   <li>A works lies in the township and county whose polygons cover its point; a county code field that names
 *       another county is a {@link WaterProblem.Kind#COUNTY_CODE_MISMATCH} and is not used.</li>
 *   <li>Its last water-quality test is the latest of its own last-test field and its test records up to {@code
 *       asOf} (later ones are not seen, so a run for a past day is repeatable); on the same day a failed result
 *       wins. It is overdue when older than {@code asOf} minus the interval (exactly the interval is not overdue),
 *       or missing.</li>
 *   <li>Duties of a serving works: a 千人以上 scheme without a source protection zone or without disinfection (not
 *       recorded counts as without: the duty stands until the department records it); the last test overdue or
 *       failed; the people served above what its capacity supplies at the per-capita demand.</li>
 * </ol>
 *
 * <p>The served population of a works is the members of the households the analysis counts to it, not the served
 * population field of its record: the field is a design figure, often years old, while the count comes from the same
 * households and areas as the coverage rates, so that the capacity check and the coverage agree. The field is kept
 * in the {@link WorkReport} beside it.
 *
 * <p>Indicators: {@code household_water_supply_rate}, {@code household_water_supply_population_rate} and {@code
 * poverty_household_water_supply_rate} per rural village of the household's {@code villageCode} (urban units left
 * out), rolled up by {@link
 * UnitRollup}; {@code water_quality_test_overdue_count} per township the works lies in (serving works with a test
 * overdue, failed or missing / serving works), rolled up by {@link UnitRollup#townshipIndicators}.
 *
 * <pre>{@code
 * WaterResult r = new WaterSupplyAnalysis(WaterSettings.defaults(today)).run(input);
 * }</pre>
 */
public final class WaterSupplyAnalysis {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** Receives the progress of a run. */
    @FunctionalInterface
    public interface Progress {
        /** Ignores progress. */
        Progress NONE = (fraction, stage) -> {};

        /**
         * @param fraction 0 to 1
         * @param stage the stage now running: works, households, indicators
         */
        void update(double fraction, String stage);
    }

    private final WaterSettings settings;

    /** @param settings the thresholds and the day to run for */
    public WaterSupplyAnalysis(WaterSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param input the households, works and units
     * @return the result
     */
    public WaterResult run(WaterInput input) {
        return run(input, Progress.NONE);
    }

    /**
     * @param input the households, works and units
     * @param progress told of the progress
     * @return the result
     */
    public WaterResult run(WaterInput input, Progress progress) {
        return new Run(input, progress).execute();
    }

    /** A service area ready for point tests. */
    private record Area(String workCode, PreparedGeometry shape) {}

    /** A works' last test. */
    private record LastTest(LocalDate on, Boolean passed) {}

    /** The state of one run. */
    private final class Run {

        private final WaterInput in;
        private final Progress progress;
        private final List<WaterProblem> problems = new ArrayList<>();
        private final Map<String, Work> works = new LinkedHashMap<>();
        private final Map<String, long[]> servedByWork = new HashMap<>();

        Run(WaterInput in, Progress progress) {
            this.in = in;
            this.progress = progress;
        }

        WaterResult execute() {
            progress.update(0, "works");
            for (Work w : in.works()) {
                if (works.putIfAbsent(w.code(), w) != null) {
                    problems.add(new WaterProblem(Kind.DUPLICATE_WORK, w.code(), null));
                }
            }
            STRtree areas = serviceAreas();
            MainIndex mains = mains();
            progress.update(0.1, "households");
            List<HouseholdSupply> households = new ArrayList<>(in.households().size());
            for (Household h : in.households()) {
                households.add(supply(h, areas, mains));
            }
            progress.update(0.8, "works");
            Map<String, LastTest> lastTests = lastTests();
            List<WorkReport> reports = new ArrayList<>();
            List<WaterDuty> duties = new ArrayList<>();
            for (Work w : works.values()) {
                WorkReport r = report(w, lastTests.get(w.code()));
                reports.add(r);
                if (r.serving()) {
                    duties.addAll(duties(w, r));
                }
            }
            progress.update(0.9, "indicators");
            List<UnitIndicator> indicators = indicators(households, reports);
            progress.update(1, "done");
            return new WaterResult(settings, households, reports, duties, problems, indicators);
        }

        private boolean serving(String workCode) {
            Work w = workCode == null ? null : works.get(workCode);
            return w != null && w.centralised() && w.serving();
        }

        private STRtree serviceAreas() {
            STRtree tree = new STRtree();
            for (ServiceArea a : in.serviceAreas()) {
                if (!works.containsKey(a.workCode())) {
                    problems.add(new WaterProblem(Kind.UNKNOWN_WORK, a.workCode(), null));
                } else if (serving(a.workCode()) && !a.lonLat().isEmpty()) {
                    tree.insert(
                            a.lonLat().getEnvelopeInternal(),
                            new Area(a.workCode(), PreparedGeometryFactory.prepare(a.lonLat())));
                }
            }
            tree.build();
            return tree;
        }

        private MainIndex mains() {
            List<Main> serving = new ArrayList<>();
            Envelope env = new Envelope();
            for (Main m : in.mains()) {
                if (m.workCode() == null || m.workCode().isBlank()) {
                    problems.add(new WaterProblem(Kind.MAIN_WITHOUT_WORK, null, null));
                } else if (!works.containsKey(m.workCode())) {
                    problems.add(new WaterProblem(Kind.UNKNOWN_WORK, m.workCode(), null));
                } else if (serving(m.workCode()) && !m.lonLat().isEmpty()) {
                    serving.add(m);
                    env.expandToInclude(m.lonLat().getEnvelopeInternal());
                }
            }
            in.households().forEach(h -> env.expandToInclude(h.lonLat()));
            LocalProjection projection = env.isNull()
                    ? LocalProjection.forEnvelope(new Envelope(112, 112, 28.5, 28.5))
                    : LocalProjection.forEnvelope(env);
            return new MainIndex(serving, projection);
        }

        private HouseholdSupply supply(Household h, STRtree areas, MainIndex mains) {
            Point p = FACTORY.createPoint(h.lonLat());
            String areaWork = null;
            for (Object o : areas.query(new Envelope(h.lonLat()))) {
                Area a = (Area) o;
                if ((areaWork == null || a.workCode().compareTo(areaWork) < 0)
                        && a.shape().covers(p)) {
                    areaWork = a.workCode();
                }
            }
            // Inside a service area the distance to a main decides nothing and is not measured (most households).
            MainIndex.Nearest main = areaWork != null ? null : mains.nearest(h.lonLat());
            Double distance = main == null ? null : main.groundM();
            Via via = Via.NONE;
            String work = null;
            if (areaWork != null) {
                via = Via.SERVICE_AREA;
                work = areaWork;
            } else if (main != null && main.groundM() <= settings.mainDistanceM()) {
                via = Via.MAIN;
                work = main.workCode();
            }
            if (work != null) {
                long[] served = servedByWork.computeIfAbsent(work, k -> new long[2]);
                served[0]++;
                served[1] += h.population();
            }
            return new HouseholdSupply(
                    h.code(), h.villageCode(), h.population(), h.povertyOrMonitored(), h.lonLat(), via, work, distance);
        }

        private Map<String, LastTest> lastTests() {
            Map<String, LastTest> last = new HashMap<>();
            for (Work w : works.values()) {
                if (w.lastTestedOn() != null) {
                    offer(last, w.code(), new LastTest(w.lastTestedOn(), w.lastTestPassed()));
                }
            }
            for (QualityTest t : in.tests()) {
                if (!works.containsKey(t.workCode())) {
                    problems.add(new WaterProblem(Kind.UNKNOWN_WORK, t.workCode(), null));
                } else {
                    offer(last, t.workCode(), new LastTest(t.testedOn(), t.passed()));
                }
            }
            return last;
        }

        /** Keeps the later test (up to asOf); on the same day a failure wins, then a known result. */
        private void offer(Map<String, LastTest> last, String work, LastTest t) {
            if (t.on().isAfter(settings.asOf())) {
                return;
            }
            last.merge(work, t, (a, b) -> {
                int c = a.on().compareTo(b.on());
                if (c != 0) {
                    return c > 0 ? a : b;
                }
                return rank(b.passed()) > rank(a.passed()) ? b : a;
            });
        }

        private static int rank(Boolean passed) {
            return passed == null ? 0 : passed ? 1 : 2;
        }

        private WorkReport report(Work w, LastTest last) {
            String township = null;
            String county = null;
            if (w.lonLat() == null) {
                problems.add(new WaterProblem(Kind.WORK_WITHOUT_POINT, w.code(), null));
            } else {
                township = in.townships().locate(w.lonLat()).orElse(null);
                if (township == null) {
                    problems.add(new WaterProblem(Kind.WORK_OUTSIDE_TOWNSHIPS, w.code(), null));
                }
                UnitAreas.Placement placed = in.counties().place(w.lonLat(), w.countyCode());
                county = placed.code();
                if (placed.mismatch()) {
                    problems.add(new WaterProblem(Kind.COUNTY_CODE_MISMATCH, w.code(), w.countyCode()));
                }
            }
            boolean serving = w.centralised() && w.serving();
            long[] served = servedByWork.getOrDefault(w.code(), new long[2]);
            Long capacity = w.capacityM3d() == null ? null : settings.capacityPopulation(w.capacityM3d());
            boolean due = serving && (last == null || overdue(last) || Boolean.FALSE.equals(last.passed()));
            return new WorkReport(
                    w.code(),
                    w.name(),
                    w.kind(),
                    serving,
                    township,
                    county,
                    served[0],
                    served[1],
                    w.servedPopulationField(),
                    capacity,
                    last == null ? null : last.on(),
                    last == null ? null : last.passed(),
                    due,
                    w.lonLat());
        }

        private boolean overdue(LastTest t) {
            return t.on().isBefore(settings.oldestCurrentTest());
        }

        private List<WaterDuty> duties(Work w, WorkReport r) {
            List<Duty> failed = new ArrayList<>();
            if (w.large() && !Boolean.TRUE.equals(w.protectionZone())) {
                failed.add(Duty.NO_PROTECTION_ZONE);
            }
            if (w.large() && !Boolean.TRUE.equals(w.disinfection())) {
                failed.add(Duty.NO_DISINFECTION);
            }
            if (r.lastTestedOn() == null || r.lastTestedOn().isBefore(settings.oldestCurrentTest())) {
                failed.add(Duty.TEST_OVERDUE);
            }
            if (Boolean.FALSE.equals(r.lastTestPassed())) {
                failed.add(Duty.TEST_FAILED);
            }
            if (r.capacityPopulation() != null && r.servedPopulation() > r.capacityPopulation()) {
                failed.add(Duty.OVER_CAPACITY);
            }
            return failed.stream()
                    .map(d -> new WaterDuty(
                            w.code(),
                            w.name(),
                            w.kind(),
                            d,
                            d.severity(),
                            r.lastTestedOn(),
                            r.servedPopulation(),
                            r.capacityPopulation(),
                            r.townshipCode(),
                            r.countyCode(),
                            w.lonLat()))
                    .toList();
        }

        private List<UnitIndicator> indicators(List<HouseholdSupply> households, List<WorkReport> reports) {
            Map<String, Count> perHouseholds = new TreeMap<>();
            Map<String, Count> perPopulation = new TreeMap<>();
            Map<String, Count> perPoverty = new TreeMap<>();
            // Rural water supply: the households of rural villages only (urban units, 城乡分类 1xx, are left out, as
            // in every rural rate: sewage, sanitation, bus service, plan coverage).
            Set<String> rural = new HashSet<>();
            in.units().villages().stream().filter(Village::rural).forEach(v -> rural.add(v.code()));
            for (HouseholdSupply h : households) {
                if (h.villageCode() == null || !rural.contains(h.villageCode())) {
                    continue;
                }
                int served = h.served() ? 1 : 0;
                perHouseholds.merge(h.villageCode(), new Count(served, 1), Count::plus);
                perPopulation.merge(
                        h.villageCode(), new Count((long) served * h.population(), h.population()), Count::plus);
                if (h.povertyOrMonitored()) {
                    perPoverty.merge(h.villageCode(), new Count(served, 1), Count::plus);
                }
            }
            Map<String, Count> perTownship = new TreeMap<>();
            for (WorkReport r : reports) {
                if (r.serving() && r.townshipCode() != null) {
                    perTownship.merge(r.townshipCode(), new Count(r.testDue() ? 1 : 0, 1), Count::plus);
                }
            }
            UnitRollup rollup = new UnitRollup(in.units());
            List<UnitIndicator> out = new ArrayList<>();
            out.addAll(rollup.indicators(FacilityIndicator.HOUSEHOLD_WATER_SUPPLY_RATE, perHouseholds));
            out.addAll(rollup.indicators(FacilityIndicator.HOUSEHOLD_WATER_SUPPLY_POPULATION_RATE, perPopulation));
            out.addAll(rollup.indicators(FacilityIndicator.POVERTY_HOUSEHOLD_WATER_SUPPLY_RATE, perPoverty));
            out.addAll(rollup.townshipIndicators(FacilityIndicator.WATER_QUALITY_TEST_OVERDUE_COUNT, perTownship));
            return out;
        }
    }
}
