package cn.yiyang.planning.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.map.TileRequestFilter.TileRequest;
import cn.yiyang.planning.layers.tiles.TileCoord;
import org.junit.jupiter.api.Test;

/** Which paths the tile short path takes for itself, and its If-None-Match comparison. */
class TileRequestFilterTest {

    @Test
    void onlyExactTileUrlsInsideTheGridAreParsed() {
        assertThat(TileRequest.parse("/tiles/road/8/207/106.mvt"))
                .contains(new TileRequest("road", new TileCoord(8, 207, 106)));
        for (String path : new String[] {
            "/tiles/road.json",
            "/tiles/road/8/207.mvt",
            "/tiles/road/8/207/106/1.mvt",
            "/tiles//8/1/1.mvt",
            "/tiles/road/8/207/106.pbf",
            "/tiles/road/a/b/c.mvt",
            "/tiles/road/3/8/0.mvt",
            "/tiles/road/3/0/-1.mvt",
            "/tiles/road/23/0/0.mvt",
            "/tiles/road/99999999999/0/0.mvt",
            "/tiles/road/1/0/0x.mvt",
            "/tiles/road/1//0.mvt",
            "/api/v1/layers",
            "/tiles/road/+1/0/0.mvt"
        }) {
            assertThat(TileRequest.parse(path)).as(path).isEmpty();
        }
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsListsAndTheWildcard() {
        String etag = "\"abc\"";
        assertThat(TileRequestFilter.matches(etag, etag)).isTrue();
        assertThat(TileRequestFilter.matches("W/\"abc\"", etag)).isTrue();
        assertThat(TileRequestFilter.matches("\"x\", \"abc\"", etag)).isTrue();
        assertThat(TileRequestFilter.matches("*", etag)).isTrue();
        assertThat(TileRequestFilter.matches("\"abcd\"", etag)).isFalse();
        assertThat(TileRequestFilter.matches("", etag)).isFalse();
        assertThat(TileRequestFilter.matches(null, etag)).isFalse();
    }
}
