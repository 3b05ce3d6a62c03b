package cn.yiyang.planning.importer.source;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The raw header of a dBase file: the language-driver byte and the field descriptors with their name bytes
 * undecoded, so that the encoding can be chosen before any name is decoded. The records themselves are read by
 * H2GIS's {@code DbaseFileReader}.
 *
 * @param languageDriver the language-driver id (byte 29)
 * @param recordCount    the number of records the header declares
 * @param headerLength   the header's length in bytes
 * @param recordLength   one record's length in bytes (deletion flag included)
 * @param fields         the field descriptors, those of length 0 left out (as H2GIS leaves them out)
 */
record DbfHeader(int languageDriver, long recordCount, int headerLength, int recordLength, List<Field> fields) {

    private static final int DESCRIPTOR = 32;

    /**
     * One field descriptor.
     *
     * @param nameBytes the name's bytes up to the first NUL
     * @param type      the dBase type letter (C, N, F, L, D, …)
     * @param offset    the field's offset in a record, after the deletion flag
     * @param length    its length in bytes
     * @param decimals  its decimal count
     */
    record Field(byte[] nameBytes, char type, int offset, int length, int decimals) {

        String name(Charset charset) {
            return new String(nameBytes, charset).strip();
        }

        /** @return the SourceField type: text, integer, decimal, boolean or date */
        String sourceType() {
            return switch (Character.toUpperCase(type)) {
                case 'N' -> decimals == 0 ? "integer" : "decimal";
                case 'F', 'O' -> "decimal";
                case 'I', '+' -> "integer";
                case 'L' -> "boolean";
                case 'D' -> "date";
                default -> "text";
            };
        }
    }

    /** @throws IOException when the file is shorter than its header */
    static DbfHeader read(Path dbf) throws IOException {
        try (FileChannel channel = FileChannel.open(dbf, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(DESCRIPTOR).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, head, 0);
            long records = head.getInt(4) & 0xffffffffL;
            int headerLength = head.getShort(8) & 0xffff;
            int recordLength = head.getShort(10) & 0xffff;
            int ldid = head.get(29) & 0xff;
            int count = Math.max(0, (headerLength - DESCRIPTOR - 1) / DESCRIPTOR);
            ByteBuffer descriptors = ByteBuffer.allocate(count * DESCRIPTOR).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, descriptors, DESCRIPTOR);
            List<Field> fields = new ArrayList<>();
            int offset = 0;
            for (int i = 0; i < count; i++) {
                int at = i * DESCRIPTOR;
                if (descriptors.get(at) == 0x0d) {
                    break;
                }
                byte[] name = new byte[11];
                descriptors.get(at, name);
                int end = 0;
                while (end < name.length && name[end] != 0) {
                    end++;
                }
                int length = descriptors.get(at + 16) & 0xff;
                if (length > 0) {
                    fields.add(new Field(
                            Arrays.copyOf(name, end),
                            (char) descriptors.get(at + 11),
                            offset,
                            length,
                            descriptors.get(at + 17)));
                }
                offset += length;
            }
            return new DbfHeader(ldid, records, headerLength, recordLength, List.copyOf(fields));
        }
    }

    /**
     * Checks the field names and up to {@link TextEncodings#DETECT_BYTES} of text field values for UTF-8
     * validity, field by field (a field cut inside a character is not held against UTF-8).
     */
    TextEncodings.Utf8Check scan(Path dbf) throws IOException {
        TextEncodings.Utf8Check check = new TextEncodings.Utf8Check();
        for (Field field : fields) {
            check.feed(field.nameBytes, 0, field.nameBytes.length, true);
        }
        List<Field> text = fields.stream()
                .filter(f -> Character.toUpperCase(f.type) == 'C')
                .toList();
        if (text.isEmpty() || recordLength <= 0) {
            return check;
        }
        try (FileChannel channel = FileChannel.open(dbf, StandardOpenOption.READ)) {
            long records = Math.min(recordCount, Math.max(1, TextEncodings.DETECT_BYTES / recordLength));
            ByteBuffer record = ByteBuffer.allocate(recordLength);
            for (long r = 0; r < records && check.valid(); r++) {
                record.clear();
                if (channel.read(record, headerLength + r * recordLength) < recordLength) {
                    break;
                }
                byte[] bytes = record.array();
                for (Field field : text) {
                    int from = 1 + field.offset;
                    check.feed(bytes, from, Math.min(from + field.length, bytes.length), true);
                }
            }
        }
        return check;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException("the .dbf ends inside its header");
            }
            at += n;
        }
        buffer.flip();
    }
}
