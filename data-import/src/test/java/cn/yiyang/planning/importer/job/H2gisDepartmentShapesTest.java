package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.layers.store.StoreKind;

/** Department-shaped files on the embedded H2GIS store. */
class H2gisDepartmentShapesTest extends DepartmentShapesContract {
    @Override
    StoreKind kind() {
        return StoreKind.H2GIS;
    }
}
