package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.layers.plan.ConflictJustificationRepository;
import cn.yiyang.planning.layers.store.JdbcConflictJustificationRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store beans of plans' parcels and conflicts. */
@Configuration(proxyBeanMethods = false)
class ParcelConfiguration {

    /** The approvers' justifications of conflicts (V10). */
    @Bean
    ConflictJustificationRepository conflictJustificationRepository(SpatialStore store) {
        return new JdbcConflictJustificationRepository(store);
    }
}
