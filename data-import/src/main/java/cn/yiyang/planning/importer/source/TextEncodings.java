package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Text encodings of departments' files: what a .cpg or a DBF language-driver byte declares, byte-order marks,
 * and the detection rule when nothing declares one: valid UTF-8 → UTF-8, otherwise GBK (the Chinese Windows
 * code page, CP936, that ArcGIS and Excel write on Chinese systems).
 */
final class TextEncodings {

    /** GBK, the Chinese Windows code page 936. */
    static final Charset GBK = Charset.forName("GBK");
    /** RFC 8142's record separator, which starts each GeoJSON text of a sequence. */
    static final char RECORD_SEPARATOR = '\u001e';
    /** How much of a file detection looks at: enough to meet non-ASCII text, bounded for huge files. */
    static final int DETECT_BYTES = 8 << 20;

    /** Windows code pages as .cpg files and DBF headers name them. */
    private static final Map<Integer, String> CODE_PAGES = Map.ofEntries(
            Map.entry(936, "GBK"),
            Map.entry(65001, "UTF-8"),
            Map.entry(950, "Big5"),
            Map.entry(932, "Shift_JIS"),
            Map.entry(949, "x-windows-949"),
            Map.entry(54936, "GB18030"),
            Map.entry(1250, "windows-1250"),
            Map.entry(1251, "windows-1251"),
            Map.entry(1252, "windows-1252"),
            Map.entry(1253, "windows-1253"),
            Map.entry(1254, "windows-1254"),
            Map.entry(1257, "windows-1257"),
            Map.entry(20936, "GB2312"),
            Map.entry(28591, "ISO-8859-1"));

    /**
     * DBF language-driver ids that name an encoding. The others (0x00 none, 0x03/0x57-0x59 "ANSI": the writing
     * system's code page, the DOS OEM pages that no Chinese department uses) carry no usable information.
     */
    private static final Map<Integer, String> LANGUAGE_DRIVERS = Map.ofEntries(
            Map.entry(0x4d, "GBK"),
            Map.entry(0x7a, "GBK"),
            Map.entry(0x4f, "Big5"),
            Map.entry(0x78, "Big5"),
            Map.entry(0x13, "Shift_JIS"),
            Map.entry(0x7b, "Shift_JIS"),
            Map.entry(0x4e, "x-windows-949"),
            Map.entry(0x79, "x-windows-949"),
            Map.entry(0xc8, "windows-1250"),
            Map.entry(0xc9, "windows-1251"),
            Map.entry(0xca, "windows-1254"),
            Map.entry(0xcb, "windows-1253"),
            Map.entry(0xcc, "windows-1257"));

    private TextEncodings() {}

    /**
     * The encoding a .cpg names: {@code UTF-8}, {@code 65001}, {@code GBK}, {@code 936}, {@code ANSI 936},
     * {@code CP936}, {@code GB2312} (read as GBK, its superset), any Java charset name.
     *
     * @return the charset, empty when the text names none Java knows
     */
    static Optional<Charset> fromCpg(String cpg) {
        String name = cpg.strip().toUpperCase(Locale.ROOT).replaceFirst("^(ANSI|CP|WINDOWS)[ _-]?(?=\\d)", "");
        if (name.matches("\\d{3,5}")) {
            return Optional.ofNullable(CODE_PAGES.get(Integer.parseInt(name))).map(TextEncodings::charset);
        }
        if (name.equals("UTF8")) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (name.equals("GB2312") || name.equals("EUC-CN")) {
            return Optional.of(GBK);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** @return the encoding a DBF language-driver byte (offset 29) names, empty when it names none usable */
    static Optional<Charset> fromLanguageDriver(int ldid) {
        return Optional.ofNullable(LANGUAGE_DRIVERS.get(ldid & 0xff)).map(TextEncodings::charset);
    }

    /** @return the charset a byte-order mark at the start of {@code head} names, or null */
    static Charset fromBom(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            return StandardCharsets.UTF_8;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /**
     * The text of a file's first bytes, or null when they are binary (NUL bytes without a UTF-16 byte-order
     * mark). Decoded as the BOM says, else UTF-8 when valid, else GBK.
     */
    static String sampleText(byte[] head) {
        Charset bom = fromBom(head);
        if (bom == null) {
            for (byte b : head) {
                if (b == 0) {
                    return null;
                }
            }
        }
        Charset charset = bom != null
                ? bom
                : new Utf8Check().feed(head, 0, head.length, true).valid() ? StandardCharsets.UTF_8 : GBK;
        String text = new String(head, charset);
        return text.startsWith("\ufeff") ? text.substring(1) : text;
    }

    /** Detects the encoding of a text file's bytes (BOM aside): UTF-8 when its first bytes are valid UTF-8, else GBK. */
    static Utf8Check scan(Path file) {
        Utf8Check check = new Utf8Check();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while (check.valid() && total < DETECT_BYTES && (n = in.read(buffer)) > 0) {
                total += n;
                check.feed(buffer, 0, n, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return check;
    }

    /**
     * The encoding of a text file (GeoJSON, CSV): the user's choice; else a byte-order mark's (DECLARED); else
     * UTF-8 when the first {@link #DETECT_BYTES} are valid UTF-8 (as {@code whenUtf8}: FORMAT_DEFAULT for
     * GeoJSON, whose rule is UTF-8; INFERRED for CSV), else GBK (INFERRED). An INFERRED choice adds an
     * ENCODING_DETECTED warning unless the text is pure ASCII, which reads the same either way.
     */
    static DetectedEncoding forText(
            Path file, SourceOptions options, Detection whenUtf8, String fileName, List<ImportIssue> issues) {
        if (options.encoding() != null) {
            return new DetectedEncoding(options.encoding(), Detection.USER);
        }
        Charset bom = fromBom(ContentSniffer.head(file, 3));
        if (bom != null) {
            return new DetectedEncoding(bom, Detection.DECLARED);
        }
        Utf8Check check = scan(file);
        Detection how = check.valid() ? whenUtf8 : Detection.INFERRED;
        if (how == Detection.INFERRED && check.nonAscii()) {
            issues.add(ImportIssue.ofFile(
                    fileName,
                    IssueCode.ENCODING_DETECTED,
                    check.choice().name(),
                    check.valid() ? "valid UTF-8" : "not valid UTF-8"));
        }
        return new DetectedEncoding(check.choice(), how);
    }

    /**
     * A reader of the file in {@code charset} that skips a byte-order mark and replaces undecodable bytes (a
     * wrong user choice shows as replacement characters rather than failing).
     */
    static Reader lenientReader(Path file, Charset charset) throws IOException {
        return lenientReader(Files.newInputStream(file), charset);
    }

    /**
     * {@link #lenientReader(Path, Charset)} over the bytes {@code [from, to)} of the file: from 0, a byte-order mark
     * is skipped; from elsewhere, which must be the start of a character, there is none.
     */
    static Reader lenientReader(Path file, Charset charset, long from, long to) throws IOException {
        if (from == 0) {
            return lenientReader(new BoundedStream(Files.newInputStream(file), to), charset);
        }
        FileChannel channel = FileChannel.open(file).position(from);
        return new BufferedReader(
                new InputStreamReader(new BoundedStream(Channels.newInputStream(channel), to - from), decoder(charset)),
                64 * 1024);
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    /** The first {@code limit} bytes of a stream. */
    private static final class BoundedStream extends FilterInputStream {

        private long left;

        BoundedStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            left -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            left -= n < 0 ? 0 : n;
            return n;
        }
    }

    private static Reader lenientReader(InputStream raw, Charset charset) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 3);
        byte[] head = in.readNBytes(3);
        Charset bom = fromBom(head);
        int skip = bom == null ? 0 : bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
        in.unread(head, skip, head.length - skip);
        Charset effective = bom != null ? bom : charset;
        return new BufferedReader(new InputStreamReader(in, decoder(effective)), 64 * 1024);
    }

    private static Charset charset(String name) {
        return Charset.forName(name);
    }

    /**
     * Checks bytes for UTF-8 validity piece by piece. A piece may end inside a character when the piece is a
     * fixed-width DBF field (ArcGIS cuts text by bytes) or a buffer; such an incomplete tail is not held
     * against it.
     */
    static final class Utf8Check {

        private static final VarHandle LONGS =
                MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

        private final CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer out = CharBuffer.allocate(8192);
        private final ByteBuffer carry = ByteBuffer.allocate(4);
        private boolean valid = true;
        private boolean nonAscii;

        /**
         * @param data  the bytes
         * @param from  first index
         * @param to    end index (exclusive)
         * @param alone whether the piece stands alone (a field): an incomplete character at its end is then
         *              dropped; otherwise it is carried over to the next piece
         * @return this
         */
        Utf8Check feed(byte[] data, int from, int to, boolean alone) {
            if (!valid) {
                return this;
            }
            for (int i = from; i < to && !nonAscii; i++) {
                nonAscii = data[i] < 0;
            }
            byte[] bytes = data;
            int start = from;
            int end = to;
            if (carry.position() > 0) {
                bytes = new byte[carry.position() + to - from];
                int carried = carry.position();
                carry.flip().get(bytes, 0, carried);
                System.arraycopy(data, from, bytes, carried, to - from);
                start = 0;
                end = bytes.length;
                carry.clear();
            }
            // whole characters are checked here, 8 ASCII bytes at a time; an incomplete one at the end goes to the
            // decoder, whose rule for what may follow (carried over or dropped) is kept as it is
            start = wholeCharacters(bytes, start, end);
            if (start < 0) {
                valid = false;
                return this;
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, start, end - start);
            decoder.reset();
            while (true) {
                out.clear();
                CoderResult result = decoder.decode(in, out, false);
                if (result.isError()) {
                    valid = false;
                    return this;
                }
                if (result.isUnderflow()) {
                    break;
                }
            }
            if (!alone && in.hasRemaining()) {
                carry.put(in);
            }
            return this;
        }

        /**
         * Checks the complete UTF-8 characters of {@code bytes[from, to)} as the JDK's decoder does (RFC 3629: no
         * overlong forms, no surrogates, nothing above U+10FFFF).
         *
         * @return where an incomplete character starts at the end (else {@code to}), or -1 at an invalid sequence
         */
        static int wholeCharacters(byte[] bytes, int from, int to) {
            int i = from;
            while (i < to) {
                if (i + 8 <= to && ((long) LONGS.get(bytes, i) & 0x8080808080808080L) == 0) {
                    i += 8;
                    continue;
                }
                int b = bytes[i] & 0xff;
                if (b < 0x80) {
                    i++;
                    continue;
                }
                int length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
                if (length == 0) {
                    return -1;
                }
                if (to - i < length) {
                    return i;
                }
                int b2 = bytes[i + 1] & 0xff;
                boolean ok = (b2 & 0xc0) == 0x80;
                if (length == 3) {
                    ok &= (bytes[i + 2] & 0xc0) == 0x80 && (b != 0xe0 || b2 >= 0xa0) && (b != 0xed || b2 < 0xa0);
                } else if (length == 4) {
                    ok &= (bytes[i + 2] & 0xc0) == 0x80
                            && (bytes[i + 3] & 0xc0) == 0x80
                            && (b != 0xf0 || b2 >= 0x90)
                            && (b != 0xf4 || b2 < 0x90);
                }
                if (!ok) {
                    return -1;
                }
                i += length;
            }
            return to;
        }

        /** @return whether no invalid UTF-8 sequence was seen */
        boolean valid() {
            return valid;
        }

        /** @return whether any byte above 0x7F was seen (pure ASCII reads the same in every encoding) */
        boolean nonAscii() {
            return nonAscii;
        }

        /** @return UTF-8 when valid, else GBK */
        Charset choice() {
            return valid ? StandardCharsets.UTF_8 : GBK;
        }
    }
}
