package cn.yiyang.planning.layers.store;

/** County scoping and withheld personal data on the embedded H2GIS store. */
class H2gisScopeContractTest extends ScopeContract {
    @Override
    StoreKind kind() {
        return StoreKind.H2GIS;
    }
}
