package cn.yiyang.planning.layers.tiles;

import cn.yiyang.planning.layers.store.StoreKind;

/** The tile contract on PostGIS (tiles built by ST_AsMVT). */
class PostgisTileContractIT extends TileContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGIS;
    }
}
