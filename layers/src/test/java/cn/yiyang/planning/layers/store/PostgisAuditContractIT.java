package cn.yiyang.planning.layers.store;

/** The audit record on PostGIS. */
class PostgisAuditContractIT extends AuditContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGIS;
    }
}
