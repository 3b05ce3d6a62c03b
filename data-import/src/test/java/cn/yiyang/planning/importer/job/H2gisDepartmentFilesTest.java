package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.layers.store.StoreKind;

/** Department files on the embedded H2GIS store. */
class H2gisDepartmentFilesTest extends DepartmentFilesContract {
    @Override
    StoreKind kind() {
        return StoreKind.H2GIS;
    }
}
