package cn.yiyang.planning.layers.store;

/** The register closures on PostGIS. */
class PostgisRoadClosureContractIT extends RoadClosureContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGIS;
    }
}
