package cn.yiyang.planning.layers.store;

/** The plans' records on the embedded H2GIS store. */
class H2gisPlanRecordsContractTest extends PlanRecordsContract {
    @Override
    StoreKind kind() {
        return StoreKind.H2GIS;
    }
}
