package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LayerSummary;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.feature.LoadSummary;
import cn.yiyang.planning.layers.feature.Scope;
import cn.yiyang.planning.layers.feature.StagedLoad;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link FeatureRepository} over JDBC; the same SQL runs on PostGIS and H2GIS. */
public final class JdbcFeatureRepository implements FeatureRepository {

    private static final Logger log = LoggerFactory.getLogger(JdbcFeatureRepository.class);
    private static final int FETCH_SIZE = 5_000;
    private static final int KEY_CHUNK = 500;
    private final SpatialStore store;

    public JdbcFeatureRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public LayerSummary summary(LayerDef layer, Scope scope) {
        ScopeSql in = ScopeSql.of(layer, scope, FeatureFilterSql.ALIAS);
        String from = " FROM " + layer.table() + " " + FeatureFilterSql.ALIAS + " WHERE " + in.sql();
        String sql = layer.geometry().hasGeometry()
                ? "SELECT COUNT(*), MIN(ST_XMin(geom)), MIN(ST_YMin(geom)), MAX(ST_XMax(geom)), MAX(ST_YMax(geom))"
                        + from
                : "SELECT COUNT(*)" + from;
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, in.params());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long count = rs.getLong(1);
                    Envelope extent = null;
                    if (layer.geometry().hasGeometry() && rs.getObject(2) != null) {
                        extent = new Envelope(rs.getDouble(2), rs.getDouble(4), rs.getDouble(3), rs.getDouble(5));
                    }
                    return new LayerSummary(count, extent);
                }
            }
        });
    }

    @Override
    public long load(LayerDef layer, LoadMode mode, Iterator<Feature> features) {
        return load(layer, mode, features, null);
    }

    @Override
    public long load(LayerDef layer, LoadMode mode, Iterator<Feature> features, LoadSummary summary) {
        if (mode == LoadMode.UPSERT && layer.keyField() == null) {
            throw new IllegalArgumentException("layer " + layer.id() + " has no key field: it cannot be upserted");
        }
        store.withConnection(c -> {
            store.dialect().beforeBulkLoad(c, layer);
            return null;
        });
        try {
            return loadInOneTransaction(layer, mode, features, summary);
        } finally {
            store.withConnection(c -> {
                store.dialect().afterBulkLoad(c, layer);
                return null;
            });
        }
    }

    private long loadInOneTransaction(LayerDef layer, LoadMode mode, Iterator<Feature> features, LoadSummary summary) {
        if (mode == LoadMode.REPLACE) {
            try {
                return store.dialect()
                        .replace(store, layer, features, (c, written) -> history(c, layer, mode, written, summary));
            } catch (SQLException e) {
                throw SpatialStore.translate("a load", e);
            }
        }
        return store.inTransaction(c -> {
            long written = mode == LoadMode.APPEND
                    ? store.dialect().bulkInsert(c, layer, features)
                    : store.dialect().bulkUpsert(c, layer, features);
            history(c, layer, mode, written, summary);
            return written;
        });
    }

    /**
     * Where the dialect fills a layer's new rows apart ({@link Dialect#stagesReplace}: the embedded store's
     * describing layers), writes them now, in the caller's thread; the commit swaps them in with the load's history
     * row. Elsewhere the features are kept and loaded at the commit.
     */
    @Override
    public StagedLoad stage(LayerDef layer, List<Feature> features) {
        Dialect dialect = store.dialect();
        if (!dialect.stagesReplace(layer)) {
            return FeatureRepository.super.stage(layer, features);
        }
        long rows;
        try {
            rows = dialect.stageReplace(store, layer, features.iterator());
        } catch (SQLException e) {
            throw SpatialStore.translate("a load", e);
        }
        return new StagedLoad() {
            private boolean done;

            @Override
            public long commit(LoadSummary summary) {
                if (done) {
                    throw new IllegalStateException("the staged load of " + layer.id() + " is already done");
                }
                done = true;
                try {
                    dialect.commitStaged(
                            store, layer, rows, (c, written) -> history(c, layer, LoadMode.REPLACE, written, summary));
                } catch (SQLException e) {
                    throw SpatialStore.translate("a load", e);
                }
                return rows;
            }

            @Override
            public void discard() {
                if (done) {
                    return;
                }
                done = true;
                try {
                    dialect.discardStaged(store, layer);
                } catch (SQLException | RuntimeException e) {
                    // the next replace of the layer drops what is left
                    log.warn("staged rows of {} not dropped: {}", layer.id(), e.toString());
                }
            }
        };
    }

    /** The load's history row (when it has a summary), in the transaction that makes its rows visible. */
    private void history(Connection c, LayerDef layer, LoadMode mode, long written, LoadSummary summary)
            throws SQLException {
        if (summary == null) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>(summary.details().get());
        details.put("mode", mode.name());
        details.put("written", written);
        HistoryRows.insert(
                c,
                store.dialect(),
                layer.id(),
                new HistoryRows.Write(null, null, null, summary.operation(), summary.user(), null, null, details));
    }

    @Override
    public List<Feature> findInEnvelope(LayerDef layer, Envelope bbox, int limit) {
        return findInEnvelope(layer, bbox, limit, Scope.ALL);
    }

    @Override
    public Optional<Feature> findById(LayerDef layer, long id) {
        return findOne(layer, "id", id);
    }

    @Override
    public Optional<Feature> findByKey(LayerDef layer, String key) {
        if (layer.keyField() == null) {
            return Optional.empty();
        }
        return findOne(layer, layer.keyField(), key);
    }

    private Optional<Feature> findOne(LayerDef layer, String column, Object value) {
        String sql = "SELECT " + FeatureRows.selectList(layer) + " FROM " + layer.table() + " WHERE " + column
                + " = ? ORDER BY id LIMIT 1";
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, value);
                return readAll(ps, layer).stream().findFirst();
            }
        });
    }

    @Override
    public void forEach(LayerDef layer, Consumer<Feature> sink) {
        stream(
                "SELECT " + FeatureRows.selectList(layer) + " FROM " + layer.table() + " ORDER BY id",
                rs -> sink.accept(FeatureRows.read(rs, layer)));
    }

    @Override
    public void forEach(LayerDef layer, List<String> fields, Consumer<Feature> sink) {
        List<FieldDef> columns = fields.stream().map(layer::requiredField).toList();
        stream(
                "SELECT " + FeatureRows.selectList(layer, columns, false) + " FROM " + layer.table() + " ORDER BY id",
                rs -> sink.accept(FeatureRows.read(rs, layer, columns, false)));
    }

    @Override
    public void forEachKey(LayerDef layer, Consumer<String> sink) {
        if (layer.keyField() == null) {
            return;
        }
        stream("SELECT " + layer.keyField() + " FROM " + layer.table(), rs -> {
            String key = rs.getString(1);
            if (key != null) {
                sink.accept(key);
            }
        });
    }

    @Override
    public void forEachValue(LayerDef layer, String field, Consumer<String> sink) {
        layer.requiredField(field);
        // the field name is the catalogue's, never the caller's text
        stream("SELECT DISTINCT " + field + " FROM " + layer.table() + " WHERE " + field + " IS NOT NULL", rs -> {
            sink.accept(rs.getString(1));
        });
    }

    @Override
    public Set<String> existingKeys(LayerDef layer, String field, Collection<String> values) {
        layer.requiredField(field);
        List<String> distinct =
                values.stream().filter(Objects::nonNull).distinct().toList();
        Set<String> found = new HashSet<>();
        // in chunks, so that a long list never exceeds a driver's parameter limit
        for (int from = 0; from < distinct.size(); from += KEY_CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + KEY_CHUNK));
            String sql = "SELECT " + field + " FROM " + layer.table() + " WHERE " + field + " IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            store.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bind(ps, List.copyOf(chunk));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
                return null;
            });
        }
        return found;
    }

    /** Runs a query and hands each row to {@code row}, read in chunks: memory does not grow with the table. */
    private void stream(String sql, SpatialStore.SqlRow row) {
        stream(sql, List.of(), row);
    }

    /** As {@link #stream(String, SpatialStore.SqlRow)}, with the placeholders' values. */
    private void stream(String sql, List<Object> params, SpatialStore.SqlRow row) {
        store.stream(sql, ps -> bind(ps, params), FETCH_SIZE, row);
    }

    @Override
    public List<Feature> page(LayerDef layer, FeatureQuery query) {
        FeatureFilterSql f = FeatureFilterSql.of(layer, query);
        LayerDef view = query.scope().view(layer);
        String sql = "SELECT " + FeatureRows.selectList(view) + " FROM " + layer.table() + " " + FeatureFilterSql.ALIAS
                + f.where() + f.orderBy() + " LIMIT ? OFFSET ?";
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = bind(ps, f.params());
                ps.setInt(i++, query.limit());
                ps.setInt(i, query.offset());
                return readAll(ps, view).stream()
                        .map(feature -> query.scope().strip(layer, feature))
                        .toList();
            }
        });
    }

    @Override
    public void forEachInPage(LayerDef layer, FeatureQuery query, Consumer<Feature> sink) {
        FeatureFilterSql f = FeatureFilterSql.of(layer, query);
        LayerDef view = query.scope().view(layer);
        String sql = "SELECT " + FeatureRows.selectList(view) + " FROM " + layer.table() + " " + FeatureFilterSql.ALIAS
                + f.where() + f.orderBy() + " LIMIT ? OFFSET ?";
        List<Object> params = new ArrayList<>(f.params());
        params.add(query.limit());
        params.add(query.offset());
        stream(sql, params, rs -> sink.accept(query.scope().strip(layer, FeatureRows.read(rs, view))));
    }

    @Override
    public long count(LayerDef layer, FeatureQuery query) {
        FeatureFilterSql f = FeatureFilterSql.of(layer, query);
        String sql = "SELECT COUNT(*) FROM " + layer.table() + " " + FeatureFilterSql.ALIAS + f.where();
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, f.params());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<Feature> findInEnvelope(LayerDef layer, Envelope bbox, int limit, Scope scope) {
        if (!layer.geometry().hasGeometry()) {
            return List.of();
        }
        ScopeSql in = ScopeSql.of(layer, scope, FeatureFilterSql.ALIAS);
        LayerDef view = scope.view(layer);
        String sql = "SELECT " + FeatureRows.selectList(view) + " FROM " + layer.table() + " " + FeatureFilterSql.ALIAS
                + " WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, " + LayerDef.SRID + ") AND " + in.sql()
                + " ORDER BY id LIMIT ?";
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setDouble(1, bbox.getMinX());
                ps.setDouble(2, bbox.getMinY());
                ps.setDouble(3, bbox.getMaxX());
                ps.setDouble(4, bbox.getMaxY());
                int i = 5;
                for (Object p : in.params()) {
                    ps.setObject(i++, p);
                }
                ps.setInt(i, limit);
                return readAll(ps, view).stream()
                        .map(feature -> scope.strip(layer, feature))
                        .toList();
            }
        });
    }

    @Override
    public Predicate<Feature> admission(LayerDef layer, Scope scope) {
        return ScopeAdmission.of(this, layer, scope);
    }

    @Override
    public long version(LayerDef layer) {
        // Identity ids are never reused: any insert raises MAX(id); deletes change the count;
        // updates that set updated_at move its maximum. Three subqueries, so that each maximum is read
        // from its index (the primary key; updated_at's, V6) rather than by the count's scan.
        // A layer whose rows the store keeps apart (Dialect.rowsTable) is only ever replaced whole, its new rows'
        // ids continuing after the old ones: its count and highest id are its version.
        String t = store.dialect().rowsTable(layer);
        String latest = t.equals(layer.table()) ? "(SELECT MAX(updated_at) FROM " + t + ")" : "NULL";
        String sql = "SELECT (SELECT COUNT(*) FROM " + t + "), (SELECT COALESCE(MAX(id), 0) FROM " + t + "), " + latest;
        return store.withConnection(c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                Timestamp updated = rs.getTimestamp(3);
                long h = rs.getLong(1);
                h = h * 1_000_003L + rs.getLong(2);
                h = h * 1_000_003L + (updated == null ? 0 : updated.getTime());
                return h & Long.MAX_VALUE;
            }
        });
    }

    private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }

    private static List<Feature> readAll(PreparedStatement ps, LayerDef layer) throws SQLException {
        List<Feature> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(FeatureRows.read(rs, layer));
            }
        }
        return out;
    }
}
