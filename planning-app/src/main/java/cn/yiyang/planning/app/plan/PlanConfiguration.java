package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.FeatureWriteRepository;
import cn.yiyang.planning.layers.plans.PlanDocumentRepository;
import cn.yiyang.planning.layers.plans.PlanTransitionRepository;
import cn.yiyang.planning.layers.store.JdbcPlanDocumentRepository;
import cn.yiyang.planning.layers.store.JdbcPlanTransitionRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plan register's parts: the timeline and document records (V9), the register service with every
 * {@link ApprovalGate} bean (asked at each approval, so gates of other features need no change here), the
 * overdue rule ({@code planning.plans.default-due}) and the documents' folder and size limit
 * ({@code planning.plans.max-document-mb}).
 */
@Configuration(proxyBeanMethods = false)
class PlanConfiguration {

    @Bean
    PlanTransitionRepository planTransitionRepository(SpatialStore store) {
        return new JdbcPlanTransitionRepository(store);
    }

    @Bean
    PlanDocumentRepository planDocumentRepository(SpatialStore store) {
        return new JdbcPlanDocumentRepository(store);
    }

    @Bean
    PlanService planService(
            LayerCatalogue catalogue,
            FeatureRepository features,
            FeatureWriteRepository writes,
            LayerVersions versions,
            PlaceService places,
            PlanTransitionRepository transitions,
            AuditLog audit,
            ObjectProvider<ApprovalGate> gates,
            @Value("${planning.plans.default-due:2023-12-31}") LocalDate defaultDue) {
        return new PlanService(
                catalogue,
                features,
                writes,
                versions,
                places,
                transitions,
                audit,
                () -> gates.orderedStream().toList(),
                new Overdue(defaultDue),
                Clock.system(Region.TIME_ZONE));
    }

    @Bean
    PlanDocuments planDocuments(
            PlanService plans,
            PlanDocumentRepository records,
            @Value("${planning.data-dir:./data}") String dataDir,
            @Value("${planning.plans.max-document-mb:50}") long maxDocumentMb,
            AuditLog audit) {
        return new PlanDocuments(plans, records, Path.of(dataDir, "plan-documents"), maxDocumentMb << 20, audit);
    }
}
