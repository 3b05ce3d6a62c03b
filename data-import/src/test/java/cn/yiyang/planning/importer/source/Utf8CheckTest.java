package cn.yiyang.planning.importer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TextEncodings.Utf8Check} says of any bytes, cut into any pieces, what the JDK's UTF-8 decoder says of them:
 * valid or not, an incomplete character at a piece's end carried over to the next piece or dropped.
 */
class Utf8CheckTest {

    /** Bytes around the edges of UTF-8: ASCII, continuations, every kind of lead, overlong and surrogate leads. */
    private static final int[] EDGES = {
        0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe4, 0xed, 0xef, 0xf0,
        0xf4, 0xf5, 0xf7, 0xf8, 0xff
    };

    @Test
    void textInEveryScriptIsValidAndGbkIsNot() {
        byte[] utf8 = "户编号,村代码 益阳 𠀀 Ω é abcdefghijklmnop\n".repeat(20).getBytes(StandardCharsets.UTF_8);
        assertThat(new TextEncodings.Utf8Check()
                        .feed(utf8, 0, utf8.length, false)
                        .valid())
                .isTrue();
        byte[] gbk = "户编号,村代码 益阳\n".getBytes(TextEncodings.GBK);
        assertThat(new TextEncodings.Utf8Check().feed(gbk, 0, gbk.length, false).valid())
                .isFalse();
        byte[] ascii = "lon,lat,code\n".getBytes(StandardCharsets.US_ASCII);
        TextEncodings.Utf8Check check = new TextEncodings.Utf8Check().feed(ascii, 0, ascii.length, false);
        assertThat(check.valid()).isTrue();
        assertThat(check.nonAscii()).isFalse();
    }

    @Test
    void anyBytesInAnyPiecesAreJudgedAsTheJdkDecoderJudgesThem() {
        Random random = new Random(20261207);
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : EDGES[random.nextInt(EDGES.length)]);
            }
            if (random.nextBoolean()) {
                // mostly valid text with one change
                String text = "a益𠀀Ωé,12345678ab".substring(random.nextInt(5));
                bytes = text.getBytes(StandardCharsets.UTF_8);
                bytes[random.nextInt(bytes.length)] = (byte) EDGES[random.nextInt(EDGES.length)];
            }
            boolean alone = random.nextBoolean();
            int cuts = random.nextInt(4);
            int[] ends = new int[cuts + 1];
            for (int c = 0; c < cuts; c++) {
                ends[c] = random.nextInt(bytes.length + 1);
            }
            ends[cuts] = bytes.length;
            Arrays.sort(ends);
            TextEncodings.Utf8Check check = new TextEncodings.Utf8Check();
            Reference reference = new Reference();
            int from = 0;
            for (int end : ends) {
                check.feed(bytes, from, end, alone);
                reference.feed(bytes, from, end, alone);
                from = end;
            }
            assertThat(check.valid())
                    .as(
                            "%s in pieces ending at %s, alone %s",
                            HexFormat.of().formatHex(bytes), Arrays.toString(ends), alone)
                    .isEqualTo(reference.valid);
            assertThat(check.nonAscii()).isEqualTo(reference.nonAscii);
        }
    }

    /** The check as it was: every piece through the JDK's decoder. */
    private static final class Reference {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer out = CharBuffer.allocate(8192);
        private final ByteBuffer carry = ByteBuffer.allocate(4);
        private boolean valid = true;
        private boolean nonAscii;

        void feed(byte[] data, int from, int to, boolean alone) {
            if (!valid) {
                return;
            }
            for (int i = from; i < to && !nonAscii; i++) {
                nonAscii = data[i] < 0;
            }
            ByteBuffer in;
            if (carry.position() > 0) {
                in = ByteBuffer.allocate(carry.position() + to - from);
                in.put(carry.flip()).put(data, from, to - from).flip();
                carry.clear();
            } else {
                in = ByteBuffer.wrap(data, from, to - from);
            }
            decoder.reset();
            while (true) {
                out.clear();
                CoderResult result = decoder.decode(in, out, false);
                if (result.isError()) {
                    valid = false;
                    return;
                }
                if (result.isUnderflow()) {
                    break;
                }
            }
            if (!alone && in.hasRemaining()) {
                carry.put(in);
            }
        }
    }
}
