package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.UnitRollup;
import cn.yiyang.planning.geo.access.UnitRollup.Count;
import cn.yiyang.planning.geo.facility.SanitationResult.Gap;
import cn.yiyang.planning.geo.facility.SanitationResult.VillageToilets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;

/**
 * Sanitary toilets (农村卫生厕所普及率) from the households' own attribute: {@code sanitary_toilet_rate} = households
 * recorded with a sanitary toilet / households, of the rural villages (urban units, 城乡分类 1xx, left out as in every
 * rural rate), rolled up village → township → county → city with the key-support and demonstration groups. A household
 * without a record ({@link Household#sanitaryToilet()} null) counts as without: the rate claims only what is recorded.
 * Rural villages below the target are listed, lowest share first.
 */
public final class SanitationAnalysis {

    private final SanitationSettings settings;

    /** @param settings the thresholds */
    public SanitationAnalysis(SanitationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Per-village sums. */
    private static final class Tally {
        int households;
        int withToilet;
        int unrecorded;
        double x;
        double y;
    }

    /**
     * @param households the households
     * @param units the units reported, with the villages' groups and rural flags
     * @return the result
     */
    public SanitationResult run(List<Household> households, UnitRollup.Units units) {
        Map<String, Village> villages = new HashMap<>();
        units.villages().forEach(v -> villages.put(v.code(), v));
        Map<String, Township> townships = new HashMap<>();
        units.townships().forEach(t -> townships.put(t.code(), t));
        Map<String, Tally> tallies = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Household h : households) {
            Village v = h.villageCode() == null ? null : villages.get(h.villageCode());
            if (v == null) {
                unknown.add(h.code());
                continue;
            }
            Tally t = tallies.computeIfAbsent(v.code(), k -> new Tally());
            t.households++;
            if (h.sanitaryToilet() == null) {
                t.unrecorded++;
            } else if (h.sanitaryToilet()) {
                t.withToilet++;
            }
            t.x += h.lonLat().x;
            t.y += h.lonLat().y;
        }
        List<VillageToilets> out = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        Map<String, Count> perVillage = new HashMap<>();
        for (Village v : units.villages()) {
            Tally t = tallies.getOrDefault(v.code(), new Tally());
            VillageToilets vt = new VillageToilets(v.code(), v.rural(), t.households, t.withToilet, t.unrecorded);
            out.add(vt);
            if (!v.rural()) {
                continue;
            }
            perVillage.put(v.code(), new Count(t.withToilet, t.households));
            if (t.households > 0 && vt.share() < settings.targetShare()) {
                Township township = townships.get(v.townshipCode());
                int needed = (int) Math.ceil(settings.targetShare() * t.households - 1e-9);
                gaps.add(new Gap(
                        "sanitary_toilet:" + v.code(),
                        vt.share() < settings.severeShare() ? Severity.HIGH : Severity.MEDIUM,
                        v.code(),
                        v.name(),
                        v.townshipCode(),
                        township == null ? null : township.countyCode(),
                        v.keySupport(),
                        v.demonstration(),
                        t.households,
                        t.withToilet,
                        t.unrecorded,
                        vt.share(),
                        Math.max(0, needed - t.withToilet),
                        new Coordinate(t.x / t.households, t.y / t.households)));
            }
        }
        gaps.sort(Comparator.comparingDouble(Gap::share).thenComparing(Gap::villageCode));
        return new SanitationResult(
                settings,
                List.copyOf(out),
                List.copyOf(gaps),
                new UnitRollup(units).indicators(FacilityIndicator.SANITARY_TOILET_RATE, perVillage),
                List.copyOf(unknown));
    }
}
