package cn.yiyang.planning.app.road;

import cn.yiyang.planning.layers.testsupport.TestStores;

/** {@link RouteRegisterContract} on PostGIS (a new database per test). */
class PostgisRouteRegisterIT extends RouteRegisterContract {

    @Override
    TestStores.TestStore open() {
        return TestStores.postgis();
    }
}
