package cn.yiyang.planning.layers.feature;

/** How a load treats what a layer already holds. */
public enum LoadMode {
    /** Delete every feature of the layer, then insert. */
    REPLACE,
    /** Insert next to what is there; a key that is already there fails the load. */
    APPEND,
    /**
     * Update the features whose key (see {@link cn.yiyang.planning.layers.catalogue.LayerDef#keyField()})
     * is already there, insert the others; features that are not in the load stay. Only for layers
     * with a key field.
     */
    UPSERT
}
