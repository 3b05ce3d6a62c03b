package cn.yiyang.planning.app.logistics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cold-chain and courier coverage counts computed independently in PostGIS SQL, the way a GIS analyst would:
 * each site and point placed with {@code ST_Covers} (planar in EPSG:4490, a boundary inside, the smallest code where
 * two units cover it), sites whose code fields name another unit left out, operating = status operating or empty,
 * rural = an urban-rural code other than 1xx. Courier service is counted for points inside the village (the default
 * setting; distances along roads are not SQL). Used by the cross-check test and the benchmark; nothing here is shared
 * with the Java implementation.
 */
final class PostgisLogisticsSql {

    /**
     * City totals and per-county village counts.
     *
     * @param city indicator id → numerator, denominator
     * @param villagesByCounty indicator id → county → numerator, denominator (the two village indicators)
     */
    record Counts(Map<String, long[]> city, Map<String, Map<String, long[]>> villagesByCounty) {}

    private PostgisLogisticsSql() {}

    static Counts run(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS x_site, x_point, x_village");
            st.execute("""
                    CREATE TEMP TABLE x_site AS
                    WITH s AS (
                      SELECT s.code, s.tier, s.status, s.county_code, s.township_code, s.village_code,
                             (SELECT min(u.code) FROM county u WHERE ST_Covers(u.geom, s.geom)) AS in_county,
                             (SELECT min(u.code) FROM township u WHERE ST_Covers(u.geom, s.geom)) AS in_township,
                             (SELECT min(u.code) FROM village u WHERE ST_Covers(u.geom, s.geom)) AS in_village
                      FROM cold_chain_site s WHERE s.geom IS NOT NULL AND NOT ST_IsEmpty(s.geom))
                    SELECT * FROM s
                    WHERE (COALESCE(trim(county_code), '') = '' OR county_code = in_county)
                      AND (COALESCE(trim(township_code), '') = '' OR township_code = in_township)
                      AND (COALESCE(trim(village_code), '') = '' OR village_code = in_village)
                      AND (status IS NULL OR status = 'operating')""");
            st.execute("""
                    CREATE TEMP TABLE x_point AS
                    WITH p AS (
                      SELECT p.code, p.village_code,
                             (SELECT min(u.code) FROM village u WHERE ST_Covers(u.geom, p.geom)) AS in_village
                      FROM courier_point p WHERE p.geom IS NOT NULL AND NOT ST_IsEmpty(p.geom))
                    SELECT * FROM p WHERE COALESCE(trim(village_code), '') = '' OR village_code = in_village""");
            st.execute("""
                    CREATE TEMP TABLE x_village AS
                    SELECT v.code, t.county_code,
                           EXISTS (SELECT 1 FROM x_site s WHERE s.tier = 'village' AND s.in_village = v.code) AS outlet,
                           EXISTS (SELECT 1 FROM x_point p WHERE p.in_village = v.code) AS courier
                    FROM village v LEFT JOIN township t ON t.code = v.township_code
                    WHERE v.urban_rural_code IS NULL OR v.urban_rural_code NOT IN ('111', '112', '121', '122', '123')""");
        }
        Map<String, long[]> city = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        SELECT (SELECT count(*) FROM county u WHERE EXISTS (
                                  SELECT 1 FROM x_site s WHERE s.tier = 'county' AND s.in_county = u.code)),
                               (SELECT count(*) FROM county),
                               (SELECT count(*) FROM township u WHERE EXISTS (
                                  SELECT 1 FROM x_site s WHERE s.tier = 'township' AND s.in_township = u.code)),
                               (SELECT count(*) FROM township),
                               (SELECT count(*) FILTER (WHERE outlet) FROM x_village),
                               (SELECT count(*) FILTER (WHERE courier) FROM x_village),
                               (SELECT count(*) FROM x_village)""")) {
            rs.next();
            city.put("county_warehouse_rate", new long[] {rs.getLong(1), rs.getLong(2)});
            city.put("township_cold_chain_centre_rate", new long[] {rs.getLong(3), rs.getLong(4)});
            city.put("village_cold_chain_outlet_rate", new long[] {rs.getLong(5), rs.getLong(7)});
            city.put("village_courier_service_rate", new long[] {rs.getLong(6), rs.getLong(7)});
        }
        Map<String, Map<String, long[]>> byCounty = new TreeMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        SELECT county_code, count(*) FILTER (WHERE outlet), count(*) FILTER (WHERE courier), count(*)
                        FROM x_village WHERE county_code IS NOT NULL GROUP BY county_code""")) {
            while (rs.next()) {
                byCounty.computeIfAbsent("village_cold_chain_outlet_rate", k -> new TreeMap<>())
                        .put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(4)});
                byCounty.computeIfAbsent("village_courier_service_rate", k -> new TreeMap<>())
                        .put(rs.getString(1), new long[] {rs.getLong(3), rs.getLong(4)});
            }
        }
        return new Counts(city, byCounty);
    }
}
