package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.layers.analysis.IndicatorTargetRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link IndicatorTargetRepository} over the {@code indicator_target} table (migration V3; the whole city's numeric
 * targets since V16 added groups), on either store. */
public final class JdbcIndicatorTargetRepository implements IndicatorTargetRepository {

    private final SpatialStore store;

    public JdbcIndicatorTargetRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public Map<String, Double> targets(String period) {
        return store.withConnection(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT indicator, target FROM indicator_target WHERE period = ? AND grp = 'all'"
                            + " AND target IS NOT NULL ORDER BY indicator")) {
                ps.setString(1, period);
                Map<String, Double> out = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getDouble(2));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void set(String indicator, String period, double target, String source) {
        if (!(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("a target is a fraction 0..1, not " + target);
        }
        String sql = store.dialect()
                .upsertRow(
                        "indicator_target",
                        List.of("indicator", "period", "grp", "target", "source"),
                        List.of("indicator", "period", "grp"));
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, indicator);
                ps.setString(2, period);
                ps.setString(3, UnitGroup.ALL.id());
                ps.setDouble(4, target);
                ps.setString(5, source);
                return ps.executeUpdate();
            }
        });
    }
}
