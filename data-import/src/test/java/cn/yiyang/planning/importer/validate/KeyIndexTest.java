package cn.yiyang.planning.importer.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyIndexTest {

    @Test
    void remembersTheFirstRowOfEachKeyThroughGrowth() {
        KeyIndex keys = new KeyIndex(4);
        for (int i = 1; i <= 200_000; i++) {
            assertThat(keys.putIfAbsent("C" + i, i)).isEqualTo(-1);
        }
        assertThat(keys.size()).isEqualTo(200_000);
        assertThat(keys.putIfAbsent("C1", 999_999)).isEqualTo(1);
        assertThat(keys.putIfAbsent("C123456", 5)).isEqualTo(123_456);
        assertThat(keys.contains("C200000")).isTrue();
        assertThat(keys.contains("C200001")).isFalse();
        assertThat(keys.contains("")).isFalse();
        keys.add("");
        assertThat(keys.contains("")).isTrue();
        assertThat(keys.putIfAbsent("", 3)).isZero();
    }

    @Test
    void fingerprintsOfSimilarKeysDiffer() {
        assertThat(KeyIndex.fingerprint("430921100201")).isNotEqualTo(KeyIndex.fingerprint("430921100210"));
        assertThat(KeyIndex.fingerprint("ab")).isNotEqualTo(KeyIndex.fingerprint("ba"));
        assertThat(KeyIndex.fingerprint("")).isNotZero();
    }
}
