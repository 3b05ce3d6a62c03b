package cn.yiyang.planning.importer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A row's values read, compare and print as the insertion-ordered map a reader made before, and cannot change. */
class RowValuesTest {

    private final RowValues.Columns columns = new RowValues.Columns(List.of("户编号", "组号", "备注"));

    @Test
    void readsComparesAndPrintsAsALinkedHashMap() {
        Map<String, Object> values = new RowValues(columns, new Object[] {"H1", 3L, null});
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("户编号", "H1");
        before.put("组号", 3L);
        before.put("备注", null);

        assertThat(values).isEqualTo(before).hasSameHashCodeAs(before);
        assertThat(values.toString()).isEqualTo(before.toString());
        assertThat(values.get("组号")).isEqualTo(3L);
        assertThat(values.get("备注")).isNull();
        assertThat(values.containsKey("备注")).isTrue();
        assertThat(values.get("村代码")).isNull();
        assertThat(values.containsKey("村代码")).isFalse();
        assertThat(values.keySet()).containsExactly("户编号", "组号", "备注");
        List<String> seen = new ArrayList<>();
        values.forEach((name, value) -> seen.add(name + "=" + value));
        assertThat(seen).containsExactly("户编号=H1", "组号=3", "备注=null");
    }

    @Test
    void cannotBeChangedNorBuiltAmiss() {
        Map<String, Object> values = new RowValues(columns, new Object[] {"H1", 3L, null});

        assertThatThrownBy(() -> values.put("组号", 4L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> values.entrySet().iterator().next().setValue(4L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> values.keySet().remove("组号")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new RowValues(columns, new Object[2])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RowValues.Columns(List.of("a", "a"))).isInstanceOf(IllegalArgumentException.class);
    }
}
