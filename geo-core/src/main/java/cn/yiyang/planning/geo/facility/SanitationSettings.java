package cn.yiyang.planning.geo.facility;

/**
 * The thresholds of the sanitary-toilet analysis; {@link #defaults()} holds the plan's target and the
 * {@code MIN_}/{@code MAX_} constants the allowed range of both settings (inclusive).
 *
 * @param targetShare a village whose share of households with a sanitary toilet is below this is listed. Default 0.9:
 *     农村卫生厕所普及率 90 % by 2025 (益阳市"十四五"规划, 表2-1)
 * @param severeShare a listed village below this share is a high-severity gap (medium at or above it). Default 0.7
 */
public record SanitationSettings(double targetShare, double severeShare) {

    /** Allowed range of both shares. */
    public static final double MIN_SHARE = 0;

    /** Allowed range of both shares. */
    public static final double MAX_SHARE = 1;

    public SanitationSettings {
        range("targetShare", targetShare);
        range("severeShare", severeShare);
        if (severeShare > targetShare) {
            throw new IllegalArgumentException(
                    "severeShare must not be above targetShare: " + severeShare + " > " + targetShare);
        }
    }

    /** @return a 90 % target, high severity below 70 % */
    public static SanitationSettings defaults() {
        return new SanitationSettings(0.9, 0.7);
    }

    private static void range(String name, double value) {
        if (!(value >= MIN_SHARE && value <= MAX_SHARE)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + value);
        }
    }
}
