package cn.yiyang.planning.app.access;

import cn.yiyang.planning.layers.testsupport.TestStores;

/** {@link RouteAccessContract} on PostGIS. */
class PostgisRouteAccessIT extends RouteAccessContract {

    @Override
    TestStores.TestStore open() {
        return TestStores.postgis();
    }
}
