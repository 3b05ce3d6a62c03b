package cn.yiyang.planning.app.map;

import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.tiles.TileSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tile source that suits the store, and the map settings. */
@Configuration(proxyBeanMethods = false)
class MapConfiguration {

    @Bean
    TileSource tileSource(SpatialStore store) {
        return TileSource.of(store);
    }

    @Bean
    MapSettings mapSettings(@Value("${planning.tianditu.key:}") String tiandituKey,
                            @Value("${planning.tianditu.proxy:true}") boolean proxy,
                            @Value("${planning.tianditu.base-url:" + MapSettings.TIANDITU + "}") String baseUrl,
                            @Value("${planning.tianditu.cache-mb:64}") int cacheMb) {
        return new MapSettings(tiandituKey, proxy, baseUrl, cacheMb);
    }
}
