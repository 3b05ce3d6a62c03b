package cn.yiyang.planning.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quantile breaks with the target among them, and the class of a value. */
class ClassBreaksTest {

    @Test
    void quantilesOfTheValuesWithTheTargetAsABreak() {
        ClassBreaks b = ClassBreaks.of(List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8), 0.85);
        assertThat(b.breaks()).containsExactly(0.3, 0.5, 0.7, 0.85);
        assertThat(b.count()).isEqualTo(5);
        assertThat(b.classOf(0.1)).isZero();
        assertThat(b.classOf(0.3))
                .as("a value on a break is in the class above")
                .isEqualTo(1);
        assertThat(b.classOf(0.84)).isEqualTo(3);
        assertThat(b.classOf(0.85)).as("meets the target").isEqualTo(4);
        assertThat(b.classOf(null)).isEqualTo(-1);
    }

    @Test
    void equalValuesMakeOneClassBesideTheTargetAndNullsAreLeftOut() {
        ClassBreaks b = ClassBreaks.of(Arrays.asList(1.0, 1.0, null, 1.0), 1.0);
        assertThat(b.breaks()).containsExactly(1.0);
        assertThat(b.classOf(1.0)).isEqualTo(1);
        assertThat(ClassBreaks.of(List.of(), null).breaks()).isEmpty();
        assertThat(ClassBreaks.of(List.of(), null).classOf(0.5)).isZero();
    }
}
