package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.layers.store.StoreKind;

/** The import contract on the embedded H2GIS store. */
class H2gisImportTest extends ImportContract {
    @Override
    StoreKind kind() {
        return StoreKind.H2GIS;
    }
}
