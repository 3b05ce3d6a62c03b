package cn.yiyang.planning.app.indicator;

import cn.yiyang.planning.layers.analysis.IndicatorCatalogueRepository;
import cn.yiyang.planning.layers.analysis.IndicatorEntryRepository;
import cn.yiyang.planning.layers.store.JdbcIndicatorCatalogueRepository;
import cn.yiyang.planning.layers.store.JdbcIndicatorEntryRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue and entry repositories (V16) over the one store. */
@Configuration(proxyBeanMethods = false)
class IndicatorConfiguration {

    @Bean
    IndicatorCatalogueRepository indicatorCatalogueRepository(SpatialStore store) {
        return new JdbcIndicatorCatalogueRepository(store);
    }

    @Bean
    IndicatorEntryRepository indicatorEntryRepository(SpatialStore store) {
        return new JdbcIndicatorEntryRepository(store);
    }
}
