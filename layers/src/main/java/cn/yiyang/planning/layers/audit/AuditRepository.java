package cn.yiyang.planning.layers.audit;

import java.util.List;

/** The audit record ({@code audit_entry}, V17): appended to, listed, checked; never changed. */
public interface AuditRepository {

    /**
     * Appends an entry, chained to the last one ({@link AuditChain}).
     *
     * @return the entry as stored, with id and hashes
     */
    AuditEntry append(AuditEntry entry);

    /** The entries the filter selects, newest first. */
    List<AuditEntry> find(AuditFilter filter);

    /** Checks the whole chain, oldest first, reading it in pages. */
    AuditChain.Check verify();
}
