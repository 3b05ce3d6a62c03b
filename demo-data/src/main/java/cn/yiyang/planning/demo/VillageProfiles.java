package cn.yiyang.planning.demo;

import cn.yiyang.planning.demo.Model.City;
import cn.yiyang.planning.demo.Model.TownshipKind;
import cn.yiyang.planning.demo.Model.Village;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The attributes of the administrative villages: the plan's flags in their exact numbers (297
 * villages that exited poverty, 103 key-support villages mostly in 安化县, 104 demonstration
 * villages mostly in 赫山区, all among rural 村), the village class, the NBS urban-rural code,
 * collective income (with a few 空壳村) and the cultural service centre (with gaps).
 */
final class VillageProfiles {

    static final int POVERTY_EXITED = 297;
    static final int KEY_SUPPORT = 103;
    static final int DEMONSTRATION = 104;

    private VillageProfiles() {}

    static void assign(City city, Rng rng) {
        List<Village> rural = city.villages.stream().filter(Village::isRural).toList();
        for (Village v : pick(
                rural,
                POVERTY_EXITED,
                v -> switch (v.township.county.code) {
                    case "430923" -> 3.0;
                    case "430922" -> 1.6;
                    case "430921" -> 1.2;
                    case "430902", "430971" -> 0.8;
                    case "430903" -> 0.6;
                    case "430972" -> 0.3;
                    default -> 1.0;
                },
                x -> true,
                rng.child("poverty"))) {
            v.povertyExited = true;
        }
        for (Village v : pick(
                rural,
                KEY_SUPPORT,
                v -> (v.township.county.code.equals("430923") ? 25.0 : 1.0) * (v.povertyExited ? 3 : 1),
                x -> true,
                rng.child("key"))) {
            v.keySupport = true;
        }
        for (Village v : pick(
                rural,
                DEMONSTRATION,
                v -> v.township.county.code.equals("430903") ? 30.0 : 1.0,
                v -> !v.keySupport,
                rng.child("demonstration"))) {
            v.demonstration = true;
        }

        for (Village v : city.villages) {
            Rng r = rng.child("profile/" + v.code);
            double toSeat = Geo.distance(v.centre, v.township.county.seat);
            boolean seatVillage = v.township.seatVillage == v;
            TownshipKind kind = v.township.kind;
            boolean hills = !v.township.county.sketch.lowland();

            if (v.isSpecial()) {
                v.urbanRural = "123";
            } else if (kind == TownshipKind.STREET) {
                v.urbanRural = v.isCommunity() && toSeat < 6000 ? "111" : "112";
            } else if (seatVillage) {
                v.urbanRural = kind == TownshipKind.XIANG ? "210" : v.township.isWetland() ? "123" : "121";
            } else if (v.isCommunity()) {
                v.urbanRural = v.township.isDevelopmentZone() ? "112" : "122";
            } else {
                v.urbanRural = v.township.isDevelopmentZone() && r.chance(0.5) ? "122" : "220";
            }

            if (kind == TownshipKind.STREET || v.township.isDevelopmentZone() || toSeat < 8000) {
                v.villageClass = "suburban";
            } else if (seatVillage || v.isCommunity()) {
                v.villageClass = "aggregation";
            } else if (toSeat < 15000 && r.chance(0.5)) {
                v.villageClass = "suburban";
            } else {
                v.villageClass = switch (r.weighted(55, hills ? 8 : 4, hills ? 7 : 2, 24)) {
                    case 0 -> "aggregation";
                    case 1 -> "heritage";
                    case 2 -> "relocation";
                    default -> "undetermined";
                };
            }

            double median = switch (v.township.county.code) {
                case "430903" -> 18;
                case "430902" -> 15;
                case "430972" -> 25;
                case "430921" -> 11;
                case "430922" -> 9;
                case "430923" -> 7;
                default -> 12;
            };
            if (v.demonstration) {
                median *= 1.4;
            }
            if (v.keySupport) {
                median *= 0.8;
            }
            if (kind == TownshipKind.STREET) {
                median *= 1.5;
            }
            double income = r.chance(0.015) ? r.uniform(0.2, 0.95) : Math.max(1.0, r.logNormal(median, 0.7));
            v.collectiveIncome = Math.round(income * 100) / 100.0;
            v.culturalCentre = r.chance(v.township.county.code.equals("430923") ? 0.9 : 0.95);
        }
    }

    /** Exactly {@code count} villages, drawn with the given weights (Efraimidis–Spirakis). */
    private static List<Village> pick(
            List<Village> from, int count, ToDoubleFunction<Village> weight, Predicate<Village> allowed, Rng rng) {
        record Keyed(Village v, double key) {}
        List<Keyed> keyed = new ArrayList<>();
        for (Village v : from) {
            double u = rng.nextDouble();
            if (allowed.test(v)) {
                keyed.add(new Keyed(v, Math.log(1 - u) / weight.applyAsDouble(v)));
            }
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key).reversed().thenComparing(k -> k.v().code));
        if (keyed.size() < count) {
            throw new IllegalStateException("only " + keyed.size() + " villages to choose " + count + " from");
        }
        return keyed.subList(0, count).stream().map(Keyed::v).toList();
    }
}
