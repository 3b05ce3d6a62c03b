package cn.yiyang.planning.demo;

/**
 * How much demo data to generate. Both scales contain every real county (8), township (98) and
 * village (1,446) with the same boundaries and facilities; they differ in the natural villages and
 * households, and so in everything that hangs on them (group and household roads, pipes).
 */
public enum DemoScale {

    /**
     * One to three natural villages per village with a handful of households each (about 19,000
     * households in all): generated and loaded in seconds, for tests. Village populations are
     * correspondingly small.
     */
    SMALL,

    /**
     * Six to twelve natural villages per village with 5 to 120 households each (about 370,000
     * households): the size of rural Yiyang, for demonstrations.
     */
    FULL
}
