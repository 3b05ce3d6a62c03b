package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.layers.store.StoreKind;

/** Department files on PostGIS. */
class PostgisDepartmentFilesIT extends DepartmentFilesContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGIS;
    }
}
