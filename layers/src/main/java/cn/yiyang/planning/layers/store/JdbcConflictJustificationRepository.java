package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.plan.ConflictJustification;
import cn.yiyang.planning.layers.plan.ConflictJustificationRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** {@link ConflictJustificationRepository} over the {@code plan_conflict_justification} table (V10), on either store. */
public final class JdbcConflictJustificationRepository implements ConflictJustificationRepository {

    private static final String COLUMNS = "plan_code, conflict_key, justification, justified_by, justified_at";

    private final SpatialStore store;

    public JdbcConflictJustificationRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public ConflictJustification save(ConflictJustification j) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // delete and insert in one transaction: the same statements on both stores, and the newest text wins
        store.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM plan_conflict_justification WHERE plan_code = ? AND conflict_key = ?")) {
                delete.setString(1, j.planCode());
                delete.setString(2, j.conflictKey());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO plan_conflict_justification (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, j.planCode());
                insert.setString(2, j.conflictKey());
                insert.setString(3, j.text());
                insert.setString(4, j.justifiedBy());
                insert.setObject(5, now);
                insert.executeUpdate();
            }
            return null;
        });
        return new ConflictJustification(j.planCode(), j.conflictKey(), j.text(), j.justifiedBy(), now);
    }

    @Override
    public List<ConflictJustification> forPlan(String planCode) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM plan_conflict_justification WHERE plan_code = ? ORDER BY conflict_key")) {
                ps.setString(1, planCode);
                List<ConflictJustification> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ConflictJustification(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class)));
                    }
                }
                return out;
            }
        });
    }
}
