package cn.yiyang.planning.demo;

import cn.yiyang.planning.demo.Model.City;
import cn.yiyang.planning.demo.Model.NaturalVillage;
import cn.yiyang.planning.demo.Model.Village;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * Natural villages (自然村/组) inside each village, and their households. Households are not kept:
 * {@link #households} derives them again, identically, whenever they are needed, from streams
 * seeded by the natural village's code. Their member counts come from a stream of their own, so
 * a natural village's population is known without placing its households.
 */
final class Settlements {

    /**
     * One household.
     *
     * @param code          natural village code + 3 digits
     * @param location      metres
     * @param members       1–6 people
     * @param toilet        has a sanitary toilet
     * @param povertyStatus a {@code poverty_status} value
     * @param waterSource   a {@code water_kind} value
     */
    record Household(
            String code, Coordinate location, int members, boolean toilet, String povertyStatus, String waterSource) {}

    private static final double[] MEMBER_WEIGHTS = {8, 20, 25, 25, 14, 8};

    private final long seed;
    private final DemoScale scale;

    Settlements(long seed, DemoScale scale) {
        this.seed = seed;
        this.scale = scale;
    }

    void naturalVillages(City city) {
        for (Village v : city.villages) {
            Rng rng = Rng.of(seed, "nv/" + v.code);
            int n = scale == DemoScale.SMALL ? 1 + rng.weighted(35, 45, 20) : rng.between(6, 12);
            PreparedGeometry area = v.prepared();
            IndexedFacetDistance boundary = new IndexedFacetDistance(v.area.getBoundary());
            double margin = 120;
            double spacing = scale == DemoScale.SMALL ? 300 : 220;
            List<Coordinate> placed = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Coordinate at = null;
                for (int attempt = 0; attempt < 80 && at == null; attempt++) {
                    double relax = attempt < 40 ? 1 : attempt < 60 ? 0.5 : 0.1;
                    Coordinate c = Geo.randomPointIn(area, rng);
                    if (c == null) {
                        continue;
                    }
                    if (boundary.distance(Geo.point(c)) < margin * relax) {
                        continue;
                    }
                    if (Geo.distance(c, v.centre) < 150 * relax) {
                        continue;
                    }
                    final Coordinate cc = c;
                    if (placed.stream().allMatch(p -> Geo.distance(p, cc) >= spacing * relax)) {
                        at = c;
                    }
                }
                if (at == null) {
                    at = v.area.getInteriorPoint().getCoordinate();
                }
                placed.add(at);
                String code = v.code + String.format("%03d", i + 1);
                int households = householdCount(rng);
                int population = 0;
                for (int m : members(code, households)) {
                    population += m;
                }
                NaturalVillage nv = new NaturalVillage(
                        code,
                        Names.naturalVillage(rng, v.township.county.sketch.lowland()),
                        v,
                        at,
                        households,
                        population);
                v.naturalVillages.add(nv);
                city.naturalVillages.add(nv);
                v.households += households;
                v.population += population;
            }
        }
    }

    private int householdCount(Rng rng) {
        if (scale == DemoScale.SMALL) {
            return switch (rng.weighted(90, 6, 4)) {
                case 0 -> rng.between(5, 6);
                case 1 -> rng.between(8, 20);
                default -> rng.between(30, 40);
            };
        }
        return (int) Math.max(5, Math.min(120, Math.round(rng.logNormal(24, 0.6))));
    }

    /** The member counts of a natural village's households, in household order. */
    int[] members(String naturalVillageCode, int households) {
        Rng rng = Rng.of(seed, "hh-members/" + naturalVillageCode);
        int[] out = new int[households];
        for (int i = 0; i < households; i++) {
            out[i] = 1 + rng.weighted(MEMBER_WEIGHTS);
        }
        return out;
    }

    /**
     * Where a natural village's households are. Most stand in a ribbon along the last 160 m of the village's group road,
     * 6–40 m off it on either side, as houses in Hunan's hills and lake plain line the road that reaches them (so that
     * most households of a village with a hardened road are within reach of it, as the plan's baseline says); one in
     * eight stands in a back row 30–150 m around the village, 3 % isolated 300–700 m out. A village without a group road
     * (or before its road is laid) has them all around it.
     */
    List<Coordinate> locations(NaturalVillage nv) {
        Rng rng = Rng.of(seed, "hh-where/" + nv.code);
        PreparedGeometry area = nv.village.prepared();
        LineString road = nv.groupRoad;
        LengthIndexedLine along = road == null ? null : new LengthIndexedLine(road);
        List<Coordinate> out = new ArrayList<>(nv.households);
        for (int i = 0; i < nv.households; i++) {
            boolean isolated = rng.chance(0.03);
            boolean ribbon = !isolated && along != null && !rng.chance(0.125);
            Coordinate at = null;
            for (int attempt = 0; attempt < 12 && at == null; attempt++) {
                Coordinate c;
                if (ribbon) {
                    double length = road.getLength();
                    double s = length - rng.uniform(0, Math.min(160, length));
                    Coordinate p = along.extractPoint(s);
                    Coordinate q = along.extractPoint(Math.max(0, s - 2));
                    Coordinate r = along.extractPoint(Math.min(length, s + 2));
                    double side = rng.chance(0.5) ? Math.PI / 2 : -Math.PI / 2;
                    c = Geo.offset(p, rng.uniform(6, 40), Math.atan2(r.y - q.y, r.x - q.x) + side);
                } else {
                    double d = isolated ? rng.uniform(300, 700) : 30 + 120 * Math.sqrt(rng.nextDouble());
                    c = Geo.offset(nv.location, d, rng.uniform(0, 2 * Math.PI));
                }
                if (area.contains(Geo.point(c))) {
                    at = c;
                }
            }
            out.add(at != null ? at : nv.location.copy());
        }
        return out;
    }

    /** The households of a natural village, the same on every call. */
    List<Household> households(NaturalVillage nv) {
        int[] members = members(nv.code, nv.households);
        List<Coordinate> where = locations(nv);
        Rng rng = Rng.of(seed, "hh-attr/" + nv.code);
        Village v = nv.village;
        double toiletRate = toiletRate(v.township.county.code);
        double exited = v.povertyExited ? 0.15 : v.keySupport ? 0.10 : 0.04;
        double monitored = v.keySupport ? 0.03 : v.povertyExited ? 0.02 : 0.006;
        List<Household> out = new ArrayList<>(nv.households);
        for (int i = 0; i < nv.households; i++) {
            double p = rng.nextDouble();
            String status = p < monitored ? "monitored" : p < monitored + exited ? "exited" : "none";
            boolean toilet = rng.chance(status.equals("none") ? toiletRate : toiletRate - 0.05);
            String water = rng.chance(0.02) ? "dispersed" : nv.waterSource;
            out.add(new Household(
                    nv.code + String.format("%03d", i + 1), where.get(i), members[i], toilet, status, water));
        }
        return out;
    }

    /**
     * The share of households with a sanitary toilet by county, about 87 % over the city (the plan's target is 90 %):
     * the key-support county 安化 lowest, the demonstration county 赫山 above the target.
     */
    private static double toiletRate(String county) {
        return switch (county) {
            case "430923" -> 0.82;
            case "430922" -> 0.86;
            case "430903" -> 0.93;
            case "430972" -> 0.93;
            case "430902" -> 0.89;
            default -> 0.88;
        };
    }
}
