package cn.yiyang.planning.geo.facility;

import java.time.LocalDate;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;

/**
 * A duty a water supply works in service does not meet (水利局's duty list). One row per works and duty; a works may
 * fail several.
 *
 * @param workCode the works
 * @param name its name
 * @param kind its kind code
 * @param duty the duty not met
 * @param severity how serious it is ({@link Duty#severity()})
 * @param lastTestedOn its last water-quality test (the latest of its own field and its records up to {@code asOf}), or
 *     null when never tested
 * @param servedPopulation the people the analysis counts as served by it
 * @param capacityPopulation the people its capacity supplies at the per-capita demand, or null when its capacity is
 *     not recorded
 * @param townshipCode the township its point lies in, or null
 * @param countyCode the county its point lies in, or null
 * @param lonLat where it is, or null
 */
public record WaterDuty(
        String workCode,
        String name,
        String kind,
        Duty duty,
        Severity severity,
        LocalDate lastTestedOn,
        long servedPopulation,
        Long capacityPopulation,
        String townshipCode,
        String countyCode,
        Coordinate lonLat) {

    public WaterDuty {
        Objects.requireNonNull(workCode, "workCode");
        Objects.requireNonNull(duty, "duty");
        Objects.requireNonNull(severity, "severity");
    }

    /** @return a stable code of this finding: the works code and the duty id */
    public String findingCode() {
        return workCode + "-" + duty.id();
    }

    /**
     * The duties checked, with the ids of the layers' {@code water_duty} code list and their severity. Severity
     * follows the harm: what puts the water people drink at risk now is high (no disinfection, a failed test, an
     * unprotected source of a large scheme); what lets a risk go unseen or builds up is medium (a test overdue,
     * demand above capacity, which shows as low pressure and rationing before it shows as unsafe water).
     */
    public enum Duty {
        /** A 千人以上 scheme without a delineated source protection zone (水源保护区). */
        NO_PROTECTION_ZONE("no_protection_zone", Severity.HIGH),
        /** A 千人以上 scheme without disinfection. */
        NO_DISINFECTION("no_disinfection", Severity.HIGH),
        /** The last water-quality test is older than the interval before {@code asOf}, or there is none. */
        TEST_OVERDUE("test_overdue", Severity.MEDIUM),
        /** The last water-quality test failed. */
        TEST_FAILED("test_failed", Severity.HIGH),
        /** More people served than its capacity supplies at the per-capita demand. */
        OVER_CAPACITY("over_capacity", Severity.MEDIUM);

        private final String id;
        private final Severity severity;

        Duty(String id, Severity severity) {
            this.id = id;
            this.severity = severity;
        }

        /** @return its code in the {@code water_duty} code list */
        public String id() {
            return id;
        }

        /** @return how serious failing it is */
        public Severity severity() {
            return severity;
        }
    }
}
