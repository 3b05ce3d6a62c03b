package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.HistoryEntry;
import cn.yiyang.planning.layers.feature.HistoryOperation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * Writes and reads rows of {@code feature_history} on a caller's connection, so that a single-feature write and
 * its entry share one transaction. Shared by the write and the history repositories.
 */
final class HistoryRows {

    static final String COLUMNS =
            "id, layer, feature_id, feature_key, version, operation, user_name, at, before, after, details";

    private HistoryRows() {}

    /** What one entry records; the store adds its id and time. */
    record Write(
            Long featureId,
            String featureKey,
            Long version,
            HistoryOperation operation,
            String user,
            Feature before,
            Feature after,
            Map<String, Object> details) {
        Write {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(user, "user");
        }
    }

    /** Inserts an entry on {@code c} (in the caller's transaction); returns its id. */
    static long insert(Connection c, Dialect dialect, String layerId, Write w) throws SQLException {
        String json = dialect.jsonParameter();
        String sql = "INSERT INTO feature_history (layer, feature_id, feature_key, version, operation, user_name, "
                + "before, after, details) VALUES (?, ?, ?, ?, ?, ?, " + json + ", " + json + ", " + json + ")";
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            ps.setString(1, layerId);
            ps.setObject(2, w.featureId(), Types.BIGINT);
            ps.setString(3, w.featureKey());
            ps.setObject(4, w.version(), Types.BIGINT);
            ps.setString(5, w.operation().name());
            ps.setString(6, w.user());
            ps.setString(7, FeatureDocuments.write(w.before()));
            ps.setString(8, FeatureDocuments.write(w.after()));
            ps.setString(9, w.details() == null ? null : FeatureDocuments.writeDetails(w.details()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Reads the current row (selected with {@link #COLUMNS}). */
    static HistoryEntry read(ResultSet rs, LayerDef layer) throws SQLException {
        Long featureId = rs.getObject("feature_id") == null ? null : rs.getLong("feature_id");
        return new HistoryEntry(
                rs.getLong("id"),
                rs.getString("layer"),
                featureId,
                rs.getString("feature_key"),
                rs.getObject("version") == null ? null : rs.getLong("version"),
                HistoryOperation.valueOf(rs.getString("operation")),
                rs.getString("user_name"),
                rs.getObject("at", OffsetDateTime.class),
                FeatureDocuments.read(layer, featureId, rs.getString("before")),
                FeatureDocuments.read(layer, featureId, rs.getString("after")),
                FeatureDocuments.readDetails(rs.getString("details")));
    }
}
