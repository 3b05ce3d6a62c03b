package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.layers.store.StoreKind;

/** Department-shaped files on PostGIS. */
class PostgisDepartmentShapesIT extends DepartmentShapesContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGIS;
    }
}
