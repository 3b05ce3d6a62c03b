package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.plans.PlanDocument;
import cn.yiyang.planning.layers.plans.PlanDocumentRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link PlanDocumentRepository} over the {@code plan_document} table (V9), on either store. */
public final class JdbcPlanDocumentRepository implements PlanDocumentRepository {

    private static final String COLUMNS =
            "id, plan_code, kind, file_name, size_bytes, sha256, uploaded_by, uploaded_at";

    private final SpatialStore store;

    public JdbcPlanDocumentRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public PlanDocument add(PlanDocument d) {
        return store.withConnection(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO plan_document (plan_code, kind, file_name, size_bytes, sha256, uploaded_by) "
                            + "VALUES (?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                ps.setString(1, d.planCode());
                ps.setString(2, d.kind());
                ps.setString(3, d.fileName());
                ps.setLong(4, d.sizeBytes());
                ps.setString(5, d.sha256());
                ps.setString(6, d.uploadedBy());
                ps.executeUpdate();
                id = generatedId(ps);
            }
            return read(c, "SELECT " + COLUMNS + " FROM plan_document WHERE id = ?", id)
                    .getFirst();
        });
    }

    @Override
    public List<PlanDocument> of(String planCode) {
        return store.withConnection(c -> read(
                c, "SELECT " + COLUMNS + " FROM plan_document WHERE plan_code = ? ORDER BY uploaded_at, id", planCode));
    }

    @Override
    public Optional<PlanDocument> find(String planCode, long id) {
        return store.withConnection(c -> read(c, "SELECT " + COLUMNS + " FROM plan_document WHERE id = ?", id).stream()
                .filter(d -> d.planCode().equals(planCode))
                .findFirst());
    }

    @Override
    public boolean delete(String planCode, long id) {
        return store.withConnection(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM plan_document WHERE id = ? AND plan_code = ?")) {
                ps.setLong(1, id);
                ps.setString(2, planCode);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** The id the store gave the row an insert made (the statement asked for the generated {@code id}). */
    static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the insert returned no id");
            }
            return keys.getLong(1);
        }
    }

    private static List<PlanDocument> read(Connection c, String sql, Object parameter) throws SQLException {
        List<PlanDocument> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PlanDocument(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getLong(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class)));
                }
            }
        }
        return out;
    }
}
