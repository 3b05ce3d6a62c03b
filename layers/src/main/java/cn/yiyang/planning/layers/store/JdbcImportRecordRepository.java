package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.load.ImportIssueRecord;
import cn.yiyang.planning.layers.load.ImportRecord;
import cn.yiyang.planning.layers.load.ImportRecordRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link ImportRecordRepository} over the {@code import_job} and {@code import_issue} tables, on either store. */
public final class JdbcImportRecordRepository implements ImportRecordRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final int FETCH_SIZE = 2_000;
    private static final String JOB_COLUMNS =
            "id, layer_id, status, mode, file_name, file_sha256, file_size, encoding, "
                    + "crs, read_count, imported_count, rejected_count, issue_count, dry_run, requested_by, created_at, "
                    + "finished_at, message";
    private static final String ISSUE_COLUMNS = "job_id, file, row_no, field, code, severity, args";

    private final SpatialStore store;

    public JdbcImportRecordRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public void save(ImportRecord r) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE import_job SET layer_id = ?, status = ?, mode = ?, "
                    + "file_name = ?, file_sha256 = ?, file_size = ?, encoding = ?, crs = ?, read_count = ?, "
                    + "imported_count = ?, rejected_count = ?, issue_count = ?, dry_run = ?, requested_by = ?, "
                    + "created_at = ?, finished_at = ?, message = ? WHERE id = ?")) {
                bindJob(ps, 1, r);
                ps.setString(18, r.id());
                if (ps.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_job (layer_id, status, mode, file_name, "
                    + "file_sha256, file_size, encoding, crs, read_count, imported_count, rejected_count, issue_count, "
                    + "dry_run, requested_by, created_at, finished_at, message, id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindJob(ps, 1, r);
                ps.setString(18, r.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void bindJob(PreparedStatement ps, int first, ImportRecord r) throws SQLException {
        int i = first;
        ps.setString(i++, r.layerId());
        ps.setString(i++, r.status());
        ps.setString(i++, r.mode());
        ps.setString(i++, r.fileName());
        ps.setString(i++, r.fileSha256());
        ps.setLong(i++, r.fileSize());
        ps.setString(i++, r.encoding());
        ps.setString(i++, r.crs());
        ps.setLong(i++, r.readCount());
        ps.setLong(i++, r.importedCount());
        ps.setLong(i++, r.rejectedCount());
        ps.setLong(i++, r.issueCount());
        ps.setBoolean(i++, r.dryRun());
        ps.setString(i++, r.requestedBy());
        ps.setObject(i++, r.createdAt(), Types.TIMESTAMP_WITH_TIMEZONE);
        if (r.finishedAt() == null) {
            ps.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i++, r.finishedAt(), Types.TIMESTAMP_WITH_TIMEZONE);
        }
        ps.setString(i, r.message());
    }

    @Override
    public void addIssues(String jobId, List<ImportIssueRecord> issues) {
        if (issues.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO import_issue (" + ISSUE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, "
                + store.dialect().jsonParameter() + ")";
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (ImportIssueRecord issue : issues) {
                    ps.setString(1, jobId);
                    ps.setString(2, issue.file());
                    ps.setLong(3, issue.row());
                    ps.setString(4, issue.field());
                    ps.setString(5, issue.code());
                    ps.setString(6, issue.severity());
                    ps.setString(7, issue.args().isEmpty() ? null : JSON.writeValueAsString(issue.args()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void deleteIssues(String jobId) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM import_issue WHERE job_id = ?")) {
                ps.setString(1, jobId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<ImportRecord> find(String id) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + JOB_COLUMNS + " FROM import_job WHERE id = ?")) {
                ps.setString(1, id);
                List<ImportRecord> found = readJobs(ps);
                return found.stream().findFirst();
            }
        });
    }

    @Override
    public List<ImportRecord> recent(String layerId, int limit) {
        String sql = "SELECT " + JOB_COLUMNS + " FROM import_job" + (layerId == null ? "" : " WHERE layer_id = ?")
                + " ORDER BY created_at DESC, id DESC LIMIT ?";
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (layerId != null) {
                    ps.setString(i++, layerId);
                }
                ps.setInt(i, limit);
                return readJobs(ps);
            }
        });
    }

    @Override
    public List<ImportRecord> findByStatus(Collection<String> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + JOB_COLUMNS + " FROM import_job WHERE status IN ("
                + String.join(", ", statuses.stream().map(s -> "?").toList()) + ") ORDER BY created_at, id";
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (String s : statuses) {
                    ps.setString(i++, s);
                }
                return readJobs(ps);
            }
        });
    }

    @Override
    public List<ImportIssueRecord> issues(String jobId, long offset, int limit) {
        List<ImportIssueRecord> out = new ArrayList<>();
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ISSUE_COLUMNS
                    + " FROM import_issue WHERE job_id = ? ORDER BY row_no, id LIMIT ? OFFSET ?")) {
                ps.setString(1, jobId);
                ps.setInt(2, limit);
                ps.setLong(3, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(readIssue(rs));
                    }
                }
            }
            return null;
        });
        return out;
    }

    @Override
    public void forEachIssue(String jobId, Consumer<ImportIssueRecord> sink) {
        store.stream(
                "SELECT " + ISSUE_COLUMNS + " FROM import_issue WHERE job_id = ? ORDER BY row_no, id",
                ps -> ps.setString(1, jobId),
                FETCH_SIZE,
                rs -> sink.accept(readIssue(rs)));
    }

    private static List<ImportRecord> readJobs(PreparedStatement ps) throws SQLException {
        List<ImportRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ImportRecord(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getLong(10),
                        rs.getLong(11),
                        rs.getLong(12),
                        rs.getLong(13),
                        rs.getBoolean(14),
                        rs.getString(15),
                        rs.getObject(16, OffsetDateTime.class),
                        rs.getObject(17, OffsetDateTime.class),
                        rs.getString(18)));
            }
        }
        return out;
    }

    private static ImportIssueRecord readIssue(ResultSet rs) throws SQLException {
        String args = rs.getString(7);
        return new ImportIssueRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                args == null ? List.of() : JSON.readValue(args, STRINGS));
    }
}
