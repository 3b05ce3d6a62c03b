package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Rows of a layer in PostgreSQL's binary COPY format ({@code COPY … FROM STDIN WITH (FORMAT binary)}), the columns of
 * {@link FeatureRows#insertColumns}: text in the client encoding, UTF-8 (the server converts it to its own, as for
 * the text format: {@code PostgisLegacyEncodingIT} loads into an EUC_CN database), integer as int4, decimal as float8, boolean, date as days since
 * 2000-01-01, the extra attributes as jsonb (version 1 and the JSON text), the geometry as EWKB with its SRID (what
 * PostGIS's binary input reads). Against the text format it spares the escaping of every value and the hex of every
 * geometry here, and the parsing of both in the database. Values are checked as {@link FeatureRows#checked} checks
 * them for the text format.
 */
final class CopyBinary {

    /** The signature, flags and header extension of a binary COPY stream. */
    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    private static final long EPOCH_2000 = LocalDate.of(2000, 1, 1).toEpochDay();

    private final LayerDef layer;
    private final short columns;
    private final WKBWriter wkb = new WKBWriter(2, true);
    private byte[] buf = new byte[1 << 17];
    private int len;
    /** The layer's fields, walked for every row without an iterator. */
    private final FieldDef[] fields;
    /** A row's extra attributes as JSON text, then as chars, both kept from row to row. */
    private final StringBuilder json = new StringBuilder(256);

    private char[] jsonChars = new char[256];
    /** UTF-8, an unpaired surrogate written as '?' as {@link String#getBytes} writes it. */
    private final CharsetEncoder utf8 = StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);

    CopyBinary(LayerDef layer) {
        this.layer = layer;
        this.columns = (short) FeatureRows.insertColumns(layer).size();
        this.fields = layer.fields().toArray(FieldDef[]::new);
        put(HEADER);
    }

    /** The bytes written so far. */
    int size() {
        return len;
    }

    byte[] bytes() {
        return buf;
    }

    /** Starts again after the bytes were sent. */
    void clear() {
        len = 0;
    }

    /** The end of the stream. */
    void end() {
        int16(-1);
    }

    void row(Feature f) {
        int16(columns);
        for (FieldDef field : fields) {
            Object v = FeatureRows.checked(layer, field, f.get(field.name()));
            switch (v) {
                case null -> int32(-1);
                case String s -> text(s);
                case Integer i -> {
                    int32(4);
                    int32(i);
                }
                case Double d -> {
                    int32(8);
                    int64(Double.doubleToLongBits(d));
                }
                case Boolean b -> {
                    int32(1);
                    put((byte) (b ? 1 : 0));
                }
                case LocalDate date -> {
                    int32(4);
                    int32((int) (date.toEpochDay() - EPOCH_2000));
                }
                default ->
                    throw new IllegalArgumentException(layer.id() + "." + field.name() + ": cannot copy a "
                            + v.getClass().getSimpleName());
            }
        }
        if (f.extra().isEmpty()) {
            int32(-1);
        } else {
            json.setLength(0);
            if (!FeatureRows.flatJson(f.extra(), json)) {
                json.setLength(0); // a value Jackson writes (a date): the whole map by Jackson, not flatJson again
                json.append(FeatureRows.jacksonJson(f.extra()));
            }
            jsonb(json);
        }
        if (layer.geometry().hasGeometry()) {
            Geometry g = LayerGeometry.stored(layer, f.geometry());
            if (g == null) {
                int32(-1);
            } else {
                byte[] ewkb = wkb.write(g);
                int32(ewkb.length);
                put(ewkb);
            }
        }
    }

    /**
     * A jsonb value: its length, the binary format's version 1 and the JSON text in UTF-8, encoded into the buffer
     * (not through a string and an array of its bytes for every row).
     */
    private void jsonb(StringBuilder text) {
        int n = text.length();
        if (jsonChars.length < n) {
            jsonChars = new char[Math.max(n, jsonChars.length * 2)];
        }
        text.getChars(0, n, jsonChars, 0);
        int at = len;
        int32(0);
        put((byte) 1);
        ensure(3 * n); // at most 3 bytes of UTF-8 for a UTF-16 char (a pair of them: 4 for 2)
        ByteBuffer out = ByteBuffer.wrap(buf, len, buf.length - len);
        utf8.reset();
        CoderResult result = utf8.encode(CharBuffer.wrap(jsonChars, 0, n), out, true);
        if (!result.isUnderflow() || !utf8.flush(out).isUnderflow()) {
            throw new IllegalStateException("extra attributes not encoded: " + result);
        }
        len = out.position();
        int size = len - at - 4;
        buf[at] = (byte) (size >>> 24);
        buf[at + 1] = (byte) (size >>> 16);
        buf[at + 2] = (byte) (size >>> 8);
        buf[at + 3] = (byte) size;
    }

    private void text(String s) {
        // the JDK's encoder copies ASCII text (a Latin-1 string without high bytes) as one block
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int32(utf8.length);
        put(utf8);
    }

    private void int16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int32(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
