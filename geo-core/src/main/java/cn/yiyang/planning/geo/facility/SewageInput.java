package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.access.UnitRollup;
import java.util.List;
import java.util.Objects;

/**
 * What a sewage analysis reads. Coordinates are CGCS2000 lon/lat (x = longitude).
 *
 * @param households the households (each belongs to the village of its village code)
 * @param facilities the sewage facilities
 * @param serviceAreas their collection areas
 * @param pipes their sewers (part of the town network a village may connect to); may be empty
 * @param townshipAreas the township polygons, to place facilities and count townships with a plant
 * @param villageAreas the village polygons, to place facilities
 * @param units the units reported, with the villages' groups and rural flags
 */
public record SewageInput(
        List<Household> households,
        List<SewageFacility> facilities,
        List<SewageServiceArea> serviceAreas,
        List<SewagePipe> pipes,
        UnitAreas townshipAreas,
        UnitAreas villageAreas,
        UnitRollup.Units units) {

    public SewageInput {
        households = List.copyOf(households);
        facilities = List.copyOf(facilities);
        serviceAreas = List.copyOf(serviceAreas);
        pipes = List.copyOf(pipes);
        Objects.requireNonNull(townshipAreas, "townshipAreas");
        Objects.requireNonNull(villageAreas, "villageAreas");
        Objects.requireNonNull(units, "units");
    }
}
