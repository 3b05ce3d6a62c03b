package cn.yiyang.planning.app.access;

import cn.yiyang.planning.geo.access.AccessSettings;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The road-access indicators computed independently in PostGIS SQL, the way a GIS analyst would: the network as
 * {@code ST_ClusterDBSCAN} clusters (1 m, in EPSG:4546) of hardened or all-season roads that contain a county road,
 * and {@code ST_DWithin} on geography (the spheroid) with GiST indexes for every distance test. Used by the
 * cross-check test and the benchmark; nothing here is shared with the Java implementation.
 */
final class PostgisAccessSql {

    /** City totals: numerator and denominator of each indicator, and households served per county. */
    record Counts(Map<String, long[]> city, Map<String, long[]> householdsByCounty) {}

    private PostgisAccessSql() {}

    static Counts run(Connection c, AccessSettings s, Set<String> impassable) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS x_road, x_elig, x_net, x_class3, x_season, x_bus");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                CREATE TEMP TABLE x_road AS
                SELECT code, admin_class, tech_grade, COALESCE(bus_route, false) AS bus_route,
                       COALESCE(all_season, false) AS all_season,
                       COALESCE(hardened, surface IN ('asphalt', 'cement'), false) AS hardened, geom
                FROM road WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom) AND NOT (code = ANY (?))""")) {
            Array codes = c.createArrayOf("varchar", impassable.toArray());
            ps.setArray(1, codes);
            ps.execute();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                CREATE TEMP TABLE x_elig AS
                SELECT code, admin_class, tech_grade, geom,
                       ST_ClusterDBSCAN(ST_Transform(geom, 4546), eps := ?, minpoints := 1) OVER () AS cid
                FROM x_road WHERE hardened OR (? AND all_season)""")) {
            ps.setDouble(1, s.snapToleranceM());
            ps.setBoolean(2, s.allSeasonCountsAsNetwork());
            ps.execute();
        }
        try (Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TEMP TABLE x_net AS SELECT code, tech_grade, geom::geography AS geog FROM x_elig
                    WHERE cid IN (SELECT cid FROM x_elig WHERE admin_class IN ('national', 'provincial', 'county'))""");
            st.execute("CREATE INDEX ON x_net USING gist (geog)");
            st.execute("""
                    CREATE TEMP TABLE x_class3 AS SELECT geog FROM x_net
                    WHERE tech_grade IN ('expressway', 'class1', 'class2', 'class3')""");
            st.execute("CREATE INDEX ON x_class3 USING gist (geog)");
            st.execute("CREATE TEMP TABLE x_season AS SELECT geom::geography AS geog FROM x_road WHERE all_season");
            st.execute("CREATE INDEX ON x_season USING gist (geog)");
            st.execute("CREATE TEMP TABLE x_bus AS SELECT geom::geography AS geog FROM x_road WHERE bus_route");
            st.execute("CREATE INDEX ON x_bus USING gist (geog)");
            st.execute("ANALYZE x_net; ANALYZE x_class3; ANALYZE x_season; ANALYZE x_bus");
        }
        Map<String, long[]> city = new LinkedHashMap<>();
        Map<String, long[]> byCounty = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                WITH h AS (
                  SELECT COALESCE(t.county_code, '') AS county,
                         GREATEST(COALESCE(h.population, 0), 0) AS people,
                         (v.code IS NULL OR v.urban_rural_code IS NULL OR v.urban_rural_code NOT LIKE '1%') AS rural,
                         EXISTS (SELECT 1 FROM x_net n WHERE ST_DWithin(n.geog, h.geom::geography, ?)) AS served,
                         EXISTS (SELECT 1 FROM x_season a WHERE ST_DWithin(a.geog, h.geom::geography, ?)) AS near_road
                  FROM household h
                  LEFT JOIN village v ON v.code = h.village_code
                  LEFT JOIN township t ON t.code = v.township_code
                  WHERE h.geom IS NOT NULL AND NOT ST_IsEmpty(h.geom))
                SELECT county, count(*), count(*) FILTER (WHERE served), sum(people),
                       COALESCE(sum(people) FILTER (WHERE served), 0),
                       COALESCE(sum(people) FILTER (WHERE rural), 0),
                       COALESCE(sum(people) FILTER (WHERE rural AND near_road), 0)
                FROM h GROUP BY county""")) {
            ps.setDouble(1, s.householdServedM());
            ps.setDouble(2, s.ruralAccessM());
            long[] households = new long[2];
            long[] population = new long[2];
            long[] rai = new long[2];
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    households[0] += rs.getLong(3);
                    households[1] += rs.getLong(2);
                    population[0] += rs.getLong(5);
                    population[1] += rs.getLong(4);
                    rai[0] += rs.getLong(7);
                    rai[1] += rs.getLong(6);
                    byCounty.put(rs.getString(1), new long[] {rs.getLong(3), rs.getLong(2)});
                }
            }
            city.put("household_road_access_rate", households);
            city.put("household_road_access_population_rate", population);
            city.put("rural_access_index", rai);
        }
        city.put(
                "large_natural_village_hardened_road_rate",
                pair(c, """
                WITH counted AS (SELECT natural_village_code AS nv, count(*) AS n FROM household
                                 WHERE geom IS NOT NULL AND natural_village_code IS NOT NULL GROUP BY 1),
                nv AS (SELECT (CASE WHEN v.households IS NULL OR v.households <= 0 THEN COALESCE(c.n, 0)
                                    ELSE v.households END) >= ? AS large,
                              EXISTS (SELECT 1 FROM x_net n WHERE ST_DWithin(n.geog, v.geom::geography, ?)) AS connected
                       FROM natural_village v LEFT JOIN counted c ON c.nv = v.code
                       WHERE v.geom IS NOT NULL AND NOT ST_IsEmpty(v.geom))
                SELECT count(*) FILTER (WHERE large AND connected), count(*) FILTER (WHERE large) FROM nv""", s.largeVillageHouseholds(), s.largeVillageConnectedM()));
        city.put("township_class3_road_rate", pair(c, """
                SELECT count(*) FILTER (WHERE EXISTS (
                         SELECT 1 FROM township_seat s JOIN x_class3 r ON ST_DWithin(r.geog, s.geom::geography, ?)
                         WHERE s.township_code = t.code)), count(*)
                FROM township t""", s.townshipSeatM()));
        city.put("village_bus_service_rate", pair(c, """
                WITH nvw AS (
                  SELECT village_code, sum(w * ST_X(geom)) / sum(w) AS x, sum(w * ST_Y(geom)) / sum(w) AS y
                  FROM (SELECT village_code, geom, CASE WHEN population > 0 THEN population
                               WHEN households > 0 THEN households ELSE 1 END AS w
                        FROM natural_village WHERE geom IS NOT NULL AND village_code IS NOT NULL) a
                  GROUP BY village_code),
                hw AS (
                  SELECT village_code, sum(w * ST_X(geom)) / sum(w) AS x, sum(w * ST_Y(geom)) / sum(w) AS y
                  FROM (SELECT village_code, geom, GREATEST(1, COALESCE(population, 0)) AS w
                        FROM household WHERE geom IS NOT NULL AND village_code IS NOT NULL) a
                  GROUP BY village_code),
                v AS (
                  SELECT v.code, COALESCE(ST_SetSRID(ST_MakePoint(nvw.x, nvw.y), 4490),
                                          ST_SetSRID(ST_MakePoint(hw.x, hw.y), 4490),
                                          ST_PointOnSurface(v.geom))::geography AS centre
                  FROM village v LEFT JOIN nvw ON nvw.village_code = v.code LEFT JOIN hw ON hw.village_code = v.code
                  WHERE v.urban_rural_code IS NULL OR v.urban_rural_code NOT LIKE '1%')
                SELECT count(*) FILTER (WHERE
                         EXISTS (SELECT 1 FROM bus_stop b WHERE ST_DWithin(b.geom::geography, v.centre, ?))
                         OR EXISTS (SELECT 1 FROM x_bus r WHERE ST_DWithin(r.geog, v.centre, ?))), count(*)
                FROM v""", s.busStopM(), s.busRouteM()));
        return new Counts(city, byCounty);
    }

    private static long[] pair(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** The roads the inspections hold impassable: latest inspection 不通 and not closed (销号). */
    static Set<String> impassableFromInspections(Connection c) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                SELECT road_code FROM (
                  SELECT road_code, status, closed_on,
                         row_number() OVER (PARTITION BY road_code ORDER BY inspected_on DESC) AS k
                  FROM road_inspection) x
                WHERE k = 1 AND status = 'blocked' AND closed_on IS NULL""")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
