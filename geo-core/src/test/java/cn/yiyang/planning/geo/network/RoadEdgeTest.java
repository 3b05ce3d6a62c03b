package cn.yiyang.planning.geo.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

class RoadEdgeTest {

    private static final GeometryFactory GF = new GeometryFactory();

    private static RoadEdge edge(Coordinate... c) {
        LineString line = GF.createLineString(c);
        return new RoadEdge(0, "r", 0, 1, line, line.getLength());
    }

    @Test
    void nearestPointOnASegmentAndPastItsEnds() {
        RoadEdge e = edge(new Coordinate(0, 0), new Coordinate(100, 0), new Coordinate(100, 100));
        RoadEdge.Nearest beside = e.nearest(new Coordinate(40, 30));
        assertEquals(30, beside.distance(), 1e-12);
        assertEquals(40, beside.along(), 1e-12);
        assertEquals(40, beside.x(), 1e-12);
        assertEquals(0, beside.y(), 1e-12);
        RoadEdge.Nearest pastTheEnd = e.nearest(new Coordinate(100, 130));
        assertEquals(30, pastTheEnd.distance(), 1e-12);
        assertEquals(200, pastTheEnd.along(), 1e-12);
        RoadEdge.Nearest beforeTheStart = e.nearest(new Coordinate(-3, -4));
        assertEquals(5, beforeTheStart.distance(), 1e-12);
        assertEquals(0, beforeTheStart.along(), 1e-12);
        assertEquals(30, e.distanceTo(new Coordinate(40, 30)), 1e-12);
    }

    @Test
    void aRepeatedVertexIsAPointSegment() {
        RoadEdge e = edge(new Coordinate(0, 0), new Coordinate(0, 0), new Coordinate(0, 10));
        assertEquals(5, e.nearest(new Coordinate(5, 0)).distance(), 1e-12);
        assertEquals(5, e.distanceTo(new Coordinate(5, 0)), 1e-12);
        assertEquals(5, e.distanceTo(new Coordinate(-5, 5)), 1e-12);
    }

    /** The same distances, nearest points and positions along the edge as JTS computes them, on random polylines. */
    @Test
    void agreesWithJts() {
        Random random = new Random(20261207);
        for (int n = 0; n < 2_000; n++) {
            Coordinate[] c = new Coordinate[2 + random.nextInt(6)];
            for (int i = 0; i < c.length; i++) {
                c[i] = new Coordinate(400_000 + random.nextDouble() * 500, 3_100_000 + random.nextDouble() * 500);
            }
            RoadEdge e = edge(c);
            Coordinate p =
                    new Coordinate(400_000 + random.nextDouble() * 700 - 100, 3_100_000 + random.nextDouble() * 700);
            double expected = e.metres().distance(GF.createPoint(p));
            RoadEdge.Nearest near = e.nearest(p);
            assertEquals(expected, near.distance(), 1e-7);
            assertEquals(expected, e.distanceTo(p), 1e-7);
            assertEquals(near.distance(), new Coordinate(near.x(), near.y()).distance(p), 1e-7);
            // where JTS puts the nearest point along the line: the same point (a tie between two segments aside)
            LengthIndexedLine indexed = new LengthIndexedLine(e.metres());
            Coordinate jts = indexed.extractPoint(indexed.project(p));
            if (jts.distance(new Coordinate(near.x(), near.y())) < 1e-6) {
                assertEquals(indexed.project(p), near.along(), 1e-6);
            }
        }
    }
}
