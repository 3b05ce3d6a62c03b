package cn.yiyang.planning.app.map;

import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.tiles.TileSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tile source that suits the store, the tile requests' short path, and the map settings. */
@Configuration(proxyBeanMethods = false)
class MapConfiguration {

    @Bean
    TileSource tileSource(SpatialStore store) {
        return TileSource.of(store);
    }

    /** {@link TileRequestFilter} on {@code /tiles/*}, right after Spring Security's filter (which lets a request in or not). */
    @Bean
    FilterRegistrationBean<TileRequestFilter> tileRequestFilter(TileService tiles) {
        FilterRegistrationBean<TileRequestFilter> registration =
                new FilterRegistrationBean<>(new TileRequestFilter(tiles));
        registration.addUrlPatterns("/tiles/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    MapSettings mapSettings(
            @Value("${planning.tianditu.key:}") String tiandituKey,
            @Value("${planning.tianditu.proxy:true}") boolean proxy,
            @Value("${planning.tianditu.base-url:" + MapSettings.TIANDITU + "}") String baseUrl,
            @Value("${planning.tianditu.cache-mb:64}") int cacheMb) {
        return new MapSettings(tiandituKey, proxy, baseUrl, cacheMb);
    }
}
