package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.plans.PlanTransition;
import cn.yiyang.planning.layers.plans.PlanTransitionRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** {@link PlanTransitionRepository} over the {@code plan_transition} table (V9), on either store. */
public final class JdbcPlanTransitionRepository implements PlanTransitionRepository {

    private static final String COLUMNS = "id, plan_code, step, from_status, to_status, reason, document_number, "
            + "approved_on, approving_authority, user_name, taken_at";

    private final SpatialStore store;

    public JdbcPlanTransitionRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public PlanTransition add(PlanTransition t) {
        return store.withConnection(c -> {
            long id;
            // the store's clock sets the time, unless the record brings its own (the demo city's timelines)
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO plan_transition (plan_code, step, from_status, to_status, reason, document_number, "
                            + "approved_on, approving_authority, user_name, taken_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, CURRENT_TIMESTAMP))",
                    new String[] {"id"})) {
                ps.setString(1, t.planCode());
                ps.setString(2, t.step());
                ps.setString(3, t.fromStatus());
                ps.setString(4, t.toStatus());
                ps.setString(5, t.reason());
                ps.setString(6, t.documentNumber());
                ps.setObject(7, t.approvedOn(), Types.DATE);
                ps.setString(8, t.approvingAuthority());
                ps.setString(9, t.user());
                ps.setObject(10, t.at(), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.executeUpdate();
                id = JdbcPlanDocumentRepository.generatedId(ps);
            }
            return read(c, "SELECT " + COLUMNS + " FROM plan_transition WHERE id = ?", id)
                    .getFirst();
        });
    }

    @Override
    public List<PlanTransition> of(String planCode) {
        return store.withConnection(c -> read(
                c, "SELECT " + COLUMNS + " FROM plan_transition WHERE plan_code = ? ORDER BY taken_at, id", planCode));
    }

    private static List<PlanTransition> read(Connection c, String sql, Object parameter) throws SQLException {
        List<PlanTransition> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PlanTransition(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getObject(8, LocalDate.class),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getObject(11, OffsetDateTime.class)));
                }
            }
        }
        return out;
    }
}
