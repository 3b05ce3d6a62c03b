package cn.yiyang.planning.layers.store;

/** The accounts on the embedded H2GIS store. */
class H2gisAccountsContractTest extends AccountsContract {
    @Override
    StoreKind kind() {
        return StoreKind.H2GIS;
    }
}
