package cn.yiyang.planning.layers.store;

/** Single-feature writes and the history on PostGIS. */
class PostgisFeatureWriteContractIT extends FeatureWriteContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGIS;
    }
}
