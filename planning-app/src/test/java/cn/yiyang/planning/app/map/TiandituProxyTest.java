package cn.yiyang.planning.app.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.layers.tiles.TileCoord;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Tianditu proxy against a local stand-in (this machine has no internet, and tests never use it). */
class TiandituProxyTest {

    private FakeTianditu upstream;

    @BeforeEach
    void start() throws Exception {
        upstream = new FakeTianditu();
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private TiandituProxy proxy(String key) {
        return new TiandituProxy(new MapSettings(key, true, upstream.baseUrl(), 1));
    }

    @Test
    void fetchesWmtsTilesWithTheServersKeyAndCachesThem() {
        TiandituProxy proxy = proxy(FakeTianditu.KEY);
        TiandituProxy.Image img = proxy.tile("img", new TileCoord(12, 3360, 1700));
        assertThat(img.contentType()).isEqualTo("image/png");
        assertThat(img.data()).isEqualTo(FakeTianditu.PNG);
        assertThat(upstream.requests)
                .singleElement()
                .satisfies(uri -> assertThat(uri)
                        .startsWith("/img_w/wmts?SERVICE=WMTS&REQUEST=GetTile")
                        .contains(
                                "LAYER=img",
                                "TILEMATRIXSET=w",
                                "TILEMATRIX=12",
                                "TILEROW=1700",
                                "TILECOL=3360",
                                "tk=test-key"));

        proxy.tile("img", new TileCoord(12, 3360, 1700));
        assertThat(upstream.requests)
                .as("the second request is served from the cache")
                .hasSize(1);
        assertThat(proxy.available()).isTrue();
    }

    @Test
    void aBadKeyARateLimitAndNoServerAreTypedFailures() throws Exception {
        assertThatThrownBy(() -> proxy("wrong").tile("vec", new TileCoord(1, 1, 0)))
                .isInstanceOf(BasemapException.class)
                .extracting(e -> ((BasemapException) e).reason())
                .isEqualTo(BasemapException.Reason.UPSTREAM_ERROR);
        assertThatThrownBy(() -> proxy("limited").tile("vec", new TileCoord(1, 1, 0)))
                .extracting(e -> ((BasemapException) e).reason())
                .isEqualTo(BasemapException.Reason.RATE_LIMITED);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        TiandituProxy offline =
                new TiandituProxy(new MapSettings(FakeTianditu.KEY, true, "http://127.0.0.1:" + closedPort, 1));
        assertThatThrownBy(() -> offline.tile("vec", new TileCoord(1, 1, 0)))
                .extracting(e -> ((BasemapException) e).reason())
                .isEqualTo(BasemapException.Reason.UNREACHABLE);
        assertThat(offline.available()).isFalse();
    }

    @Test
    void withoutAKeyOrForAnotherLayerNothingIsFetched() {
        assertThatThrownBy(() -> proxy("").tile("vec", new TileCoord(1, 1, 0)))
                .extracting(e -> ((BasemapException) e).reason())
                .isEqualTo(BasemapException.Reason.UNCONFIGURED);
        assertThat(proxy("").available()).isFalse();
        assertThatThrownBy(() -> proxy(FakeTianditu.KEY).tile("../etc", new TileCoord(1, 1, 0)))
                .extracting(e -> ((BasemapException) e).reason())
                .isEqualTo(BasemapException.Reason.UNKNOWN_LAYER);
        assertThat(upstream.requests).isEmpty();
    }
}
