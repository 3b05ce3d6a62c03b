package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.access.Indicators;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.AnalysisRunRepository;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.analysis.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link AnalysisRunRepository} over the {@code analysis_run} and {@code analysis_indicator} tables
 * (migration V3), and {@code analysis_indicator_units} (V28) for the levels of many units, on either store.
 */
public final class JdbcAnalysisRunRepository implements AnalysisRunRepository {

    private static final int BATCH = 5_000;
    private static final String RUN_COLUMNS = "id, kind, status, progress, requested_by, created_at, started_at, "
            + "finished_at, settings, data_version, summary, message";
    private static final List<String> INDICATOR_COLUMNS = List.of(
            "run_id", "indicator", "level", "code", "name", "parent_code", "grp", "numerator", "denominator", "target");
    private static final List<String> INDICATOR_KEY = List.of("run_id", "indicator", "level", "code", "grp");
    /**
     * The levels whose values a run keeps as one document per indicator and group ({@link UnitValues}, V28), not a
     * row each: natural villages, 64,860 of a road-access run's 74,807 values on the full demo city. Rows of these
     * levels saved before V28 are still read and deleted beside the documents.
     */
    private static final Set<UnitLevel> DOCUMENT_LEVELS = EnumSet.of(UnitLevel.NATURAL_VILLAGE);

    private static final List<String> DOCUMENT_COLUMNS =
            List.of("run_id", "indicator", "level", "grp", "unit_count", "units");
    private static final List<String> DOCUMENT_KEY = List.of("run_id", "indicator", "level", "grp");
    private static final String SELECT_INDICATORS =
            "SELECT i." + String.join(", i.", INDICATOR_COLUMNS) + " FROM analysis_indicator i";

    private final SpatialStore store;

    public JdbcAnalysisRunRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public void create(AnalysisRun r) {
        String json = store.dialect().jsonParameter();
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO analysis_run (" + RUN_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + json + ", " + json + ", " + json + ", ?)")) {
                ps.setString(1, r.id());
                ps.setString(2, r.kind());
                ps.setString(3, r.status().name());
                ps.setDouble(4, r.progress());
                ps.setString(5, r.requestedBy());
                setInstant(ps, 6, r.createdAt() == null ? Instant.now() : r.createdAt());
                setInstant(ps, 7, r.startedAt());
                setInstant(ps, 8, r.finishedAt());
                ps.setString(9, r.settingsJson());
                ps.setString(10, r.dataVersionJson());
                ps.setString(11, r.summaryJson());
                ps.setString(12, r.message());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void update(AnalysisRun r) {
        String json = store.dialect().jsonParameter();
        int updated = store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE analysis_run SET status = ?, progress = ?, "
                    + "started_at = ?, finished_at = ?, data_version = " + json + ", summary = " + json
                    + ", message = ? WHERE id = ?")) {
                ps.setString(1, r.status().name());
                ps.setDouble(2, r.progress());
                setInstant(ps, 3, r.startedAt());
                setInstant(ps, 4, r.finishedAt());
                ps.setString(5, r.dataVersionJson());
                ps.setString(6, r.summaryJson());
                ps.setString(7, r.message());
                ps.setString(8, r.id());
                return ps.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new NoSuchElementException("no analysis run " + r.id());
        }
    }

    @Override
    public Optional<AnalysisRun> find(String id) {
        return runs("SELECT " + RUN_COLUMNS + " FROM analysis_run WHERE id = ?", id).stream()
                .findFirst();
    }

    @Override
    public List<AnalysisRun> recent(String kind, int limit) {
        if (kind == null) {
            return runs(
                    "SELECT " + RUN_COLUMNS + " FROM analysis_run ORDER BY created_at DESC, id DESC LIMIT ?",
                    Math.max(0, limit));
        }
        return runs(
                "SELECT " + RUN_COLUMNS + " FROM analysis_run WHERE kind = ? ORDER BY created_at DESC, id DESC "
                        + "LIMIT ?",
                kind,
                Math.max(0, limit));
    }

    @Override
    public Optional<AnalysisRun> latestSucceeded(String kind) {
        // The run that finished last wrote the derived layers last.
        return runs(
                        "SELECT " + RUN_COLUMNS + " FROM analysis_run WHERE kind = ? AND status = ? "
                                + "ORDER BY finished_at DESC, created_at DESC, id DESC LIMIT 1",
                        kind,
                        RunStatus.SUCCEEDED.name())
                .stream()
                .findFirst();
    }

    @Override
    public void saveIndicators(String runId, List<IndicatorValue> values) {
        if (values.isEmpty()) {
            return;
        }
        List<IndicatorValue> rows = new ArrayList<>();
        Map<List<Object>, List<IndicatorValue>> documents = new LinkedHashMap<>();
        for (IndicatorValue v : values) {
            if (!v.runId().equals(runId)) {
                throw new IllegalArgumentException("indicator of run " + v.runId() + " saved under " + runId);
            }
            if (DOCUMENT_LEVELS.contains(v.level())) {
                documents
                        .computeIfAbsent(List.of(v.indicator(), v.level(), v.group()), k -> new ArrayList<>())
                        .add(v);
            } else {
                rows.add(v);
            }
        }
        store.inTransaction(c -> {
            saveRows(c, runId, rows);
            for (List<IndicatorValue> document : documents.values()) {
                saveDocument(c, runId, document);
            }
            return null;
        });
    }

    private void saveRows(Connection c, String runId, List<IndicatorValue> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        String sql = store.dialect().upsertRow("analysis_indicator", INDICATOR_COLUMNS, INDICATOR_KEY);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (IndicatorValue v : values) {
                ps.setString(1, runId);
                ps.setString(2, v.indicator().id());
                ps.setString(3, v.level().id());
                ps.setString(4, v.code());
                ps.setString(5, v.name());
                ps.setString(6, v.parentCode());
                ps.setString(7, v.group().id());
                ps.setLong(8, v.numerator());
                ps.setLong(9, v.denominator());
                if (v.target() == null) {
                    ps.setNull(10, Types.DOUBLE);
                } else {
                    ps.setDouble(10, v.target());
                }
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /**
     * The values of one indicator, level and group of the run, as one document; a value already stored for the same
     * unit is replaced, the others stay.
     */
    private void saveDocument(Connection c, String runId, List<IndicatorValue> values) throws SQLException {
        IndicatorValue first = values.getFirst();
        Map<String, IndicatorValue> byCode = new HashMap<>();
        for (IndicatorValue v : documents(c, runId, first.level(), first.group(), first.indicator(), null, null)) {
            byCode.put(v.code(), v);
        }
        values.forEach(v -> byCode.put(v.code(), v));
        String sql = store.dialect().upsertRow("analysis_indicator_units", DOCUMENT_COLUMNS, DOCUMENT_KEY);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, runId);
            ps.setString(2, first.indicator().id());
            ps.setString(3, first.level().id());
            ps.setString(4, first.group().id());
            ps.setInt(5, byCode.size());
            ps.setString(6, UnitValues.write(byCode.values()));
            ps.executeUpdate();
        }
    }

    /**
     * The values kept as documents at a level, of the run or of the kind's successful runs (oldest first), narrowed
     * down by the other arguments not null.
     */
    private static List<IndicatorValue> documents(
            Connection c, String runId, UnitLevel level, UnitGroup group, Indicator indicator, String code, String kind)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT d.run_id, d.indicator, d.grp, d.units FROM "
                + "analysis_indicator_units d" + (kind == null ? "" : " JOIN analysis_run r ON r.id = d.run_id")
                + " WHERE d.level = ?");
        List<Object> args = new ArrayList<>(List.of(level.id()));
        if (runId != null) {
            sql.append(" AND d.run_id = ?");
            args.add(runId);
        }
        if (group != null) {
            sql.append(" AND d.grp = ?");
            args.add(group.id());
        }
        if (indicator != null) {
            sql.append(" AND d.indicator = ?");
            args.add(indicator.id());
        }
        if (kind != null) {
            sql.append(" AND r.kind = ? AND r.status = ? ORDER BY r.created_at, r.id");
            args.add(kind);
            args.add(RunStatus.SUCCEEDED.name());
        }
        List<IndicatorValue> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.addAll(UnitValues.read(
                            rs.getString(4),
                            rs.getString(1),
                            stored(rs.getString(2), Indicators::byId, "indicator"),
                            level,
                            stored(rs.getString(3), UnitGroup::byId, "group"),
                            code));
                }
            }
        }
        return out;
    }

    @Override
    public List<IndicatorValue> indicators(
            String runId, UnitLevel level, String code, UnitGroup group, Indicator indicator) {
        StringBuilder sql = new StringBuilder(SELECT_INDICATORS).append(" WHERE i.run_id = ? AND i.level = ?");
        List<Object> args = new ArrayList<>(List.of(runId, level.id()));
        if (code != null) {
            sql.append(" AND i.code = ?");
            args.add(code);
        }
        if (group != null) {
            sql.append(" AND i.grp = ?");
            args.add(group.id());
        }
        if (indicator != null) {
            sql.append(" AND i.indicator = ?");
            args.add(indicator.id());
        }
        sql.append(" ORDER BY i.code, i.indicator, i.grp");
        List<IndicatorValue> rows = indicatorRows(sql.toString(), args.toArray());
        if (!DOCUMENT_LEVELS.contains(level)) {
            return rows;
        }
        List<IndicatorValue> out = new ArrayList<>(rows);
        out.addAll(store.withConnection(c -> documents(c, runId, level, group, indicator, code, null)));
        out.sort(Comparator.comparing(IndicatorValue::code)
                .thenComparing(v -> v.indicator().id())
                .thenComparing(v -> v.group().id()));
        return out;
    }

    @Override
    public List<IndicatorValue> history(
            String kind, Indicator indicator, UnitLevel level, String code, UnitGroup group) {
        List<IndicatorValue> rows = rowHistory(kind, indicator, level, code, group);
        if (!DOCUMENT_LEVELS.contains(level)) {
            return rows;
        }
        // Oldest first, each part in its runs' order: rows are of runs saved before V28, documents of runs after it.
        List<IndicatorValue> out = new ArrayList<>(rows);
        out.addAll(store.withConnection(c -> documents(c, null, level, group, indicator, code, kind)));
        return out;
    }

    private List<IndicatorValue> rowHistory(
            String kind, Indicator indicator, UnitLevel level, String code, UnitGroup group) {
        return indicatorRows(
                SELECT_INDICATORS + " JOIN analysis_run r ON r.id = i.run_id WHERE r.kind = ? "
                        + "AND r.status = ? AND i.indicator = ? AND i.level = ? AND i.code = ? AND i.grp = ? "
                        + "ORDER BY r.created_at, r.id",
                kind,
                RunStatus.SUCCEEDED.name(),
                indicator.id(),
                level.id(),
                code,
                group.id());
    }

    @Override
    public int pruneLevel(String kind, UnitLevel level, int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("runs to keep: " + keep);
        }
        // Newest first, as latestSucceeded orders them; a run newer than the keep-th success is kept whatever its end.
        List<String> older = store.withConnection(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, status FROM analysis_run WHERE kind = ? "
                    + "AND status IN (?, ?) ORDER BY finished_at DESC, created_at DESC, id DESC")) {
                bind(ps, kind, RunStatus.SUCCEEDED.name(), RunStatus.FAILED.name());
                try (ResultSet rs = ps.executeQuery()) {
                    int succeeded = 0;
                    while (rs.next() && ids.size() < PRUNE_WINDOW) {
                        if (succeeded >= keep) {
                            ids.add(rs.getString(1));
                        } else if (RunStatus.SUCCEEDED.name().equals(rs.getString(2))) {
                            succeeded++;
                        }
                    }
                }
            }
            return ids;
        });
        if (older.isEmpty()) {
            return 0;
        }
        return store.inTransaction(c -> {
            int deleted = 0;
            try (PreparedStatement rows =
                            c.prepareStatement("DELETE FROM analysis_indicator WHERE run_id = ? AND level = ?");
                    PreparedStatement counted = c.prepareStatement("SELECT COALESCE(SUM(unit_count), 0) FROM "
                            + "analysis_indicator_units WHERE run_id = ? AND level = ?");
                    PreparedStatement documents =
                            c.prepareStatement("DELETE FROM analysis_indicator_units WHERE run_id = ? AND level = ?")) {
                for (String id : older) {
                    bind(rows, id, level.id());
                    deleted += rows.executeUpdate();
                    if (DOCUMENT_LEVELS.contains(level)) {
                        bind(counted, id, level.id());
                        try (ResultSet rs = counted.executeQuery()) {
                            rs.next();
                            deleted += rs.getInt(1);
                        }
                        bind(documents, id, level.id());
                        documents.executeUpdate();
                    }
                }
            }
            return deleted;
        });
    }

    @Override
    public int failInterrupted() {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE analysis_run SET status = ?, message = ?, " + "finished_at = ? WHERE status IN (?, ?)")) {
                ps.setString(1, RunStatus.FAILED.name());
                ps.setString(2, AnalysisRun.INTERRUPTED);
                setInstant(ps, 3, Instant.now());
                ps.setString(4, RunStatus.QUEUED.name());
                ps.setString(5, RunStatus.RUNNING.name());
                return ps.executeUpdate();
            }
        });
    }

    private List<AnalysisRun> runs(String sql, Object... args) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                List<AnalysisRun> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AnalysisRun(
                                rs.getString(1),
                                rs.getString(2),
                                RunStatus.valueOf(rs.getString(3)),
                                rs.getDouble(4),
                                rs.getString(5),
                                instant(rs, 6),
                                instant(rs, 7),
                                instant(rs, 8),
                                rs.getString(9),
                                rs.getString(10),
                                rs.getString(11),
                                rs.getString(12)));
                    }
                }
                return out;
            }
        });
    }

    private List<IndicatorValue> indicatorRows(String sql, Object... args) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                List<IndicatorValue> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double t = rs.getDouble(10);
                        Double target =
                                rs.wasNull() ? null : t; // before the other getters: wasNull is of the last read
                        out.add(new IndicatorValue(
                                rs.getString(1),
                                stored(rs.getString(2), Indicators::byId, "indicator"),
                                stored(rs.getString(3), UnitLevel::byId, "level"),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                stored(rs.getString(7), UnitGroup::byId, "group"),
                                rs.getLong(8),
                                rs.getLong(9),
                                target));
                    }
                }
                return out;
            }
        });
    }

    /**
     * An id as stored, as its enum. The ids are stable (the API and stored runs use them), so an unknown one is
     * data this version cannot read, not a row to skip.
     */
    private static <E> E stored(String id, Function<String, Optional<E>> byId, String column) {
        return byId.apply(id)
                .orElseThrow(() ->
                        new IllegalStateException("analysis_indicator holds an unknown " + column + " id: " + id));
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) args[i]);
            }
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, at.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        OffsetDateTime at = rs.getObject(index, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
