package cn.yiyang.planning.layers.feature;

/**
 * A {@link LoadMode#REPLACE} load begun by {@link FeatureRepository#stage}: its rows are written (or kept) now and
 * become the layer's at {@link #commit}, until which readers see the layer as it was. Either commit or discard it.
 */
public interface StagedLoad {

    /**
     * Makes the staged rows the layer's, with the load's history row, as {@link FeatureRepository#load} would.
     *
     * @param summary what the history records of it, or null for nothing
     * @return the number of features written
     */
    long commit(LoadSummary summary);

    /** Gives the staged rows up: the layer stays as it was. Does nothing after {@link #commit}. */
    void discard();
}
