package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.measure.LocalProjection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The town networks villages may connect to: for each candidate plant its point, collection areas and sewers, in a
 * projection's metres, indexed by envelope. Distances are ground metres (projected distance divided by the point scale
 * factor at the village).
 */
final class TownNetworks {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private record Part(int plant, Geometry metres) {}

    /**
     * A plant's network at a distance from a point.
     *
     * @param plant the plant's index among the candidates
     * @param distanceM ground metres
     */
    record Reach(int plant, double distanceM) {}

    private final LocalProjection projection;
    private final int plants;
    private final STRtree index = new STRtree();
    private final List<Part> parts = new ArrayList<>();

    /**
     * @param projection the projection to metres
     * @param networks per candidate plant, its network parts in lon/lat
     */
    TownNetworks(LocalProjection projection, List<List<Geometry>> networks) {
        this.projection = projection;
        this.plants = networks.size();
        for (int p = 0; p < networks.size(); p++) {
            for (Geometry g : networks.get(p)) {
                Part part = new Part(p, projection.toMetres(g));
                parts.add(part);
                index.insert(part.metres().getEnvelopeInternal(), part);
            }
        }
        index.build();
    }

    /**
     * @param lonLat a point
     * @param withinM a ground distance
     * @return the plants whose network lies within the distance, each with its nearest distance
     */
    List<Reach> within(Coordinate lonLat, double withinM) {
        double k = projection.scaleFactor(lonLat);
        Coordinate m = projection.toMetres(lonLat);
        Envelope search = new Envelope(m);
        search.expandBy(withinM * k);
        double[] best = nearest(m, index.query(search));
        List<Reach> out = new ArrayList<>();
        for (int p = 0; p < plants; p++) {
            if (best[p] / k <= withinM) {
                out.add(new Reach(p, best[p] / k));
            }
        }
        return out;
    }

    /**
     * @param lonLat a point
     * @return the plant whose network is nearest (the smaller index on a tie), or null without plants
     */
    Reach nearest(Coordinate lonLat) {
        if (plants == 0) {
            return null;
        }
        double k = projection.scaleFactor(lonLat);
        double[] best = nearest(projection.toMetres(lonLat), parts);
        int at = 0;
        for (int p = 1; p < plants; p++) {
            if (best[p] < best[at]) {
                at = p;
            }
        }
        return new Reach(at, best[at] / k);
    }

    private double[] nearest(Coordinate metres, List<?> candidates) {
        double[] best = new double[plants];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        Point p = FACTORY.createPoint(metres);
        for (Object o : candidates) {
            Part part = (Part) o;
            if (part.metres().getEnvelopeInternal().distance(p.getEnvelopeInternal()) < best[part.plant()]) {
                best[part.plant()] = Math.min(best[part.plant()], part.metres().distance(p));
            }
        }
        return best;
    }
}
