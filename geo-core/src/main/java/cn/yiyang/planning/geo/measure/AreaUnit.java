package cn.yiyang.planning.geo.measure;

/** Units of area used in Chinese land-use planning. */
public enum AreaUnit {
    /** Square metre (平方米). */
    SQUARE_METRE("平方米", "m²", 1.0),
    /** 亩 (mu): exactly 10000/15 m², about 666.67 m²; 15 亩 = 1 公顷. */
    MU("亩", "亩", 10_000.0 / 15.0),
    /** Hectare (公顷): 10 000 m². */
    HECTARE("公顷", "ha", 10_000.0),
    /** Square kilometre (平方千米): 100 公顷. */
    SQUARE_KILOMETRE("平方千米", "km²", 1_000_000.0);

    private final String nameZh;
    private final String symbol;
    private final double squareMetres;

    AreaUnit(String nameZh, String symbol, double squareMetres) {
        this.nameZh = nameZh;
        this.symbol = symbol;
        this.squareMetres = squareMetres;
    }

    /** @return the Chinese name, e.g. {@code 公顷} */
    public String nameZh() {
        return nameZh;
    }

    /** @return the usual symbol, e.g. {@code ha} */
    public String symbol() {
        return symbol;
    }

    /** @return the size of one unit in square metres */
    public double squareMetres() {
        return squareMetres;
    }

    /**
     * @param squareMetres an area in m²
     * @return the same area in this unit, e.g. {@code MU.fromSquareMetres(10_000) == 15}
     */
    public double fromSquareMetres(double squareMetres) {
        return squareMetres / this.squareMetres;
    }

    /**
     * @param amount an area in this unit
     * @return the same area in m²
     */
    public double toSquareMetres(double amount) {
        return amount * squareMetres;
    }
}
