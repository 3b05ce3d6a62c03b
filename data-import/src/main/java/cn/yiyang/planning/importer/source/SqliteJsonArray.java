package cn.yiyang.planning.importer.source;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The values of a row as SQLite's {@code json_array(…)} writes them in a UTF-8 database, read back without loss:
 * NULL as null, an INTEGER as Long, a TEXT as the String of its very bytes (SQLite copies them, escaping only
 * {@code "} {@code \} and control characters), a REAL as {@link #REAL} (written with 15 digits only: the caller reads
 * the column itself). One call into SQLite a row instead of one or two a value, which cost most of the reading.
 */
final class SqliteJsonArray {

    /** Stands for a REAL value. */
    static final Object REAL = new Object();

    private SqliteJsonArray() {}

    /**
     * @param json  the array's bytes
     * @param into  where the values go
     * @param from  the index of the first value in {@code into}
     * @param count how many values the array holds
     * @throws IllegalArgumentException for anything SQLite does not write (the caller then reads value by value)
     */
    static void read(byte[] json, Object[] into, int from, int count) {
        if (json == null) {
            throw bad();
        }
        int p = expect(json, 0, '[');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                p = expect(json, p, ',');
            }
            if (p >= json.length) {
                throw bad();
            }
            byte c = json[p];
            if (c == '"') {
                p = text(json, p + 1, into, from + i);
            } else if (c == 'n') {
                if (p + 4 > json.length || json[p + 1] != 'u' || json[p + 2] != 'l' || json[p + 3] != 'l') {
                    throw bad();
                }
                into[from + i] = null;
                p += 4;
            } else {
                int end = p;
                while (end < json.length && json[end] != ',' && json[end] != ']') {
                    end++;
                }
                into[from + i] = number(json, p, end);
                p = end;
            }
        }
        if (expect(json, p, ']') != json.length) {
            throw bad();
        }
    }

    private static int expect(byte[] json, int p, char c) {
        if (p >= json.length || json[p] != c) {
            throw bad();
        }
        return p + 1;
    }

    /** @return the index after the closing quote */
    private static int text(byte[] json, int start, Object[] into, int at) {
        int p = start;
        boolean escaped = false;
        while (true) {
            if (p >= json.length) {
                throw bad();
            }
            byte c = json[p];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                escaped = true;
                p += 2;
            } else {
                p++;
            }
        }
        into[at] = escaped
                ? new String(unescaped(json, start, p), StandardCharsets.UTF_8)
                : new String(json, start, p - start, StandardCharsets.UTF_8);
        return p + 1;
    }

    private static byte[] unescaped(byte[] json, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int p = from; p < to; p++) {
            byte c = json[p];
            if (c != '\\') {
                out[n++] = c;
                continue;
            }
            byte e = json[++p];
            out[n++] = switch (e) {
                case '"', '\\' -> e;
                case 'b' -> '\b';
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'f' -> '\f';
                case 'r' -> '\r';
                case 'u' -> {
                    // SQLite writes \\u00XX for the other control characters only
                    if (p + 4 >= to) {
                        throw bad();
                    }
                    int v = Integer.parseInt(new String(json, p + 1, 4, StandardCharsets.US_ASCII), 16);
                    if (v >= 0x80) {
                        throw bad();
                    }
                    p += 4;
                    yield (byte) v;
                }
                default -> throw bad();
            };
        }
        return Arrays.copyOf(out, n);
    }

    /** An INTEGER's digits as Long; a REAL's ({@code -1.5e-07}, {@code 9.0e+999}) as {@link #REAL}. */
    private static Object number(byte[] json, int from, int to) {
        int p = from < to && json[from] == '-' ? from + 1 : from;
        int digits = digits(json, p, to);
        if (digits == 0) {
            throw bad();
        }
        p += digits;
        if (p == to) {
            if (to - from <= 18) {
                // at most 18 digits: no overflow
                long v = 0;
                for (int i = json[from] == '-' ? from + 1 : from; i < to; i++) {
                    v = v * 10 + (json[i] - '0');
                }
                return json[from] == '-' ? -v : v;
            }
            return Long.parseLong(new String(json, from, to - from, StandardCharsets.US_ASCII));
        }
        if (json[p] == '.') {
            int fraction = digits(json, p + 1, to);
            if (fraction == 0) {
                throw bad();
            }
            p += 1 + fraction;
        }
        if (p < to && (json[p] == 'e' || json[p] == 'E')) {
            p++;
            if (p < to && (json[p] == '+' || json[p] == '-')) {
                p++;
            }
            int exponent = digits(json, p, to);
            if (exponent == 0) {
                throw bad();
            }
            p += exponent;
        }
        if (p != to) {
            throw bad();
        }
        return REAL;
    }

    private static int digits(byte[] json, int from, int to) {
        int p = from;
        while (p < to && json[p] >= '0' && json[p] <= '9') {
            p++;
        }
        return p - from;
    }

    private static IllegalArgumentException bad() {
        return new IllegalArgumentException("not an array as SQLite writes it");
    }
}
