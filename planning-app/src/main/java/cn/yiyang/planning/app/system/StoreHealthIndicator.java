package cn.yiyang.planning.app.system;

import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The store's part of {@code /actuator/health} (component {@code store}, also in the readiness group): UP when a
 * query answers, DOWN with the store failure's reason otherwise; details (the kind of store, the reason) reach
 * signed-in callers only, and never a connection string or SQL.
 */
@Component
class StoreHealthIndicator implements HealthIndicator {

    private final SpatialStore store;

    StoreHealthIndicator(SpatialStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        String kind = store.kind().name().toLowerCase(Locale.ROOT);
        try {
            store.withConnection(c -> {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
            return Health.up().withDetail("kind", kind).build();
        } catch (StoreException e) {
            return Health.down()
                    .withDetail("kind", kind)
                    .withDetail("reason", e.reason().name().toLowerCase(Locale.ROOT))
                    .build();
        }
    }
}
