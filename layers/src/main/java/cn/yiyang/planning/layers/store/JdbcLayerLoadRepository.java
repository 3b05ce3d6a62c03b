package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.load.LayerLoad;
import cn.yiyang.planning.layers.load.LayerLoadRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link LayerLoadRepository} over the {@code layer_load} table, on either store. */
public final class JdbcLayerLoadRepository implements LayerLoadRepository {

    private static final String COLUMNS = "layer_id, source, synthetic, mode, feature_count, loaded_by, loaded_at";
    private final SpatialStore store;

    public JdbcLayerLoadRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public void record(LayerLoad load) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO layer_load (layer_id, source, synthetic, mode, "
                    + "feature_count, loaded_by) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, load.layerId());
                ps.setString(2, load.source());
                ps.setBoolean(3, load.synthetic());
                ps.setString(4, load.mode());
                ps.setLong(5, load.featureCount());
                ps.setString(6, load.loadedBy());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<LayerLoad> latest(String layerId) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM layer_load WHERE layer_id = ? ORDER BY loaded_at DESC, id DESC LIMIT 1")) {
                ps.setString(1, layerId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Map<String, LayerLoad> latestByLayer() {
        return store.withConnection(c -> {
            Map<String, LayerLoad> out = new LinkedHashMap<>();
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT " + COLUMNS + " FROM layer_load ORDER BY loaded_at, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LayerLoad l = read(rs);
                    out.put(l.layerId(), l);
                }
            }
            return out;
        });
    }

    private static LayerLoad read(ResultSet rs) throws SQLException {
        return new LayerLoad(
                rs.getString(1),
                rs.getString(2),
                rs.getBoolean(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getObject(7, OffsetDateTime.class));
    }
}
