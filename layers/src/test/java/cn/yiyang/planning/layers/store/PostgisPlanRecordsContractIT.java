package cn.yiyang.planning.layers.store;

/** The plans' records on PostGIS. */
class PostgisPlanRecordsContractIT extends PlanRecordsContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGIS;
    }
}
