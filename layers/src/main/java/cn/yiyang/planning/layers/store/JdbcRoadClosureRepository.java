package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.HistoryOperation;
import cn.yiyang.planning.layers.register.RoadClosure;
import cn.yiyang.planning.layers.register.RoadClosureRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link RoadClosureRepository} over the {@code road_register_closure} table (V4), on either store. */
public final class JdbcRoadClosureRepository implements RoadClosureRepository {

    /** SQLSTATE of a unique or primary-key violation, on PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String COLUMNS = "road_code, blocked_on, closed_on, closed_by, note, created_at";

    private final SpatialStore store;

    public JdbcRoadClosureRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public boolean add(RoadClosure r) {
        // The closure and its REGISTER_CLOSE history entry in one transaction; the primary key decides between two
        // users closing the same entry (the loser's transaction is rolled back and records nothing).
        return store.withConnection(c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                insert(c, r);
                HistoryRows.insert(c, store.dialect(), LayerIds.ROAD_INSPECTION, closing(r));
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        });
    }

    private static void insert(Connection c, RoadClosure r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO road_register_closure (road_code, blocked_on, "
                + "closed_on, closed_by, note) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, r.roadCode());
            ps.setObject(2, r.blockedOn(), Types.DATE);
            ps.setObject(3, r.closedOn(), Types.DATE);
            ps.setString(4, r.closedBy());
            ps.setString(5, r.note());
            ps.executeUpdate();
        }
    }

    /** The summary entry of a closing, in the history of the inspections its register entry derives from. */
    private static HistoryRows.Write closing(RoadClosure r) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("roadCode", r.roadCode());
        details.put("blockedOn", r.blockedOn());
        details.put("closedOn", r.closedOn());
        if (r.note() != null) {
            details.put("note", r.note());
        }
        return new HistoryRows.Write(
                null, null, null, HistoryOperation.REGISTER_CLOSE, r.closedBy(), null, null, details);
    }

    @Override
    public Optional<RoadClosure> find(String roadCode, LocalDate blockedOn) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM road_register_closure WHERE road_code = ? AND blocked_on = ?")) {
                ps.setString(1, roadCode);
                ps.setObject(2, blockedOn, Types.DATE);
                return read(ps).stream().findFirst();
            }
        });
    }

    @Override
    public List<RoadClosure> all() {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM road_register_closure ORDER BY road_code, blocked_on")) {
                return read(ps);
            }
        });
    }

    private static List<RoadClosure> read(PreparedStatement ps) throws SQLException {
        List<RoadClosure> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new RoadClosure(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)));
            }
        }
        return out;
    }
}
