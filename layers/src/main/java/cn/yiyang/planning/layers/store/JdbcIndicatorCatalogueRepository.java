package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.CatalogueIndicator;
import cn.yiyang.planning.layers.analysis.IndicatorCatalogueRepository;
import cn.yiyang.planning.layers.analysis.IndicatorChange;
import cn.yiyang.planning.layers.analysis.IndicatorRollup;
import cn.yiyang.planning.layers.analysis.IndicatorTarget;
import cn.yiyang.planning.layers.analysis.IndicatorUnit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link IndicatorCatalogueRepository} over {@code indicator_catalogue}, {@code indicator_target} (V16). */
public final class JdbcIndicatorCatalogueRepository implements IndicatorCatalogueRepository {

    private final SpatialStore store;

    public JdbcIndicatorCatalogueRepository(SpatialStore store) {
        this.store = store;
    }

    @Override
    public List<CatalogueIndicator> indicators() {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name_zh, name_en, unit, direction, binding,"
                            + " source, entry_level, owner, min_value, max_value, plan_ref, ord, rollup, rollup_weight"
                            + " FROM indicator_catalogue ORDER BY ord, id");
                    ResultSet rs = ps.executeQuery()) {
                List<CatalogueIndicator> out = new ArrayList<>();
                while (rs.next()) {
                    String level = rs.getString(8);
                    out.add(new CatalogueIndicator(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            IndicatorUnit.byId(rs.getString(4)).orElseThrow(),
                            "higher".equals(rs.getString(5)),
                            "binding".equals(rs.getString(6)),
                            rs.getString(7),
                            level == null ? null : UnitLevel.byId(level).orElseThrow(),
                            rs.getString(9),
                            rs.getDouble(10),
                            rs.getDouble(11),
                            rs.getString(12),
                            rs.getInt(13),
                            new IndicatorRollup(
                                    IndicatorRollup.Kind.byId(rs.getString(14)).orElseThrow(),
                                    IndicatorRollup.Weight.byId(rs.getString(15))
                                            .orElseThrow())));
                }
                return out;
            }
        });
    }

    @Override
    public List<String> periods() {
        return store.withConnection(c -> {
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT DISTINCT period FROM indicator_target ORDER BY period");
                    ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    @Override
    public List<IndicatorTarget> targets(String period) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT indicator, period, grp, target, source, note_zh, note_en FROM indicator_target"
                            + " WHERE period = ? ORDER BY indicator, grp")) {
                ps.setString(1, period);
                List<IndicatorTarget> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new IndicatorTarget(
                                rs.getString(1),
                                rs.getString(2),
                                UnitGroup.byId(rs.getString(3)).orElseThrow(),
                                IndicatorChanges.getDouble(rs, 4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void saveTargets(List<IndicatorTarget> targets, String by) {
        String upsert = store.dialect()
                .upsertRow(
                        "indicator_target",
                        List.of("indicator", "period", "grp", "target", "source", "note_zh", "note_en"),
                        List.of("indicator", "period", "grp"));
        Instant now = Instant.now();
        store.inTransaction(c -> {
            for (IndicatorTarget t : targets) {
                Double old = current(c, t);
                try (PreparedStatement ps = c.prepareStatement(upsert)) {
                    ps.setString(1, t.indicator());
                    ps.setString(2, t.period());
                    ps.setString(3, t.group().id());
                    IndicatorChanges.setDouble(ps, 4, t.target());
                    ps.setString(5, t.source());
                    ps.setString(6, t.noteZh());
                    ps.setString(7, t.noteEn());
                    ps.executeUpdate();
                }
                IndicatorChanges.record(
                        c,
                        new IndicatorChange(
                                IndicatorChange.TARGET,
                                t.indicator(),
                                t.period(),
                                t.group().id(),
                                old,
                                t.target(),
                                t.noteZh(),
                                by,
                                now));
            }
            return targets.size();
        });
    }

    @Override
    public List<IndicatorChange> changes(String indicator, int limit) {
        return store.withConnection(c -> IndicatorChanges.read(c, indicator, limit));
    }

    private static Double current(Connection c, IndicatorTarget t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT target FROM indicator_target WHERE indicator = ? AND period = ? AND grp = ?")) {
            ps.setString(1, t.indicator());
            ps.setString(2, t.period());
            ps.setString(3, t.group().id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? IndicatorChanges.getDouble(rs, 1) : null;
            }
        }
    }
}
