package cn.yiyang.planning.layers.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.analysis.IndicatorRollup.Kind;
import cn.yiyang.planning.layers.analysis.IndicatorRollup.Part;
import cn.yiyang.planning.layers.analysis.IndicatorRollup.Weight;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The roll-up arithmetic on values worked out by hand. */
class IndicatorRollupTest {

    private static final List<Part> THREE = List.of(new Part(0.5, 2), new Part(1.0, 1), new Part(0.2, 5));

    @Test
    void aSumAddsTheValuesWhenEveryUnitHasOne() {
        IndicatorRollup sum = new IndicatorRollup(Kind.SUM, Weight.UNIT);
        assertThat(sum.apply(List.of(new Part(3, 1), new Part(4, 1)), 2)).isEqualTo(OptionalDouble.of(7));
        assertThat(sum.apply(List.of(new Part(3, 1)), 2)).as("a unit missing").isEmpty();
    }

    @Test
    void aShareIsTheSumOfNumeratorsOverTheSumOfDenominators() {
        // numerators 1 + 1 + 1 = 3 over denominators 2 + 1 + 5 = 8
        assertThat(new IndicatorRollup(Kind.SHARE, Weight.VILLAGES).apply(THREE, 3))
                .isEqualTo(OptionalDouble.of(3.0 / 8));
        assertThat(new IndicatorRollup(Kind.SHARE, Weight.VILLAGES).apply(THREE, 4))
                .as("a unit missing")
                .isEmpty();
    }

    @Test
    void aMeanIsWeightedAndCountsTheUnitsThatHaveAValue() {
        assertThat(new IndicatorRollup(Kind.MEAN, Weight.UNIT)
                        .apply(List.of(new Part(4, 1), new Part(6, 1), new Part(11, 1)), 5))
                .isEqualTo(OptionalDouble.of(7));
        assertThat(new IndicatorRollup(Kind.MEAN, Weight.VILLAGES).apply(THREE, 3))
                .isEqualTo(OptionalDouble.of(3.0 / 8));
        assertThat(new IndicatorRollup(Kind.MEAN, Weight.VILLAGES).apply(List.of(new Part(0.5, 0)), 1))
                .as("no weight")
                .isEmpty();
    }

    @Test
    void noneAndNothingEnteredGiveNoValue() {
        assertThat(IndicatorRollup.NONE.apply(THREE, 3)).isEmpty();
        assertThat(new IndicatorRollup(Kind.MEAN, Weight.UNIT).apply(List.of(), 3))
                .isEmpty();
        assertThat(Kind.byId("share")).contains(Kind.SHARE);
        assertThat(Weight.byId("townships")).contains(Weight.TOWNSHIPS);
    }
}
