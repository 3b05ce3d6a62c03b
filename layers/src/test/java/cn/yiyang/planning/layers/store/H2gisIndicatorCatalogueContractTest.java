package cn.yiyang.planning.layers.store;

/** The indicator catalogue contract on the H2gis store. */
class H2gisIndicatorCatalogueContractTest extends IndicatorCatalogueContract {
    @Override
    StoreKind kind() {
        return StoreKind.H2GIS;
    }
}
