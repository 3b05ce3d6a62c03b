package cn.yiyang.planning.layers.store;

/** The register closures on the embedded H2GIS store. */
class H2gisRoadClosureContractTest extends RoadClosureContract {
    @Override
    StoreKind kind() {
        return StoreKind.H2GIS;
    }
}
