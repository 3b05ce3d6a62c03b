package cn.yiyang.planning.layers.tiles;

import cn.yiyang.planning.layers.store.StoreKind;

/** The tile contract on the embedded H2GIS store (tiles encoded in Java). */
class H2gisTileContractTest extends TileContract {
    @Override
    StoreKind kind() {
        return StoreKind.H2GIS;
    }
}
