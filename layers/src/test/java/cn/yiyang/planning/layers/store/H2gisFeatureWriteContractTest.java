package cn.yiyang.planning.layers.store;

/** Single-feature writes and the history on the embedded H2GIS store. */
class H2gisFeatureWriteContractTest extends FeatureWriteContract {
    @Override
    StoreKind kind() {
        return StoreKind.H2GIS;
    }
}
