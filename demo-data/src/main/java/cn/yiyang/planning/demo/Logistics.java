package cn.yiyang.planning.demo;

import cn.yiyang.planning.demo.Model.City;
import cn.yiyang.planning.demo.Model.County;
import cn.yiyang.planning.demo.Model.Township;
import cn.yiyang.planning.demo.Model.TownshipKind;
import cn.yiyang.planning.demo.Model.Village;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The three-tier cold chain (一县一仓储、一乡一中心、一村一网点: a warehouse in every county but one,
 * centres in about 70% of townships, outlets in about half of the villages outside the urban
 * sub-districts) and courier points in about 85% of the villages, fewer in the mountains.
 *
 * <p>A few sites' code fields name another unit than the one they stand in (a data problem the cold-chain analysis
 * reports: about 3 % of the village outlets name the next village of their township, about 5 % of the township
 * centres the next township of their county); these come from random streams of their own, so the rest of the city
 * is unchanged by them.
 */
final class Logistics {

    private final long seed;
    private final City city;
    private final Layers out;

    Logistics(long seed, City city, Layers out) {
        this.seed = seed;
        this.city = city;
        this.out = out;
    }

    void build() {
        Rng rng = Rng.of(seed, "logistics");
        County withoutWarehouse = rng.pick(city.counties);
        for (County c : city.counties) {
            Rng cr = rng.child(c.code);
            if (c != withoutWarehouse) {
                Coordinate at = WaterSupply.near(c.seat, 1000, 4000, PreparedGeometryFactory.prepare(c.area), cr);
                site(
                        "LL" + c.code,
                        Names.shortCounty(c.name) + "农产品冷链物流仓储中心",
                        "county",
                        operator(cr, 30, 40, 30),
                        cr.between(8, 50) * 100.0,
                        cr.chance(0.9) ? "operating" : "building",
                        c.code,
                        null,
                        null,
                        at);
            }
            for (Township t : c.townships) {
                Rng tr = cr.child(t.code);
                if (t.kind != TownshipKind.STREET && !t.isWetland() && tr.chance(0.72)) {
                    Coordinate at = WaterSupply.near(t.seat, 200, 800, PreparedGeometryFactory.prepare(t.area), tr);
                    site(
                            "LL" + t.code,
                            t.name + "冷链物流服务中心",
                            "township",
                            operator(tr, 35, 40, 25),
                            tr.between(5, 40) * 10.0,
                            status(tr),
                            c.code,
                            declared(
                                    "township",
                                    t.code,
                                    c.townships.stream().map(u -> u.code).toList()),
                            null,
                            at);
                }
                for (Village v : t.villages) {
                    villagePoints(v, tr.child(v.code));
                }
            }
        }
    }

    private void villagePoints(Village v, Rng rng) {
        Township t = v.township;
        if (t.kind != TownshipKind.STREET && !v.isSpecial() && rng.chance(0.55)) {
            site(
                    "LL" + v.code,
                    Names.shortVillage(v.name) + "冷链服务网点",
                    "village",
                    operator(rng, 45, 35, 20),
                    (double) rng.between(2, 20),
                    status(rng),
                    t.county.code,
                    t.code,
                    declared(
                            "village",
                            v.code,
                            t.villages.stream().map(u -> u.code).toList()),
                    WaterSupply.near(v.centre, 30, 150, v.prepared(), rng));
        }
        double p = t.kind == TownshipKind.STREET ? 0.95 : t.county.code.equals("430923") ? 0.74 : 0.9;
        if (!rng.chance(p)) {
            return;
        }
        int points = rng.chance(0.1) ? 2 : 1;
        for (int i = 1; i <= points; i++) {
            String op = operator(rng, 50, 15, 35);
            String name = Names.shortVillage(v.name)
                    + switch (op) {
                        case "post" -> "村邮站";
                        case "coop" -> "供销e家快递点";
                        default -> "快递服务站";
                    };
            out.add(
                    "courier_point",
                    Geo.point(WaterSupply.near(v.centre, 20, 200, v.prepared(), rng)),
                    "code",
                    "KD" + v.code + i,
                    "name",
                    name,
                    "operator",
                    op,
                    "village_code",
                    v.code);
        }
    }

    private void site(
            String code,
            String name,
            String tier,
            String operator,
            double storage,
            String status,
            String county,
            String township,
            String village,
            Coordinate at) {
        out.add(
                "cold_chain_site",
                Geo.point(at),
                "code",
                code,
                "name",
                name,
                "tier",
                tier,
                "operator",
                operator,
                "cold_storage_t",
                storage,
                "status",
                status,
                "county_code",
                county,
                "township_code",
                township,
                "village_code",
                village);
    }

    /**
     * The unit code a site's file gives: its own {@code code}, or for a few (3 % of villages, 5 % of townships) the
     * next unit of {@code siblings} (a neighbour's code typed in by mistake).
     */
    private String declared(String level, String code, List<String> siblings) {
        double p = level.equals("village") ? 0.03 : 0.05;
        if (siblings.size() < 2 || !Rng.of(seed, "logistics-code/" + code).chance(p)) {
            return code;
        }
        return siblings.get((siblings.indexOf(code) + 1) % siblings.size());
    }

    private static String operator(Rng rng, double post, double coop, double enterprise) {
        return switch (rng.weighted(post, coop, enterprise)) {
            case 0 -> "post";
            case 1 -> "coop";
            default -> "enterprise";
        };
    }

    private static String status(Rng rng) {
        return switch (rng.weighted(85, 5, 7, 3)) {
            case 0 -> "operating";
            case 1 -> "stopped";
            case 2 -> "building";
            default -> "planned";
        };
    }
}
