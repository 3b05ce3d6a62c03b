package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.IndicatorChange;
import cn.yiyang.planning.layers.analysis.IndicatorEntry;
import cn.yiyang.planning.layers.analysis.IndicatorEntryRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link IndicatorEntryRepository} over {@code indicator_entry} and {@code indicator_change} (V16). */
public final class JdbcIndicatorEntryRepository implements IndicatorEntryRepository {

    private final SpatialStore store;

    public JdbcIndicatorEntryRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public void save(IndicatorEntry e) {
        String upsert = store.dialect()
                .upsertRow(
                        "indicator_entry",
                        List.of("indicator", "yr", "level", "code", "val", "note", "entered_by", "entered_at"),
                        List.of("indicator", "yr", "code"));
        Instant at = e.enteredAt() == null ? Instant.now() : e.enteredAt();
        store.inTransaction(c -> {
            Double old = current(c, e);
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                ps.setString(1, e.indicator());
                ps.setInt(2, e.year());
                ps.setString(3, e.level().id());
                ps.setString(4, e.code());
                ps.setDouble(5, e.value());
                ps.setString(6, e.note());
                ps.setString(7, e.enteredBy());
                IndicatorChanges.setInstant(ps, 8, at);
                ps.executeUpdate();
            }
            IndicatorChanges.record(
                    c,
                    new IndicatorChange(
                            IndicatorChange.ENTRY,
                            e.indicator(),
                            Integer.toString(e.year()),
                            e.code(),
                            old,
                            e.value(),
                            e.note(),
                            e.enteredBy(),
                            at));
            return 1;
        });
    }

    @Override
    public List<IndicatorEntry> entries(String indicator, Integer year, UnitLevel level, String code) {
        StringBuilder sql = new StringBuilder("SELECT indicator, yr, level, code, val, note, entered_by, entered_at"
                + " FROM indicator_entry WHERE indicator = ?");
        List<Object> args = new ArrayList<>(List.of(indicator));
        if (year != null) {
            sql.append(" AND yr = ?");
            args.add(year);
        }
        if (level != null) {
            sql.append(" AND level = ?");
            args.add(level.id());
        }
        if (code != null) {
            sql.append(" AND code = ?");
            args.add(code);
        }
        sql.append(" ORDER BY yr, code");
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<IndicatorEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new IndicatorEntry(
                                rs.getString(1),
                                rs.getInt(2),
                                UnitLevel.byId(rs.getString(3)).orElseThrow(),
                                rs.getString(4),
                                rs.getDouble(5),
                                rs.getString(6),
                                rs.getString(7),
                                IndicatorChanges.instant(rs, 8)));
                    }
                }
                return out;
            }
        });
    }

    private static Double current(Connection c, IndicatorEntry e) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT val FROM indicator_entry WHERE indicator = ? AND yr = ? AND code = ?")) {
            ps.setString(1, e.indicator());
            ps.setInt(2, e.year());
            ps.setString(3, e.code());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : null;
            }
        }
    }
}
