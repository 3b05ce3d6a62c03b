package cn.yiyang.planning.layers.store;

/** The store contract on PostGIS. */
class PostgisStoreContractIT extends StoreContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGIS;
    }
}
