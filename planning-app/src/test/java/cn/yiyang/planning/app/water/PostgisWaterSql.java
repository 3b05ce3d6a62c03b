package cn.yiyang.planning.app.water;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The water-supply coverage counts computed independently in PostGIS SQL, the way a GIS analyst would: works in
 * service are the centralised kinds whose status is empty or operating; a household is served when a service area of
 * one {@code ST_Covers} it (planar, EPSG:4490) or a main of one lies {@code ST_DWithin} the distance on geography (the
 * spheroid), with GiST indexes; the overdue tests by the township polygon covering each works. Used by the cross-check
 * test and the benchmark; nothing here is shared with the Java implementation.
 */
final class PostgisWaterSql {

    /** Indicator ids, in the order they are reported. */
    static final String HOUSEHOLDS = "household_water_supply_rate";

    static final String POPULATION = "household_water_supply_population_rate";
    static final String POVERTY = "poverty_household_water_supply_rate";
    static final String OVERDUE = "water_quality_test_overdue_count";

    /**
     * Numerator and denominator of each indicator, for the city and per county.
     *
     * @param city indicator id → {numerator, denominator}
     * @param byCounty indicator id → county code → {numerator, denominator}
     */
    record Counts(Map<String, long[]> city, Map<String, Map<String, long[]>> byCounty) {}

    private PostgisWaterSql() {}

    /**
     * @param c a connection to the PostGIS store
     * @param mainDistanceM the distance to a main that serves, ground metres
     * @param asOf the day of the run
     * @param testIntervalMonths the test interval
     * @return the counts
     */
    static Counts run(Connection c, double mainDistanceM, LocalDate asOf, int testIntervalMonths) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS x_water_work, x_water_area, x_water_main");
            st.execute("""
                    CREATE TEMP TABLE x_water_work AS SELECT code, geom, last_tested_on, last_test_result FROM water_work
                    WHERE kind IN ('integrated', 'large', 'small') AND (status IS NULL OR status = 'operating')""");
            st.execute("""
                    CREATE TEMP TABLE x_water_area AS SELECT a.geom FROM water_service_area a
                    JOIN x_water_work w ON w.code = a.water_work_code WHERE a.geom IS NOT NULL""");
            st.execute("CREATE INDEX ON x_water_area USING gist (geom)");
            st.execute("""
                    CREATE TEMP TABLE x_water_main AS SELECT p.geom::geography AS geog FROM water_pipe p
                    JOIN x_water_work w ON w.code = p.water_work_code WHERE p.geom IS NOT NULL""");
            st.execute("CREATE INDEX ON x_water_main USING gist (geog)");
            st.execute("ANALYZE x_water_area; ANALYZE x_water_main");
        }
        Map<String, long[]> city = new LinkedHashMap<>();
        Map<String, Map<String, long[]>> byCounty = new LinkedHashMap<>();
        for (String id : new String[] {HOUSEHOLDS, POPULATION, POVERTY, OVERDUE}) {
            city.put(id, new long[2]);
            byCounty.put(id, new TreeMap<>());
        }
        try (PreparedStatement ps = c.prepareStatement("""
                WITH h AS (
                  SELECT t.county_code AS county, GREATEST(COALESCE(h.population, 0), 0) AS people,
                         COALESCE(h.poverty_status IN ('exited', 'monitored'), false) AS poverty,
                         (EXISTS (SELECT 1 FROM x_water_area a WHERE ST_Covers(a.geom, h.geom))
                          OR EXISTS (SELECT 1 FROM x_water_main m WHERE ST_DWithin(m.geog, h.geom::geography, ?)))
                           AS served
                  FROM household h
                  JOIN village v ON v.code = h.village_code
                  JOIN township t ON t.code = v.township_code
                  WHERE h.geom IS NOT NULL AND NOT ST_IsEmpty(h.geom)
                    AND (v.urban_rural_code IS NULL OR v.urban_rural_code NOT LIKE '1%'))
                SELECT county, count(*) FILTER (WHERE served), count(*),
                       COALESCE(sum(people) FILTER (WHERE served), 0), COALESCE(sum(people), 0),
                       count(*) FILTER (WHERE poverty AND served), count(*) FILTER (WHERE poverty)
                FROM h GROUP BY county""")) {
            ps.setDouble(1, mainDistanceM);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(city, byCounty, HOUSEHOLDS, rs.getString(1), rs.getLong(2), rs.getLong(3));
                    add(city, byCounty, POPULATION, rs.getString(1), rs.getLong(4), rs.getLong(5));
                    add(city, byCounty, POVERTY, rs.getString(1), rs.getLong(6), rs.getLong(7));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                WITH tests AS (
                  SELECT code, last_tested_on AS d, last_test_result AS r FROM x_water_work
                  WHERE last_tested_on IS NOT NULL AND last_tested_on <= ?
                  UNION ALL
                  SELECT q.water_work_code, q.tested_on, q.result FROM water_quality_test q
                  JOIN x_water_work w ON w.code = q.water_work_code WHERE q.tested_on <= ?),
                last AS (
                  SELECT DISTINCT ON (code) code, d, r FROM tests
                  ORDER BY code, d DESC, (r = 'fail') DESC NULLS LAST),
                placed AS (
                  SELECT w.code,
                         (SELECT t.county_code FROM township t WHERE ST_Covers(t.geom, w.geom) ORDER BY t.code LIMIT 1)
                           AS county
                  FROM x_water_work w WHERE w.geom IS NOT NULL)
                SELECT p.county,
                       count(*) FILTER (WHERE l.code IS NULL OR l.d < (?::date - make_interval(months => ?))
                                        OR l.r = 'fail'),
                       count(*)
                FROM placed p LEFT JOIN last l ON l.code = p.code
                WHERE p.county IS NOT NULL GROUP BY p.county""")) {
            ps.setObject(1, asOf);
            ps.setObject(2, asOf);
            ps.setObject(3, asOf);
            ps.setInt(4, testIntervalMonths);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(city, byCounty, OVERDUE, rs.getString(1), rs.getLong(2), rs.getLong(3));
                }
            }
        }
        return new Counts(city, byCounty);
    }

    private static void add(
            Map<String, long[]> city,
            Map<String, Map<String, long[]>> byCounty,
            String id,
            String county,
            long numerator,
            long denominator) {
        long[] c = city.get(id);
        c[0] += numerator;
        c[1] += denominator;
        byCounty.get(id).put(county, new long[] {numerator, denominator});
    }
}
