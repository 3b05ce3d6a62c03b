package cn.yiyang.planning.geo.geom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class CoordinateMappingTest {

    @Test
    void movesEveryVertexInPlaceAndRefreshesTheEnvelope() throws Exception {
        Geometry g = new WKTReader().read("MULTIPOLYGON (((0 0, 2 0, 2 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))");
        assertThat(g.getEnvelopeInternal()).isEqualTo(new Envelope(0, 6, 0, 6));

        Geometry same = CoordinateMapping.inPlace(g, c -> {
            c.x = c.x * 10 + 1;
            c.y = 1 - c.y;
        });

        assertThat(same).isSameAs(g);
        assertThat(g.toText()).isEqualTo("MULTIPOLYGON (((1 1, 21 1, 21 0, 1 1)), ((51 -4, 61 -4, 61 -5, 51 -4)))");
        assertThat(g.getEnvelopeInternal()).isEqualTo(new Envelope(1, 61, -5, 1));
    }
}
