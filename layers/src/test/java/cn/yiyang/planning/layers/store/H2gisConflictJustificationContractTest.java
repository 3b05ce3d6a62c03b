package cn.yiyang.planning.layers.store;

/** The conflict justifications on the embedded H2GIS store. */
class H2gisConflictJustificationContractTest extends ConflictJustificationContract {
    @Override
    StoreKind kind() {
        return StoreKind.H2GIS;
    }
}
