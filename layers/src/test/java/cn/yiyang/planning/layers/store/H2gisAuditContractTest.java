package cn.yiyang.planning.layers.store;

/** The audit record on the embedded H2GIS store. */
class H2gisAuditContractTest extends AuditContract {
    @Override
    StoreKind kind() {
        return StoreKind.H2GIS;
    }
}
