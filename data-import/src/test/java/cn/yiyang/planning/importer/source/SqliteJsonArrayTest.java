package cn.yiyang.planning.importer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What SQLite's json_array writes is read back; anything else is refused, so that the row is read value by value. */
class SqliteJsonArrayTest {

    private static Object[] read(String json, int count) {
        Object[] values = new Object[count + 1];
        Arrays.fill(values, "untouched");
        SqliteJsonArray.read(json.getBytes(StandardCharsets.UTF_8), values, 1, count);
        return values;
    }

    @Test
    void integersTextNullsAndRealsAreReadIntoPlace() {
        assertThat(read(
                        "[-9223372036854775808,9223372036854775807,0,-7,\"益阳\",\"a\\\"b\\\\c\\n\\u001f\",null,"
                                + "0.1,9.0e+999,-1.5e-07,\"\"]",
                        11))
                .containsExactly(
                        "untouched",
                        Long.MIN_VALUE,
                        Long.MAX_VALUE,
                        0L,
                        -7L,
                        "益阳",
                        "a\"b\\c\n\u001f",
                        null,
                        SqliteJsonArray.REAL,
                        SqliteJsonArray.REAL,
                        SqliteJsonArray.REAL,
                        "");
        assertThat(read("[]", 0)).containsExactly("untouched");
    }

    @Test
    void whatSqliteDoesNotWriteIsRefused() {
        for (String json : new String[] {
            "[1",
            "[1,2]",
            "[\"a]",
            "[\"a\\\"]",
            "[nul]",
            "[true]",
            "[1]x",
            "[\"\\x\"]",
            "[\"\\u0100\"]",
            "[-]",
            "[1-2]",
            "[{}]",
            "1",
            ""
        }) {
            assertThatThrownBy(() -> read(json, 1)).as(json).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SqliteJsonArray.read(null, new Object[1], 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
