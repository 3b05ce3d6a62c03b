package cn.yiyang.planning.app.testsupport;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.layers.store.JdbcAuditRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import java.time.Clock;

/** The audit record of a test store, for services built without Spring. */
public final class Audits {

    private Audits() {}

    /**
     * @param store the store
     * @return an audit log appending to the store's record
     */
    public static AuditLog log(SpatialStore store) {
        return new AuditLog(new JdbcAuditRepository(store), Clock.systemUTC());
    }
}
