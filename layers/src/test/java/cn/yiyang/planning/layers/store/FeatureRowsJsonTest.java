package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The extra attributes' JSON written by hand is the JSON Jackson writes, value for value. */
class FeatureRowsJsonTest {

    private final JsonMapper jackson = JsonMapper.builder().build();

    @Test
    void textNumbersAndBooleansAreWrittenAsJacksonWritesThem() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("户主姓名", "张三");
        map.put("quote\"and\\back", "a \"quoted\" \\ value / with slash");
        map.put("controls", controls.toString());
        map.put("separators", "\u2028\u2029\u007f\u0080 😀 田");
        map.put("empty", "");
        map.put("long", Long.MIN_VALUE);
        map.put("int", -42);
        map.put("yes", true);
        map.put("no", false);
        List<Double> doubles = List.of(0.1, 1e-7, 1.0e20, 123456.789, -0.0, 9.999999999999999e22, 2.5e-320, 1.0 / 3);
        for (int i = 0; i < doubles.size(); i++) {
            map.put("d" + i, doubles.get(i));
        }

        assertThat(FeatureRows.flatJson(map)).isEqualTo(jackson.writeValueAsString(map));
    }

    @Test
    void anyOtherValueIsLeftToJackson() {
        assertThat(FeatureRows.flatJson(Map.of("date", LocalDate.of(2024, 9, 28))))
                .isNull();
        assertThat(FeatureRows.flatJson(Map.of("nan", Double.NaN))).isNull();
        assertThat(FeatureRows.flatJson(Map.of("list", List.of(1, 2)))).isNull();
    }
}
