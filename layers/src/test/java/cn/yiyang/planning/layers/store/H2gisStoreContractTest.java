package cn.yiyang.planning.layers.store;

/** The store contract on the embedded H2GIS store. */
class H2gisStoreContractTest extends StoreContract {
    @Override
    StoreKind kind() {
        return StoreKind.H2GIS;
    }
}
