package cn.yiyang.planning.app.road;

import cn.yiyang.planning.layers.register.RoadClosureRepository;
import cn.yiyang.planning.layers.store.JdbcRoadClosureRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The register's store: the closings done in the app ({@code road_register_closure}). */
@Configuration(proxyBeanMethods = false)
class RoadRegisterConfiguration {

    @Bean
    RoadClosureRepository roadClosureRepository(SpatialStore store) {
        return new JdbcRoadClosureRepository(store);
    }
}
