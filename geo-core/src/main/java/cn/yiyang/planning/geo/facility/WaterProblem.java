package cn.yiyang.planning.geo.facility;

import java.util.Objects;

/**
 * A problem in the water data, reported with the run and left out of the counts it would distort.
 *
 * @param kind what is wrong
 * @param subject the code of the works (or of the works a record names)
 * @param detail the value at fault (e.g. the county code the record names), or null
 */
public record WaterProblem(Kind kind, String subject, String detail) {

    public WaterProblem {
        Objects.requireNonNull(kind, "kind");
    }

    /** Kinds of {@link WaterProblem}. */
    public enum Kind {
        /** A works without a point: it cannot be placed in a township. */
        WORK_WITHOUT_POINT,
        /** A works whose point lies in no township polygon: counted in no township. */
        WORK_OUTSIDE_TOWNSHIPS,
        /** A works whose county code field names a county other than the one its point lies in (detail: the field). */
        COUNTY_CODE_MISMATCH,
        /** A service area, main or test naming a works that does not exist (subject: the code it names). */
        UNKNOWN_WORK,
        /** A main that names no works: it serves nobody, since the works' status is unknown. */
        MAIN_WITHOUT_WORK,
        /** Two works records with the same code: the first is used. */
        DUPLICATE_WORK
    }
}
