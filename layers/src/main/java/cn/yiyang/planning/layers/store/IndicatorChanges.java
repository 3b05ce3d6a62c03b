package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.analysis.IndicatorChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads {@code indicator_change} (V16) for the catalogue and entry repositories. */
final class IndicatorChanges {

    private IndicatorChanges() {}

    /** Records one change inside the caller's transaction. */
    static void record(Connection c, IndicatorChange ch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO indicator_change (kind, indicator, key_a, key_b,"
                + " old_value, new_value, note, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, ch.kind());
            ps.setString(2, ch.indicator());
            ps.setString(3, ch.keyA());
            ps.setString(4, ch.keyB());
            setDouble(ps, 5, ch.oldValue());
            setDouble(ps, 6, ch.newValue());
            ps.setString(7, ch.note());
            ps.setString(8, ch.changedBy());
            setInstant(ps, 9, ch.changedAt());
            ps.executeUpdate();
        }
    }

    /** The changes of an indicator (of all when null), newest first. */
    static List<IndicatorChange> read(Connection c, String indicator, int limit) throws SQLException {
        String sql = "SELECT kind, indicator, key_a, key_b, old_value, new_value, note, changed_by, changed_at"
                + " FROM indicator_change" + (indicator == null ? "" : " WHERE indicator = ?")
                + " ORDER BY changed_at DESC, id DESC LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (indicator != null) {
                ps.setString(i++, indicator);
            }
            ps.setInt(i, limit);
            List<IndicatorChange> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new IndicatorChange(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            getDouble(rs, 5),
                            getDouble(rs, 6),
                            rs.getString(7),
                            rs.getString(8),
                            instant(rs, 9)));
                }
            }
            return out;
        }
    }

    static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    static Double getDouble(ResultSet rs, int index) throws SQLException {
        double v = rs.getDouble(index);
        return rs.wasNull() ? null : v;
    }

    static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        ps.setObject(index, at.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    static Instant instant(ResultSet rs, int index) throws SQLException {
        OffsetDateTime at = rs.getObject(index, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
