package cn.yiyang.planning.geo.plan;

import cn.yiyang.planning.geo.measure.AreaUnit;

/**
 * An area as a plan reports it: square metres, with 亩 and 公顷 derived by {@link AreaUnit}.
 *
 * @param squareMetres the area in m² (ellipsoidal)
 */
public record AreaFigure(double squareMetres) {

    /** No area. */
    public static final AreaFigure ZERO = new AreaFigure(0.0);

    /** @return the area in 亩 */
    public double mu() {
        return AreaUnit.MU.fromSquareMetres(squareMetres);
    }

    /** @return the area in 公顷 */
    public double hectares() {
        return AreaUnit.HECTARE.fromSquareMetres(squareMetres);
    }

    /**
     * @param unit the unit wanted
     * @return the area in that unit
     */
    public double in(AreaUnit unit) {
        return unit.fromSquareMetres(squareMetres);
    }

    /**
     * @param other another area
     * @return the sum
     */
    public AreaFigure plus(AreaFigure other) {
        return new AreaFigure(squareMetres + other.squareMetres);
    }

    /**
     * @param other another area
     * @return this minus the other (negative when the other is larger)
     */
    public AreaFigure minus(AreaFigure other) {
        return new AreaFigure(squareMetres - other.squareMetres);
    }
}
