package cn.yiyang.planning.layers.store;

/** The conflict justifications on PostGIS. */
class PostgisConflictJustificationContractIT extends ConflictJustificationContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGIS;
    }
}
