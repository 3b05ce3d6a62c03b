package cn.yiyang.planning.importer.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The records of a CSV file without a single quote character ({@code "}), in UTF-8 or GBK, split on its bytes: every
 * line feed or carriage return ends a record, an empty line is none, every delimiter byte ends a field. In these
 * encodings those bytes are always those characters (no byte of a multi-byte character is below 0x40), and without
 * quotes no value can hold one; so the records and values are the ones Apache Commons CSV's default format gives, which
 * reads the file as text character by character, and a field is decoded only when it is asked for (the opening pass
 * asks for the coordinates alone). Undecodable bytes become U+FFFD, as the text reader's.
 *
 * <p>Not thread-safe; one reader for each half of a file read in two.
 */
final class PlainCsvRecords implements AutoCloseable {

    private final FileChannel channel;
    private final Charset charset;
    private final byte delimiter;
    /** Bytes of the range not read yet. */
    private long remaining;

    private byte[] buffer = new byte[256 * 1024];
    /** The unread bytes are {@code buffer[start, end)}. */
    private int start;

    private int end;
    private boolean exhausted;
    /** Field {@code i} of the current record is {@code buffer[bounds[2i], bounds[2i + 1])}. */
    private int[] bounds = new int[64];

    private int fields;

    /**
     * The records of the bytes {@code [from, to)}; {@code from} is 0 or a record's start.
     *
     * @param delimiter an ASCII delimiter (comma, tab, semicolon), or 0 when the header has none (then, as for
     *     Commons CSV, only a NUL character would end a field)
     */
    PlainCsvRecords(Path file, Charset charset, char delimiter, long from, long to) {
        this.charset = charset;
        this.delimiter = (byte) delimiter;
        try {
            this.channel = FileChannel.open(file);
            channel.position(from);
            this.remaining = Math.min(to, channel.size()) - from;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves to the next record; false at the end of the range. */
    boolean next() {
        while (true) {
            int eol = lineEnd();
            if (eol < 0) {
                if (exhausted) {
                    if (start == end) {
                        fields = 0;
                        return false;
                    }
                    split(start, end);
                    start = end;
                    return true;
                }
                fill();
                continue;
            }
            int lineStart = start;
            start = eol + 1;
            if (eol > lineStart) { // an empty line (or the line feed of a CR LF) is no record
                split(lineStart, eol);
                return true;
            }
        }
    }

    /** The current record's number of fields. */
    int size() {
        return fields;
    }

    /** Field {@code i} (below {@link #size()}) of the current record, decoded. */
    String get(int i) {
        int from = bounds[2 * i];
        return new String(buffer, from, bounds[2 * i + 1] - from, charset);
    }

    private int lineEnd() {
        byte[] b = buffer;
        for (int i = start; i < end; i++) {
            if (b[i] == '\n' || b[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    private void split(int from, int to) {
        int n = 0;
        int fieldStart = from;
        byte[] b = buffer;
        byte d = delimiter;
        for (int i = from; i < to; i++) {
            if (b[i] == d) {
                n = bound(n, fieldStart, i);
                fieldStart = i + 1;
            }
        }
        fields = bound(n, fieldStart, to) / 2;
    }

    private int bound(int n, int from, int to) {
        if (n + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[n] = from;
        bounds[n + 1] = to;
        return n + 2;
    }

    /** Keeps the unread bytes, at the buffer's start, and reads more after them (a longer buffer for a long line). */
    private void fill() {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int want = (int) Math.min(buffer.length - end, remaining);
        if (want == 0) {
            exhausted = true;
            return;
        }
        try {
            int n = channel.read(ByteBuffer.wrap(buffer, end, want));
            if (n < 0) {
                exhausted = true;
                return;
            }
            end += n;
            remaining -= n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only file
        }
    }
}
