package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureWriteRepository;
import cn.yiyang.planning.layers.feature.HistoryOperation;
import cn.yiyang.planning.layers.feature.VersionedFeature;
import cn.yiyang.planning.layers.feature.WriteResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link FeatureWriteRepository} over JDBC; the same SQL runs on PostGIS and H2GIS. A write is a conditional
 * statement ({@code … WHERE id = ? AND version = ?}) and its history entry, in one transaction: when the statement
 * touches no row the feature is re-read to tell a stale version from a missing feature, and nothing is written.
 * Since every writer raises the version of a row it changes, the before-value read at the start is exactly the row
 * the conditional statement changed.
 */
public final class JdbcFeatureWriteRepository implements FeatureWriteRepository {

    private final SpatialStore store;

    public JdbcFeatureWriteRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public Optional<VersionedFeature> find(LayerDef layer, long id) {
        return store.withConnection(c -> read(c, layer, id));
    }

    @Override
    public VersionedFeature insert(LayerDef layer, Feature feature, String user) {
        Objects.requireNonNull(user, "user");
        List<String> cols = FeatureRows.insertColumns(layer);
        String sql = "INSERT INTO " + layer.table() + " (" + String.join(", ", cols) + ") VALUES ("
                + String.join(", ", placeholders(cols)) + ")";
        return store.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
                bind(ps, layer, feature);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            VersionedFeature after = read(c, layer, id).orElseThrow();
            record(c, layer, HistoryOperation.INSERT, user, null, after);
            return after;
        });
    }

    @Override
    public WriteResult update(LayerDef layer, long id, long expectedVersion, Feature feature, String user) {
        Objects.requireNonNull(user, "user");
        List<String> cols = FeatureRows.insertColumns(layer);
        List<String> placeholders = placeholders(cols);
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            sets.add(cols.get(i) + " = " + placeholders.get(i));
        }
        String sql = "UPDATE " + layer.table() + " SET " + String.join(", ", sets)
                + ", version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = ? AND version = ?";
        return store.inTransaction(c -> {
            Optional<VersionedFeature> before = read(c, layer, id);
            if (before.isEmpty() || before.get().version() != expectedVersion) {
                return refused(before);
            }
            int rows;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int next = bind(ps, layer, feature);
                ps.setLong(next++, id);
                ps.setLong(next, expectedVersion);
                rows = ps.executeUpdate();
            }
            if (rows == 0) { // changed or deleted since it was read
                return refused(read(c, layer, id));
            }
            VersionedFeature after = read(c, layer, id).orElseThrow();
            record(c, layer, HistoryOperation.UPDATE, user, before.get(), after);
            return new WriteResult.Written(after);
        });
    }

    @Override
    public WriteResult delete(LayerDef layer, long id, long expectedVersion, String user) {
        Objects.requireNonNull(user, "user");
        String sql = "DELETE FROM " + layer.table() + " WHERE id = ? AND version = ?";
        return store.inTransaction(c -> {
            Optional<VersionedFeature> before = read(c, layer, id);
            if (before.isEmpty() || before.get().version() != expectedVersion) {
                return refused(before);
            }
            int rows;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                ps.setLong(2, expectedVersion);
                rows = ps.executeUpdate();
            }
            if (rows == 0) {
                return refused(read(c, layer, id));
            }
            VersionedFeature gone = new VersionedFeature(before.get().feature(), expectedVersion + 1);
            record(c, layer, HistoryOperation.DELETE, user, before.get(), gone);
            return new WriteResult.Written(gone);
        });
    }

    private static WriteResult refused(Optional<VersionedFeature> current) {
        return current.<WriteResult>map(WriteResult.Stale::new).orElseGet(WriteResult.NotFound::new);
    }

    /**
     * Records a single-feature entry: the version is {@code after}'s (for a delete, the deleted version plus one),
     * the key the after- or, for a delete, the before-value's.
     */
    private void record(
            Connection c,
            LayerDef layer,
            HistoryOperation op,
            String user,
            VersionedFeature before,
            VersionedFeature after)
            throws SQLException {
        Feature keyed = op == HistoryOperation.DELETE ? before.feature() : after.feature();
        String key = layer.keyField() == null ? null : keyed.getString(layer.keyField());
        HistoryRows.insert(
                c,
                store.dialect(),
                layer.id(),
                new HistoryRows.Write(
                        after.id(),
                        key,
                        after.version(),
                        op,
                        user,
                        before == null ? null : before.feature(),
                        op == HistoryOperation.DELETE ? null : after.feature(),
                        Map.of()));
    }

    private Optional<VersionedFeature> read(Connection c, LayerDef layer, long id) throws SQLException {
        String sql = "SELECT " + FeatureRows.selectList(layer) + ", version FROM " + layer.table() + " WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new VersionedFeature(FeatureRows.read(rs, layer), rs.getLong("version")))
                        : Optional.empty();
            }
        }
    }

    /** The value placeholders of the insert columns: JSON for extra, WKB in EPSG:4490 for the geometry. */
    private List<String> placeholders(List<String> cols) {
        return cols.stream()
                .map(col -> switch (col) {
                    case FeatureRows.EXTRA -> store.dialect().jsonParameter();
                    case FeatureRows.GEOM -> "ST_GeomFromWKB(?, " + LayerDef.SRID + ")";
                    default -> "?";
                })
                .toList();
    }

    /** Binds attributes, extra and the geometry shaped by {@link LayerGeometry}; returns the next index. */
    private static int bind(PreparedStatement ps, LayerDef layer, Feature f) throws SQLException {
        int next = FeatureRows.bindAttributes(ps, 1, layer, f);
        if (layer.geometry().hasGeometry()) {
            ps.setBytes(next++, FeatureRows.wkb(LayerGeometry.stored(layer, f.geometry())));
        }
        return next;
    }
}
