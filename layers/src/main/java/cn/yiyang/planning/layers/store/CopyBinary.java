package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
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

    CopyBinary(LayerDef layer) {
        this.layer = layer;
        this.columns = (short) FeatureRows.insertColumns(layer).size();
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
        for (FieldDef field : layer.fields()) {
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
        String extra = FeatureRows.extraJson(f);
        if (extra == null) {
            int32(-1);
        } else {
            byte[] json = extra.getBytes(StandardCharsets.UTF_8);
            int32(json.length + 1);
            put((byte) 1); // jsonb's binary format version
            put(json);
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
