package cn.yiyang.planning.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class MapLinkTest {

    @Test
    void readsTheExtentAndLayerAndWritesThemBack() {
        Envelope e = new Envelope(112.1, 112.25, 28.4, 28.55);
        String url = MapLink.to(e, "road");
        assertThat(url).isEqualTo("?extent=112.1,28.4,112.25,28.55&layer=road");
        MapLink link = MapLink.parse(Map.of("extent", List.of("112.1,28.4,112.25,28.55"), "layer", List.of("road")))
                .orElseThrow();
        assertThat(link.extent()).isEqualTo(e);
        assertThat(link.layer()).isEqualTo("road");
    }

    @Test
    void ignoresWhatDoesNotParse() {
        assertThat(MapLink.parse(Map.of())).isEmpty();
        assertThat(MapLink.parse(Map.of("extent", List.of("a,b,c,d")))).isEmpty();
        assertThat(MapLink.parse(Map.of("extent", List.of("37500000,3100000,37600000,3200000"))))
                .isEmpty();
        assertThat(MapLink.parse(Map.of("extent", List.of("112.2,28.4,112.1,28.5"))))
                .isEmpty();
        assertThat(MapLink.parse(Map.of("layer", List.of("road; DROP TABLE road"))))
                .isEmpty();
        assertThat(MapLink.parse(Map.of("layer", List.of("village")))
                        .orElseThrow()
                        .extent())
                .isNull();
    }
}
