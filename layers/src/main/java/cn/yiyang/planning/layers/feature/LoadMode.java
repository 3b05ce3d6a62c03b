package cn.yiyang.planning.layers.feature;

/** How a load treats what a layer already holds. */
public enum LoadMode {
    /** Delete every feature of the layer, then insert. */
    REPLACE,
    /** Insert next to what is there. */
    APPEND
}
