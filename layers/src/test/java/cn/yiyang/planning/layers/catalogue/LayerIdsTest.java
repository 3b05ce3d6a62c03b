package cn.yiyang.planning.layers.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The layer-id constants and the catalogue agree: each constant names a layer, and each layer has a constant. */
class LayerIdsTest {

    @Test
    void everyConstantNamesALayerOfTheCatalogueAndEveryLayerHasOne() {
        List<String> constants = Arrays.stream(LayerIds.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(LayerIdsTest::value)
                .toList();
        List<String> layers =
                LayerCatalogue.standard().layers().stream().map(LayerDef::id).toList();
        assertThat(constants).containsExactlyInAnyOrderElementsOf(layers);
        assertThat(Arrays.stream(LayerIds.class.getDeclaredFields()).filter(f -> f.getType() == String.class))
                .allSatisfy(f -> assertThat(value(f))
                        .as(f.getName())
                        .isEqualTo(f.getName().toLowerCase(Locale.ROOT)));
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
