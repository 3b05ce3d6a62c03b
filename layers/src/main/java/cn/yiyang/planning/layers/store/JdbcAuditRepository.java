package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.audit.AuditChain;
import cn.yiyang.planning.layers.audit.AuditEntry;
import cn.yiyang.planning.layers.audit.AuditFilter;
import cn.yiyang.planning.layers.audit.AuditRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditRepository} over {@code audit_entry} (V17), on either store. Appends are serialised in this process
 * (one app per store), so that each entry names the hash of the one before it.
 */
public final class JdbcAuditRepository implements AuditRepository {

    private static final String COLUMNS =
            "id, at, user_name, address, action, layer_id, feature_id, detail, prev_hash, hash";
    private static final int PAGE = 5_000;

    private final SpatialStore store;
    private final Object appendLock = new Object();

    public JdbcAuditRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public AuditEntry append(AuditEntry e) {
        synchronized (appendLock) {
            return store.inTransaction(c -> {
                String prev = AuditChain.START;
                try (PreparedStatement ps =
                                c.prepareStatement("SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1");
                        ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        prev = rs.getString(1);
                    }
                }
                String hash = AuditChain.hash(prev, e);
                long id;
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO audit_entry (at, user_name, address, action, layer_id, feature_id, detail, "
                                + "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        new String[] {"id"})) {
                    ps.setObject(1, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setString(2, e.user());
                    ps.setString(3, e.address());
                    ps.setString(4, e.action());
                    ps.setString(5, e.layer());
                    ps.setString(6, e.feature());
                    ps.setString(7, e.detail());
                    ps.setString(8, prev);
                    ps.setString(9, hash);
                    ps.executeUpdate();
                    id = JdbcPlanDocumentRepository.generatedId(ps);
                }
                return new AuditEntry(
                        id, e.at(), e.user(), e.address(), e.action(), e.layer(), e.feature(), e.detail(), prev, hash);
            });
        }
    }

    @Override
    public List<AuditEntry> find(AuditFilter f) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        condition(sql, values, "user_name = ?", f.user());
        condition(sql, values, "layer_id = ?", f.layer());
        condition(sql, values, "feature_id = ?", f.feature());
        condition(sql, values, "action = ?", f.action());
        condition(sql, values, "at >= ?", f.from() == null ? null : OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
        condition(sql, values, "at < ?", f.to() == null ? null : OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, f.limit()));
        return store.withConnection(c -> read(c, sql.toString(), values));
    }

    private static void condition(StringBuilder sql, List<Object> values, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            values.add(value);
        }
    }

    @Override
    public AuditChain.Check verify() {
        return store.withConnection(c -> {
            String previous = AuditChain.START;
            long after = 0;
            long count = 0;
            while (true) {
                List<AuditEntry> page = read(
                        c,
                        "SELECT " + COLUMNS + " FROM audit_entry WHERE id > ? ORDER BY id LIMIT " + PAGE,
                        List.of(after));
                Optional<AuditChain.Break> broken = AuditChain.check(previous, page);
                if (broken.isPresent()) {
                    return new AuditChain.Check(
                            count
                                    + page.stream()
                                            .filter(e -> e.id() < broken.get().id())
                                            .count()
                                    + 1,
                            broken);
                }
                count += page.size();
                if (page.size() < PAGE) {
                    return new AuditChain.Check(count, Optional.empty());
                }
                previous = page.getLast().hash();
                after = page.getLast().id();
            }
        });
    }

    private static List<AuditEntry> read(Connection c, String sql, List<Object> values) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(
                            rs.getLong(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10)));
                }
            }
        }
        return out;
    }
}
