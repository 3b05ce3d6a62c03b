package cn.yiyang.planning.layers.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import cn.yiyang.planning.geo.plan.ClassLevel;
import cn.yiyang.planning.geo.plan.Conflict;
import cn.yiyang.planning.geo.plan.ConflictCheck;
import cn.yiyang.planning.geo.plan.ConflictKind;
import cn.yiyang.planning.geo.plan.Constraint;
import cn.yiyang.planning.geo.plan.ConstraintLayer;
import cn.yiyang.planning.geo.plan.LandUseBalance;
import cn.yiyang.planning.geo.plan.LandUseClasses;
import cn.yiyang.planning.geo.plan.ParcelArea;
import cn.yiyang.planning.geo.plan.ParcelCheck;
import cn.yiyang.planning.geo.plan.ParcelProblem;
import cn.yiyang.planning.geo.plan.ParcelState;
import cn.yiyang.planning.geo.plan.PlanParcel;
import cn.yiyang.planning.geo.plan.ProblemKind;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * geo-core's village-plan geometry ({@code cn.yiyang.planning.geo.plan}) against PostGIS on a handful of parcels
 * and 三区三线 polygons near Yiyang (112.30°E, 28.50°N): parcel areas against {@code ST_Area(geography)}, conflict
 * and overlap areas against {@code ST_Area(ST_Intersection(…)::geography)} and the part outside the town boundary
 * against {@code ST_Difference}, all within 0.1 %; and the same conflicts found on both sides. Nothing is stored:
 * the geometries go in as WKT literals.
 */
class PlanGeometryCrossCheckIT {

    private static final String P = "POLYGON((";

    /** id, code, state, WKT. Sizes from about 300 m² to about 1 km². */
    private static final String[][] PARCELS = {
        {
            "P1",
            "0703",
            "PLANNED",
            P + "112.3000 28.5000, 112.3012 28.5001, 112.3014 28.5011, 112.3003 28.5013, 112.3000 28.5000))"
        },
        {
            "P2",
            "0701",
            "PLANNED",
            P + "112.3040 28.5000, 112.3062 28.5002, 112.3060 28.5016, 112.3041 28.5014, 112.3040 28.5000))"
        },
        {
            "P3",
            "0804",
            "PLANNED",
            P + "112.3070 28.5003, 112.3080 28.5003, 112.3080 28.5010, 112.3070 28.5010, 112.3070 28.5003))"
        },
        {
            "P4",
            "1202",
            "PLANNED",
            P + "112.2980 28.5020, 112.3100 28.5022, 112.3100 28.5024, 112.2980 28.5022, 112.2980 28.5020))"
        },
        {
            "P5",
            "0101",
            "PLANNED",
            P + "112.3015 28.4990, 112.3030 28.4990, 112.3030 28.5000, 112.3015 28.5000, 112.3015 28.4990))"
        },
        {
            "P6",
            "0703",
            "CURRENT",
            P + "112.3015 28.4990, 112.3030 28.4990, 112.3030 28.5000, 112.3015 28.5000, 112.3015 28.4990))"
        },
        {
            "P7",
            "09",
            "PLANNED",
            P + "112.2900 28.4900, 112.3000 28.4905, 112.3002 28.4985, 112.2905 28.4990, 112.2900 28.4900))"
        },
        {
            "P8",
            "0101",
            "CURRENT",
            P + "112.3025 28.4995, 112.3035 28.4995, 112.3035 28.5004, 112.3025 28.5004, 112.3025 28.4995))"
        },
        {
            "P9",
            "0703",
            "PLANNED",
            P + "112.30825 28.50005, 112.30845 28.50005, 112.30845 28.50020, 112.30825 28.50020, 112.30825 28.50005))"
        }
    };

    /** id, layer, WKT. */
    private static final String[][] CONSTRAINTS = {
        {
            "JBNT-1",
            "BASIC_FARMLAND",
            P + "112.2995 28.4995, 112.3030 28.4998, 112.3028 28.5006, 112.2996 28.5004, 112.2995 28.4995))"
        },
        {
            "JBNT-2",
            "BASIC_FARMLAND",
            P + "112.2950 28.4950, 112.3050 28.4950, 112.3050 28.4980, 112.2950 28.4980, 112.2950 28.4950),"
                    + " (112.2960 28.4960, 112.2970 28.4960, 112.2970 28.4970, 112.2960 28.4960))"
        },
        {
            "STHX-1",
            "ECOLOGICAL_REDLINE",
            P + "112.3005 28.5015, 112.3020 28.5015, 112.3020 28.5040, 112.3005 28.5040, 112.3005 28.5015))"
        },
        {
            "STHX-2",
            "ECOLOGICAL_REDLINE",
            P + "112.3080 28.4999, 112.3090 28.4999, 112.3090 28.5030, 112.3080 28.5030, 112.3080 28.4999))"
        },
        {
            "CZKF-1",
            "TOWN_DEVELOPMENT_BOUNDARY",
            P + "112.3050 28.4990, 112.3075 28.4990, 112.3075 28.5030, 112.3050 28.5030, 112.3050 28.4990))"
        },
        {
            "CZKF-2",
            "TOWN_DEVELOPMENT_BOUNDARY",
            P + "112.3075 28.4990, 112.3120 28.4990, 112.3120 28.5030, 112.3075 28.5030, 112.3075 28.4990))"
        }
    };

    private static TestStore store;
    private static Connection db;
    private static List<PlanParcel> parcels;
    private static List<Constraint> constraints;

    @BeforeAll
    static void open() throws SQLException, ParseException {
        store = TestStores.postgis();
        db = DriverManager.getConnection(store.jdbcUrl());
        WKTReader wkt = new WKTReader();
        parcels = new ArrayList<>();
        for (String[] p : PARCELS) {
            parcels.add(new PlanParcel(p[0], p[1], ParcelState.valueOf(p[2]), wkt.read(p[3])));
        }
        constraints = new ArrayList<>();
        for (String[] c : CONSTRAINTS) {
            constraints.add(new Constraint(c[0], ConstraintLayer.valueOf(c[1]), wkt.read(c[2])));
        }
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
        store.close();
    }

    @Test
    void parcelAreasAgreeWithStAreaGeography() throws SQLException {
        LandUseBalance balance = LandUseBalance.of(parcels, ClassLevel.TOP_LEVEL);

        double sum = 0;
        for (ParcelArea a : balance.parcels()) {
            double postgis = postgis("SELECT ST_Area(ST_GeomFromText(?, 4490)::geography)", wktOf(a.parcelId()));
            assertThat(a.area().squareMetres()).as(a.parcelId()).isCloseTo(postgis, withinPercentage(0.1));
            sum += postgis;
        }
        assertThat(balance.total().current().plus(balance.total().planned()).squareMetres())
                .isCloseTo(sum, withinPercentage(0.1));
    }

    @Test
    void overlapAreasAgreeWithStIntersection() throws SQLException {
        List<ParcelProblem> overlaps = ParcelCheck.check(boundary(), parcels).stream()
                .filter(p -> p.kind() == ProblemKind.OVERLAP)
                .toList();

        assertThat(overlaps).extracting(ParcelProblem::parcelIds).containsExactly(List.of("P6", "P8"));
        double postgis = postgis(
                "SELECT ST_Area(ST_Intersection(ST_GeomFromText(?, 4490), ST_GeomFromText(?, 4490))::geography)",
                wktOf("P6"),
                wktOf("P8"));
        assertThat(overlaps.get(0).area().squareMetres()).isCloseTo(postgis, withinPercentage(0.1));
    }

    @Test
    void farmlandAndRedLineConflictsAreThePostgisIntersections() throws SQLException {
        Map<String, Conflict> java = ConflictCheck.of(constraints).run(parcels).stream()
                .filter(c -> c.kind() != ConflictKind.OUTSIDE_TOWN_BOUNDARY)
                .collect(Collectors.toMap(c -> c.parcelId() + "×" + c.constraintId(), Function.identity()));

        Map<String, Double> postgis = new TreeMap<>();
        for (PlanParcel p : parcels) {
            if (p.state() != ParcelState.PLANNED || !LandUseClasses.DEFAULT.isConstruction(p.landUseCode())) {
                continue;
            }
            for (String[] c : CONSTRAINTS) {
                if (c[1].equals("TOWN_DEVELOPMENT_BOUNDARY")) {
                    continue;
                }
                double m2 = postgis(
                        "SELECT ST_Area(ST_Intersection(ST_GeomFromText(?, 4490), ST_GeomFromText(?, 4490))::geography)",
                        wktOf(p.id()),
                        c[2]);
                if (m2 > ConflictCheck.DEFAULT_TOLERANCE_M2) {
                    postgis.put(p.id() + "×" + c[0], m2);
                }
            }
        }

        assertThat(java.keySet()).containsExactlyInAnyOrderElementsOf(postgis.keySet());
        assertThat(postgis).containsOnlyKeys("P1×JBNT-1", "P4×STHX-1", "P4×STHX-2", "P7×JBNT-2", "P9×STHX-2");
        postgis.forEach((key, m2) -> {
            assertThat(java.get(key).area().squareMetres()).as(key).isCloseTo(m2, withinPercentage(0.1));
            assertThat(java.get(key).area().mu()).as(key).isCloseTo(m2 * 15 / 10_000, withinPercentage(0.1));
        });
    }

    @Test
    void thePartOutsideTheTownBoundaryIsThePostgisDifference() throws SQLException {
        Map<String, Conflict> java = ConflictCheck.of(constraints).run(parcels).stream()
                .filter(c -> c.kind() == ConflictKind.OUTSIDE_TOWN_BOUNDARY)
                .collect(Collectors.toMap(Conflict::parcelId, Function.identity()));
        String town = "SELECT ST_Union(ST_GeomFromText(?, 4490), ST_GeomFromText(?, 4490))";

        Map<String, Double> postgis = new TreeMap<>();
        for (PlanParcel p : parcels) {
            if (p.state() != ParcelState.PLANNED || !LandUseClasses.DEFAULT.isTownType(p.landUseCode())) {
                continue;
            }
            double m2 = postgis(
                    "SELECT ST_Area(ST_Difference(ST_GeomFromText(?, 4490), (" + town + "))::geography)",
                    wktOf(p.id()),
                    CONSTRAINTS[4][2],
                    CONSTRAINTS[5][2]);
            if (m2 > ConflictCheck.DEFAULT_TOLERANCE_M2) {
                postgis.put(p.id(), m2);
            }
        }

        assertThat(java.keySet()).containsExactlyInAnyOrderElementsOf(postgis.keySet());
        assertThat(postgis).containsOnlyKeys("P2", "P7"); // P3 lies inside, across both town polygons
        postgis.forEach((id, m2) ->
                assertThat(java.get(id).area().squareMetres()).as(id).isCloseTo(m2, withinPercentage(0.1)));
    }

    /** A boundary around all the parcels, so that only the overlap is an error. */
    private static Geometry boundary() {
        Geometry all = parcels.get(0)
                .geometry()
                .getFactory()
                .buildGeometry(parcels.stream().map(PlanParcel::geometry).toList());
        return all.getEnvelope().buffer(0.001);
    }

    private static String wktOf(String parcelId) {
        for (String[] p : PARCELS) {
            if (p[0].equals(parcelId)) {
                return p[3];
            }
        }
        throw new IllegalArgumentException(parcelId);
    }

    private static double postgis(String sql, String... wkts) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < wkts.length; i++) {
                st.setString(i + 1, wkts[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }
}
