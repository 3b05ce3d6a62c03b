package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.facility.SewageResult.FacilityLoad;
import cn.yiyang.planning.geo.facility.SewageResult.Gap;
import cn.yiyang.planning.geo.facility.SewageResult.GapKind;
import cn.yiyang.planning.geo.facility.SewageResult.Recommendation;
import cn.yiyang.planning.geo.facility.SewageResult.TownshipCoverage;
import cn.yiyang.planning.geo.facility.SewageResult.VillageTreatment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The sewage gap list: counted townships without an operating plant, operating facilities over capacity and listed
 * villages, most serious first (severity, then kind, then most people, then code).
 */
final class SewageGaps {

    /**
     * A rural village's households and their members.
     *
     * @param households households
     * @param population members
     */
    record Counts(int households, long population) {}

    private final SewageInput in;
    private final SewageSettings settings;
    private final Map<String, Counts> perVillage;
    private final Map<String, Village> villages = new HashMap<>();
    private final Map<String, Township> townships = new HashMap<>();

    SewageGaps(SewageInput in, SewageSettings settings, Map<String, Counts> perVillage) {
        this.in = in;
        this.settings = settings;
        this.perVillage = perVillage;
        in.units().villages().forEach(v -> villages.put(v.code(), v));
        in.units().townships().forEach(t -> townships.put(t.code(), t));
    }

    List<Gap> gaps(List<FacilityLoad> loads, List<TownshipCoverage> coverage, List<VillageTreatment> villageResults) {
        List<Gap> out = new ArrayList<>();
        for (TownshipCoverage t : coverage) {
            if (t.counted() && !t.covered()) {
                out.add(township(t));
            }
        }
        for (int i = 0; i < loads.size(); i++) {
            if (loads.get(i).overCapacity()) {
                out.add(overCapacity(loads.get(i), in.facilities().get(i)));
            }
        }
        for (VillageTreatment v : villageResults) {
            if (v.recommendation() != null) {
                out.add(village(v));
            }
        }
        out.sort(Comparator.comparing(Gap::severity)
                .thenComparing(Gap::kind)
                .thenComparing(Comparator.comparingLong(Gap::population).reversed())
                .thenComparing(Gap::code));
        return List.copyOf(out);
    }

    private Gap township(TownshipCoverage t) {
        Township township = townships.get(t.code());
        int households = 0;
        long population = 0;
        for (Village v : in.units().villages()) {
            Counts c = perVillage.get(v.code());
            if (c != null && t.code().equals(v.townshipCode())) {
                households += c.households();
                population += c.population();
            }
        }
        Geometry shape = in.townshipAreas().shape(t.code());
        Coordinate at = shape == null ? null : shape.getInteriorPoint().getCoordinate();
        String idle = t.idlePlantCodes().isEmpty() ? null : t.idlePlantCodes().get(0);
        return new Gap(
                GapKind.TOWNSHIP_NO_PLANT.id() + ":" + t.code(),
                GapKind.TOWNSHIP_NO_PLANT,
                idle == null ? Severity.HIGH : Severity.MEDIUM,
                township.name(),
                null,
                t.code(),
                township.countyCode(),
                false,
                false,
                idle,
                households,
                population,
                at,
                null,
                null);
    }

    private Gap overCapacity(FacilityLoad load, SewageFacility f) {
        Village v = load.villageCode() == null ? null : villages.get(load.villageCode());
        Township t = load.townshipCode() == null ? null : townships.get(load.townshipCode());
        boolean severe = load.loadRatio() >= settings.severeOverloadRatio();
        return new Gap(
                GapKind.OVER_CAPACITY.id() + ":" + load.code(),
                GapKind.OVER_CAPACITY,
                severe ? Severity.HIGH : Severity.MEDIUM,
                load.name(),
                load.villageCode(),
                load.townshipCode(),
                t == null ? null : t.countyCode(),
                v != null && v.keySupport(),
                v != null && v.demonstration(),
                load.code(),
                load.servedHouseholds(),
                load.servedPopulation(),
                f.lonLat(),
                load,
                null);
    }

    private Gap village(VillageTreatment treatment) {
        Village v = villages.get(treatment.code());
        Township t = townships.get(v.townshipCode());
        Recommendation r = treatment.recommendation();
        return new Gap(
                GapKind.VILLAGE_UNTREATED.id() + ":" + v.code(),
                GapKind.VILLAGE_UNTREATED,
                treatment.treatedHouseholds() == 0 ? Severity.HIGH : Severity.MEDIUM,
                v.name(),
                v.code(),
                v.townshipCode(),
                t == null ? null : t.countyCode(),
                v.keySupport(),
                v.demonstration(),
                r.mode() == SewageMode.CONNECT_TOWN ? r.plantCode() : null,
                r.untreatedHouseholds(),
                r.untreatedPopulation(),
                r.centre(),
                null,
                r);
    }
}
