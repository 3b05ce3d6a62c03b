package cn.yiyang.planning.app.road;

import cn.yiyang.planning.layers.testsupport.TestStores;

/** {@link RouteRegisterContract} on an in-memory H2GIS store. */
class H2gisRouteRegisterTest extends RouteRegisterContract {

    @Override
    TestStores.TestStore open() {
        return TestStores.h2gis();
    }
}
