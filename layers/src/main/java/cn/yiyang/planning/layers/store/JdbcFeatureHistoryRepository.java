package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.FeatureHistoryRepository;
import cn.yiyang.planning.layers.feature.HistoryEntry;
import cn.yiyang.planning.layers.feature.HistoryOperation;
import cn.yiyang.planning.layers.feature.VersionedFeature;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link FeatureHistoryRepository} over the {@code feature_history} table (V7), on either store. */
public final class JdbcFeatureHistoryRepository implements FeatureHistoryRepository {

    private final SpatialStore store;

    public JdbcFeatureHistoryRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public List<HistoryEntry> history(LayerDef layer, long featureId) {
        return query(
                layer,
                "SELECT " + HistoryRows.COLUMNS
                        + " FROM feature_history WHERE layer = ? AND feature_id = ? ORDER BY id DESC",
                ps -> ps.setLong(2, featureId));
    }

    @Override
    public List<HistoryEntry> since(LayerDef layer, Instant since, int limit) {
        return query(
                layer,
                "SELECT " + HistoryRows.COLUMNS
                        + " FROM feature_history WHERE layer = ? AND at >= ? ORDER BY id DESC LIMIT ?",
                ps -> {
                    ps.setObject(2, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
                    ps.setInt(3, limit);
                });
    }

    @Override
    public Optional<VersionedFeature> asOf(LayerDef layer, long featureId, Instant instant) {
        List<HistoryEntry> latest = query(
                layer,
                "SELECT " + HistoryRows.COLUMNS + " FROM feature_history WHERE layer = ? AND feature_id = ? AND at <= ?"
                        + " ORDER BY id DESC LIMIT 1",
                ps -> {
                    ps.setLong(2, featureId);
                    ps.setObject(3, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                });
        return latest.stream()
                .filter(e -> e.after() != null && e.version() != null)
                .map(e -> new VersionedFeature(e.after(), e.version()))
                .findFirst();
    }

    @Override
    public HistoryEntry recordSummary(
            LayerDef layer, HistoryOperation operation, String user, Map<String, Object> details) {
        if (!operation.isSummary()) {
            throw new IllegalArgumentException(operation + " is not a summary operation");
        }
        return store.inTransaction(c -> {
            long id = HistoryRows.insert(
                    c,
                    store.dialect(),
                    layer.id(),
                    new HistoryRows.Write(null, null, null, operation, user, null, null, details));
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT " + HistoryRows.COLUMNS + " FROM feature_history WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return HistoryRows.read(rs, layer);
                }
            }
        });
    }

    private List<HistoryEntry> query(LayerDef layer, String sql, Binder binder) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, layer.id());
                binder.bind(ps);
                List<HistoryEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(HistoryRows.read(rs, layer));
                    }
                }
                return out;
            }
        });
    }

    /** Binds the parameters after the layer's id. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }
}
