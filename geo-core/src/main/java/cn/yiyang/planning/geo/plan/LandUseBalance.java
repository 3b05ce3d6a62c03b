package cn.yiyang.planning.geo.plan;

import cn.yiyang.planning.geo.measure.GeodesicArea;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parcel areas and the land-use balance (用地平衡表) of a plan: area and share by class, current against planned,
 * and the change.
 *
 * <p>Areas are on the CGCS2000 ellipsoid ({@link GeodesicArea#CGCS2000}). The table sums parcels as they are:
 * overlapping parcels count twice, which is why {@link ParcelCheck} refuses overlaps before a plan is saved.
 *
 * <pre>{@code
 * LandUseBalance b = LandUseBalance.of(parcels, ClassLevel.TOP_LEVEL);
 * for (BalanceRow row : b.rows()) { row.code(); row.planned().mu(); row.change().hectares(); }
 * }</pre>
 *
 * @param level how the codes were grouped
 * @param parcels each parcel's area, in input order
 * @param rows one row per class present in either state, ordered by code
 * @param total the sum of all rows (code {@code null}, shares 1 where there is area)
 */
public record LandUseBalance(ClassLevel level, List<ParcelArea> parcels, List<BalanceRow> rows, BalanceRow total) {

    /** Copies the lists. */
    public LandUseBalance {
        parcels = List.copyOf(parcels);
        rows = List.copyOf(rows);
    }

    /**
     * @param parcels a plan's parcels; their geometries need not be valid, but an invalid one's area means little
     * @param level how to group the codes
     * @return the parcels' areas and the balance table
     */
    public static LandUseBalance of(List<PlanParcel> parcels, ClassLevel level) {
        List<ParcelArea> areas = new ArrayList<>(parcels.size());
        Map<String, double[]> byClass = new TreeMap<>();
        double[] total = new double[2];
        for (PlanParcel p : parcels) {
            double m2 = GeodesicArea.CGCS2000.squareMetres(p.geometry());
            areas.add(new ParcelArea(p.id(), p.landUseCode(), p.state(), new AreaFigure(m2)));
            int column = p.state().ordinal();
            byClass.computeIfAbsent(level.group(p.landUseCode()), c -> new double[2])[column] += m2;
            total[column] += m2;
        }
        List<BalanceRow> rows = new ArrayList<>(byClass.size());
        byClass.forEach((code, sums) -> rows.add(row(code, sums, total)));
        return new LandUseBalance(level, areas, rows, row(null, total, total));
    }

    private static BalanceRow row(String code, double[] sums, double[] total) {
        int current = ParcelState.CURRENT.ordinal();
        int planned = ParcelState.PLANNED.ordinal();
        return new BalanceRow(
                code,
                new AreaFigure(sums[current]),
                new AreaFigure(sums[planned]),
                share(sums[current], total[current]),
                share(sums[planned], total[planned]));
    }

    private static double share(double part, double whole) {
        return whole > 0 ? part / whole : 0.0;
    }
}
