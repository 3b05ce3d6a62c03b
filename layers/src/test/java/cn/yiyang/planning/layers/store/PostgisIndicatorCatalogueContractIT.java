package cn.yiyang.planning.layers.store;

/** The indicator catalogue contract on the Postgis store. */
class PostgisIndicatorCatalogueContractIT extends IndicatorCatalogueContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGIS;
    }
}
