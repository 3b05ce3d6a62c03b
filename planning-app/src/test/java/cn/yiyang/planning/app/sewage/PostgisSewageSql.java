package cn.yiyang.planning.app.sewage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sewage and sanitation coverage counts computed independently in PostGIS SQL, the way a GIS analyst would:
 * {@code ST_Covers} (planar in EPSG:4490, the boundary counts) of a collection area of an operating facility (status
 * {@code operating} or empty) over a household; a township plant belongs to the township with the smallest code
 * among those whose polygon covers it; rural villages are those whose 城乡分类 code is not 1xx. Used by the
 * cross-check test and the benchmark; nothing here is shared with the Java implementation.
 *
 * @param cityTreated rural households treated / rural households
 * @param cityToilets rural households with a sanitary toilet / rural households
 * @param cityTownships counted townships with an operating plant / counted townships
 * @param treatedByVillage rural village → {treated, households}
 * @param coveredTownships townships with an operating township plant
 * @param servedByFacility facility → households it treats (the first facility by kind, then code)
 */
record PostgisSewageSql(
        long[] cityTreated,
        long[] cityToilets,
        long[] cityTownships,
        Map<String, long[]> treatedByVillage,
        Set<String> coveredTownships,
        Map<String, Long> servedByFacility) {

    private static final String OPERATING = "(f.status IS NULL OR f.status = '' OR f.status = 'operating')";
    private static final String RURAL = "(v.urban_rural_code IS NULL OR v.urban_rural_code NOT LIKE '1%')";

    static PostgisSewageSql run(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS x_treated");
            st.execute("""
                    CREATE TEMP TABLE x_treated AS
                    SELECT DISTINCT ON (h.id) h.id, h.code, f.code AS facility
                    FROM household h
                    JOIN sewage_service_area a ON ST_Covers(a.geom, h.geom)
                    JOIN sewage_facility f ON f.code = a.facility_code AND %s
                    ORDER BY h.id, CASE f.kind WHEN 'township_plant' THEN 0 WHEN 'village_central' THEN 1
                             WHEN 'multi_household' THEN 2 ELSE 3 END, f.code""".formatted(OPERATING));
            st.execute("CREATE INDEX ON x_treated (id)");
            Map<String, long[]> byVillage = new TreeMap<>();
            long[] treated = new long[2];
            long[] toilets = new long[2];
            try (ResultSet rs = st.executeQuery("""
                    SELECT v.code, count(t.id), count(h.id), count(h.id) FILTER (WHERE h.sanitary_toilet)
                    FROM village v JOIN household h ON h.village_code = v.code
                    LEFT JOIN x_treated t ON t.id = h.id
                    WHERE %s GROUP BY v.code""".formatted(RURAL))) {
                while (rs.next()) {
                    byVillage.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    treated[0] += rs.getLong(2);
                    treated[1] += rs.getLong(3);
                    toilets[0] += rs.getLong(4);
                    toilets[1] += rs.getLong(3);
                }
            }
            Set<String> covered = new TreeSet<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT DISTINCT (SELECT min(t.code) FROM township t WHERE ST_Covers(t.geom, f.geom))
                    FROM sewage_facility f WHERE f.kind = 'township_plant' AND %s""".formatted(OPERATING))) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        covered.add(rs.getString(1));
                    }
                }
            }
            long[] townships = new long[2];
            try (ResultSet rs = st.executeQuery("""
                    SELECT t.code FROM township t
                    WHERE EXISTS (SELECT 1 FROM village v WHERE v.township_code = t.code AND %s)
                       OR NOT EXISTS (SELECT 1 FROM village v WHERE v.township_code = t.code)""".formatted(RURAL))) {
                while (rs.next()) {
                    townships[1]++;
                    if (covered.contains(rs.getString(1))) {
                        townships[0]++;
                    }
                }
            }
            Map<String, Long> served = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("SELECT facility, count(*) FROM x_treated GROUP BY facility")) {
                while (rs.next()) {
                    served.put(rs.getString(1), rs.getLong(2));
                }
            }
            return new PostgisSewageSql(treated, toilets, townships, byVillage, covered, served);
        }
    }
}
