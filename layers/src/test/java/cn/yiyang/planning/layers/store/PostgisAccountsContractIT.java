package cn.yiyang.planning.layers.store;

/** The accounts on PostGIS. */
class PostgisAccountsContractIT extends AccountsContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGIS;
    }
}
