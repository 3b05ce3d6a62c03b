package cn.yiyang.planning.geo.plan;

/**
 * The tolerances of {@link ParcelCheck}, in square metres on the ground: a piece smaller than its tolerance is
 * digitising noise along a shared edge, not a problem.
 *
 * @param outsideM2 parcel area outside the plan boundary that is ignored (default 0.01 m²)
 * @param overlapM2 overlap between two parcels that is ignored (default 0.01 m²)
 * @param gapM2 uncovered pieces smaller than this are not reported (default 1 m²: slivers between separately
 *     digitised neighbours are common and smaller, while land a plan forgot is far larger)
 */
public record ParcelCheckSettings(double outsideM2, double overlapM2, double gapM2) {

    /** The defaults described above. */
    public static final ParcelCheckSettings DEFAULTS = new ParcelCheckSettings(0.01, 0.01, 1.0);

    /** Refuses negative or non-finite tolerances. */
    public ParcelCheckSettings {
        requireTolerance(outsideM2, "outsideM2");
        requireTolerance(overlapM2, "overlapM2");
        requireTolerance(gapM2, "gapM2");
    }

    private static void requireTolerance(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite area >= 0 m², was " + value);
        }
    }
}
