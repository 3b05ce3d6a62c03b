package cn.yiyang.planning.layers.store;

/** County scoping and withheld personal data on PostGIS. */
class PostgisScopeContractIT extends ScopeContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGIS;
    }
}
