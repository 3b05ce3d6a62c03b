package cn.yiyang.planning.layers.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class TileCoordTest {

    @Test
    void rejectsZoomsAndColumnsOutsideTheGrid() {
        assertThatThrownBy(() -> new TileCoord(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TileCoord(23, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TileCoord(2, 4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TileCoord(2, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TileCoord(22, (1 << 22) - 1, (1 << 22) - 1).z()).isEqualTo(22);
    }

    @Test
    void theWorldTileIsTheWebMercatorSquare() {
        Envelope e = new TileCoord(0, 0, 0).mercatorEnvelope();
        assertThat(e.getMinX()).isCloseTo(-20037508.342789244, within(1e-6));
        assertThat(e.getMaxY()).isCloseTo(20037508.342789244, within(1e-6));
        Envelope ll = new TileCoord(0, 0, 0).lonLatEnvelope(0);
        assertThat(ll.getMaxY()).isCloseTo(85.0511287798, within(1e-9));
        assertThat(ll.getMinX()).isCloseTo(-180, within(1e-9));
    }

    @Test
    void yiyangIsWhereTheSlippyMapFormulaSaysAndBoundsRoundTrip() {
        TileCoord c = TileCoord.containing(12, 112.35, 28.55);
        assertThat(c).isEqualTo(new TileCoord(12, 3326, 1708));
        Envelope ll = c.lonLatEnvelope(0);
        assertThat(ll.contains(112.35, 28.55)).isTrue();
        assertThat(ll.getWidth()).isCloseTo(360.0 / 4096, within(1e-9));
        Envelope buffered = c.lonLatEnvelope(64.0 / 4096);
        assertThat(buffered.getWidth()).isCloseTo(360.0 / 4096 * (1 + 2 * 64.0 / 4096), within(1e-9));
    }
}
