package cn.yiyang.planning.geo.plan;

/**
 * One row of the land-use balance (用地平衡表): a class, its current and planned area and their shares.
 *
 * @param code the class code (the row's group, see {@link ClassLevel}); {@code null} in the total row
 * @param current the area of its current (现状) parcels
 * @param planned the area of its planned (规划) parcels
 * @param currentShare its share of all current area, 0 to 1 (0 when there is no current area)
 * @param plannedShare its share of all planned area, 0 to 1 (0 when there is no planned area)
 */
public record BalanceRow(
        String code, AreaFigure current, AreaFigure planned, double currentShare, double plannedShare) {

    /** @return planned minus current: positive where the plan adds land to the class */
    public AreaFigure change() {
        return planned.minus(current);
    }
}
