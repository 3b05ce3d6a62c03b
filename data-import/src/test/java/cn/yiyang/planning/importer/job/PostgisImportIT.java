package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.layers.store.StoreKind;

/** The import contract on PostGIS. */
class PostgisImportIT extends ImportContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGIS;
    }
}
