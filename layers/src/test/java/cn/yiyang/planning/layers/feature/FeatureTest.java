package cn.yiyang.planning.layers.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** A feature's maps are read-only and keep their order, whether copied or taken over. */
class FeatureTest {

    private final Point point = new GeometryFactory().createPoint(new Coordinate(112.35, 28.55));

    private static LinkedHashMap<String, Object> map(Object... keysAndValues) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void theConstructorCopiesTheCallersMaps() {
        LinkedHashMap<String, Object> attributes = map("code", "H1", "name", "张三", "size", null);
        LinkedHashMap<String, Object> extra = map("备注", "x");
        Feature feature = new Feature(7L, attributes, extra, point);

        attributes.put("code", "H2");
        attributes.put("late", 1);
        extra.clear();

        assertThat(feature.attributes()).containsExactlyEntriesOf(map("code", "H1", "name", "张三", "size", null));
        assertThat(feature.extra()).containsExactly(Map.entry("备注", "x"));
        assertThatThrownBy(() -> feature.attributes().put("code", "H3"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> feature.extra().entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFeatureThatTakesItsMapsOverReadsAndComparesAsACopiedOne() {
        Feature owning = Feature.owning(map("code", "H1", "name", "张三", "size", 3), map("备注", "x"), point);
        Feature copied = new Feature(null, map("code", "H1", "name", "张三", "size", 3), map("备注", "x"), point);

        assertThat(owning).isEqualTo(copied).hasSameHashCodeAs(copied);
        assertThat(owning.toString()).isEqualTo(copied.toString());
        assertThat(owning.attributes().keySet()).containsExactly("code", "name", "size");
        assertThat(owning.get("name")).isEqualTo("张三");
        assertThat(owning.getString("size")).isEqualTo("3");
        assertThat(owning.attributes().getOrDefault("missing", "-")).isEqualTo("-");
        assertThatThrownBy(() -> owning.attributes().remove("code")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> owning.attributes().values().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> owning.extra().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFeatureMadeFromAnothersMapsKeepsThem() {
        Feature first = new Feature(1L, map("code", "H1"), map(), point);
        Feature second = new Feature(2L, first.attributes(), first.extra(), null);

        assertThat(second.attributes()).isSameAs(first.attributes());
        assertThat(second.extra()).isSameAs(first.extra());
    }
}
