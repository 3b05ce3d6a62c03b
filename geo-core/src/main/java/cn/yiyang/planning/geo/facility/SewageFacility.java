package cn.yiyang.planning.geo.facility;

import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;

/**
 * A sewage treatment facility as the sewage analysis reads it. The caller decides the flags from its code lists (the
 * kind from {@code sewage_kind}, whether it is in service from the {@code facility_status} trait).
 *
 * @param code its code
 * @param name its name
 * @param kind what it is
 * @param inService true when operating (运行), false when stopped, under construction or planned, null when no status
 *     is recorded: a missing status counts as operating (the department files only the exceptions)
 * @param capacityM3d its design capacity, m³ per day; null when not recorded (its load cannot be checked)
 * @param townshipCode the township its own field names, or null; not used to place it (its polygon does)
 * @param villageCode the village its own field names, or null; likewise
 * @param lonLat where it is, CGCS2000 lon/lat
 */
public record SewageFacility(
        String code,
        String name,
        Kind kind,
        Boolean inService,
        Double capacityM3d,
        String townshipCode,
        String villageCode,
        Coordinate lonLat) {

    public SewageFacility {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lonLat, "lonLat");
    }

    /** @return whether it treats sewage now: operating, or without a recorded status */
    public boolean operating() {
        return inService == null || inService;
    }

    /** The kinds of facility (code list {@code sewage_kind}), in the order a household in two service areas is given. */
    public enum Kind {
        /** 乡镇污水处理厂, with the town network (also a county seat's urban plant). */
        TOWNSHIP_PLANT,
        /** 村集中处理设施. */
        VILLAGE_CENTRAL,
        /** 联户处理设施. */
        MULTI_HOUSEHOLD,
        /** 单户处理设施. */
        SINGLE_HOUSEHOLD
    }
}
