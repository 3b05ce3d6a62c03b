package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.access.UnitRollup;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * What a water-supply analysis reads. Coordinates are CGCS2000 lon/lat (x = longitude). Code lists are the caller's
 * business: the flags here are already decided (whether a kind is centralised supply, whether it is a 千人以上 scheme,
 * whether a status is in service).
 *
 * @param households the households
 * @param works the water supply works
 * @param serviceAreas their service areas
 * @param mains their mains
 * @param tests the water-quality test records
 * @param townships the township polygons (a work belongs to the township whose polygon covers it)
 * @param counties the county polygons (checked against a work's own county code field)
 * @param units the administrative units the indicators are reported for
 */
public record WaterInput(
        List<Household> households,
        List<Work> works,
        List<ServiceArea> serviceAreas,
        List<Main> mains,
        List<QualityTest> tests,
        UnitAreas townships,
        UnitAreas counties,
        UnitRollup.Units units) {

    public WaterInput {
        households = List.copyOf(households);
        works = List.copyOf(works);
        serviceAreas = List.copyOf(serviceAreas);
        mains = List.copyOf(mains);
        tests = List.copyOf(tests);
        Objects.requireNonNull(townships, "townships");
        Objects.requireNonNull(counties, "counties");
        Objects.requireNonNull(units, "units");
    }

    /**
     * A water supply works.
     *
     * @param code its code
     * @param name its name
     * @param kind its kind code, carried to the duty list
     * @param centralised a centralised scheme (集中供水): only these serve households
     * @param large a scheme serving 1,000 people or more (千人以上), which needs a source protection zone and
     *     disinfection
     * @param inService whether its status is in service (运行); null when no status is recorded, which counts as in
     *     service. Stopped, building and planned works serve nobody and have no duties.
     * @param capacityM3d its design capacity, m³ per day, or null when not recorded (no capacity check)
     * @param servedPopulationField the served population its own record states, or null; carried to the result
     *     only (the analysis counts the people it serves, see {@link WaterSupplyAnalysis})
     * @param disinfection whether it disinfects; null when not recorded (counts as without)
     * @param protectionZone whether its source protection zone is delineated; null when not recorded (counts as not)
     * @param lastTestedOn the last-test date its own record states, or null
     * @param lastTestPassed the result of that test; null when not recorded (not counted as failed)
     * @param countyCode the county its own record names, or null (checked, never used to place it)
     * @param lonLat where it is, or null when it has no point
     */
    public record Work(
            String code,
            String name,
            String kind,
            boolean centralised,
            boolean large,
            Boolean inService,
            Double capacityM3d,
            Integer servedPopulationField,
            Boolean disinfection,
            Boolean protectionZone,
            LocalDate lastTestedOn,
            Boolean lastTestPassed,
            String countyCode,
            Coordinate lonLat) {

        public Work {
            Objects.requireNonNull(code, "code");
        }

        /** @return whether it serves: in service or without a status */
        public boolean serving() {
            return inService == null || inService;
        }
    }

    /**
     * The service area of a works (供水范围).
     *
     * @param workCode the works
     * @param lonLat its (multi)polygon
     */
    public record ServiceArea(String workCode, Geometry lonLat) {

        public ServiceArea {
            Objects.requireNonNull(lonLat, "lonLat");
        }
    }

    /**
     * A main (供水管网) of a works.
     *
     * @param workCode the works, or null when the record names none
     * @param lonLat its line (LineString or MultiLineString)
     */
    public record Main(String workCode, Geometry lonLat) {

        public Main {
            Objects.requireNonNull(lonLat, "lonLat");
        }
    }

    /**
     * A water-quality test record.
     *
     * @param workCode the works tested
     * @param testedOn the day of the test
     * @param passed whether it passed
     */
    public record QualityTest(String workCode, LocalDate testedOn, boolean passed) {

        public QualityTest {
            Objects.requireNonNull(workCode, "workCode");
            Objects.requireNonNull(testedOn, "testedOn");
        }
    }
}
