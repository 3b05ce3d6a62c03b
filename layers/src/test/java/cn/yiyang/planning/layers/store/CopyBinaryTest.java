package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A row's extra attributes in binary COPY: jsonb's version byte and the JSON text's UTF-8, the bytes of
 * {@link FeatureRows#extraJson} as {@link String#getBytes} encodes them, whatever the text (Chinese, pairs of
 * surrogates, an unpaired one, longer than the buffers kept from row to row) and for values Jackson writes; none for a
 * feature without extra attributes.
 */
class CopyBinaryTest {

    private final LayerDef households = LayerCatalogue.standard().get("household");
    private final GeometryFactory gf = new GeometryFactory();

    @Test
    void extraAttributesAreTheJsonTextsUtf8() {
        List<LinkedHashMap<String, Object>> extras = new ArrayList<>();
        extras.add(extra("户主姓名", "张三", "家庭人口", 4L, "备注", "合成数据"));
        extras.add(extra("emoji", "😀 田 \u2028", "quote", "a \"b\" \\ c"));
        extras.add(extra("unpaired", "x\ud800y", "low", "\udc00"));
        extras.add(extra("长", "长".repeat(2_000), "n", 1.5));
        extras.add(extra("date", LocalDate.of(2024, 9, 28), "名", "李四")); // written by Jackson
        extras.add(new LinkedHashMap<>());
        extras.add(extra("after", "empty"));
        CopyBinary copy = new CopyBinary(households);
        int header = copy.size();
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < extras.size(); i++) {
            LinkedHashMap<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("code", "H" + i);
            attributes.put("village_code", "430902001001");
            Feature f = Feature.owning(attributes, extras.get(i), gf.createPoint(new Coordinate(112.3, 28.5)));
            features.add(f);
            copy.row(f);
        }

        ByteBuffer rows = ByteBuffer.wrap(Arrays.copyOf(copy.bytes(), copy.size()), header, copy.size() - header);
        int extraColumn = households.fields().size();
        for (Feature f : features) {
            int columns = rows.getShort();
            byte[] extraBytes = null;
            for (int c = 0; c < columns; c++) {
                int length = rows.getInt();
                byte[] value = length < 0 ? null : new byte[length];
                if (value != null) {
                    rows.get(value);
                }
                if (c == extraColumn) {
                    extraBytes = value;
                }
            }
            String json = FeatureRows.extraJson(f);
            if (json == null) {
                assertThat(extraBytes).as("no extra attributes").isNull();
            } else {
                byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
                byte[] expected = new byte[utf8.length + 1];
                expected[0] = 1;
                System.arraycopy(utf8, 0, expected, 1, utf8.length);
                assertThat(extraBytes).as(json).isEqualTo(expected);
            }
        }
        assertThat(rows.remaining()).isZero();
    }

    private static LinkedHashMap<String, Object> extra(Object... keysAndValues) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
