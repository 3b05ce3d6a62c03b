package cn.yiyang.planning.geo.plan;

/** How finely the land-use balance groups parcel codes. */
public enum ClassLevel {
    /** By the 24 top-level classes: the first two digits ({@code "0703"} counts under {@code "07"}). */
    TOP_LEVEL {
        @Override
        String group(String landUseCode) {
            return landUseCode.length() <= 2 ? landUseCode : landUseCode.substring(0, 2);
        }
    },
    /** By the codes exactly as the parcels carry them. */
    AS_GIVEN {
        @Override
        String group(String landUseCode) {
            return landUseCode;
        }
    };

    /**
     * @param landUseCode a parcel's code
     * @return the code of the row it counts in
     */
    abstract String group(String landUseCode);
}
