package cn.yiyang.planning.app.road;

import java.time.LocalDate;

/**
 * Which register entries to list; every part optional (null: no condition).
 *
 * @param status       open or closed entries only; null for all
 * @param countyCode   entries of roads in this county
 * @param townshipCode entries of roads in this township
 * @param from         entries blocked on or after this date
 * @param to           entries blocked on or before this date
 * @param routeCode    entries of the segments of this route (路线编码)
 */
public record RegisterFilter(
        EntryStatus status, String countyCode, String townshipCode, LocalDate from, LocalDate to, String routeCode) {

    /** Every entry. */
    public static final RegisterFilter ALL = new RegisterFilter(null, null, null, null, null, null);

    public RegisterFilter {
        countyCode = blankToNull(countyCode);
        townshipCode = blankToNull(townshipCode);
        routeCode = blankToNull(routeCode);
    }

    /** The filter without a route condition. */
    public RegisterFilter(EntryStatus status, String countyCode, String townshipCode, LocalDate from, LocalDate to) {
        this(status, countyCode, townshipCode, from, to, null);
    }

    /** Whether the entry meets every condition. */
    public boolean test(RegisterEntry e) {
        return (status == null || e.status() == status)
                && (countyCode == null || countyCode.equals(e.countyCode()))
                && (townshipCode == null || townshipCode.equals(e.townshipCode()))
                && (from == null || !e.blockedOn().isBefore(from))
                && (to == null || !e.blockedOn().isAfter(to))
                && (routeCode == null || routeCode.equals(e.routeCode()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
