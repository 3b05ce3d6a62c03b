package cn.yiyang.planning.app.road;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One entry of the 通返不通 register: a road found impassable after it had been found passable. Named
 * by its road and the date of the blocked inspection (see {@link RoadRegisterService}).
 *
 * @param roadCode     the road's code
 * @param roadName     the road's name, or null (also when the road layer does not hold the road)
 * @param adminClass   the road's administrative class code ({@code village}, {@code township} …), or null
 * @param countyCode   the county the road lies in, or null
 * @param countyName   its name, or null
 * @param townshipCode the township the road lies in, or null
 * @param townshipName its name, or null
 * @param cause        why it was impassable (from the inspection), or null
 * @param blockedOn    the date of the blocked inspection
 * @param closedOn     the 销号 date, or null while the entry is open
 * @param closedBy     who closed it in the app, or null (open, or closed by the inspection row)
 * @param closedIn     where the closing comes from, or null while open
 * @param note         the note given when it was closed in the app, or null
 * @param geometry     the road's line in EPSG:4490, or null when unknown
 * @param routeCode    the route (路线编码) the road is a segment of, or null
 * @param scope        when the blocked inspection named the route rather than the segment: the route, the stake and
 *                     the segments it applied to; else null
 */
public record RegisterEntry(
        String roadCode,
        String roadName,
        String adminClass,
        String countyCode,
        String countyName,
        String townshipCode,
        String townshipName,
        String cause,
        LocalDate blockedOn,
        LocalDate closedOn,
        String closedBy,
        ClosureSource closedIn,
        String note,
        Geometry geometry,
        String routeCode,
        RouteScope scope) {

    public RegisterEntry {
        Objects.requireNonNull(roadCode, "roadCode");
        Objects.requireNonNull(blockedOn, "blockedOn");
    }

    public EntryStatus status() {
        return closedOn == null ? EntryStatus.OPEN : EntryStatus.CLOSED;
    }

    public boolean open() {
        return closedOn == null;
    }

    /**
     * How many days the road has been (or was) impassable: from the blocked date to the 销号 date, or to
     * {@code today} while open; never negative.
     */
    public long daysOpen(LocalDate today) {
        LocalDate end = closedOn != null ? closedOn : today;
        return Math.max(0, ChronoUnit.DAYS.between(blockedOn, end));
    }

    /** The entry's name in URLs and messages: {@code roadCode/yyyy-MM-dd}. */
    public String key() {
        return roadCode + "/" + blockedOn;
    }

    /** The same entry, closed. */
    RegisterEntry closed(LocalDate on, String by, ClosureSource source, String withNote) {
        return new RegisterEntry(
                roadCode,
                roadName,
                adminClass,
                countyCode,
                countyName,
                townshipCode,
                townshipName,
                cause,
                blockedOn,
                on,
                by,
                source,
                withNote,
                geometry,
                routeCode,
                scope);
    }
}
