package cn.yiyang.planning.layers.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How the values a manual indicator has at its entry level add up to a coarser unit (village → township → county →
 * city), as its catalogue row says ({@code indicator_catalogue.rollup} and {@code rollup_weight}, V23). A coarser unit's
 * value is always computed from the entry-level units inside it, never from already rolled-up values, so a mean of
 * villages is the mean of the villages, not of township means.
 *
 * @param kind   the arithmetic
 * @param weight what each entry-level unit weighs in a mean, or what a share's denominator counts
 */
public record IndicatorRollup(Kind kind, Weight weight) {

    /** Not rolled up: the value exists at the entry level only. */
    public static final IndicatorRollup NONE = new IndicatorRollup(Kind.NONE, Weight.UNIT);

    public IndicatorRollup {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(weight, "weight");
    }

    /** The arithmetic of a roll-up. */
    public enum Kind {
        /** The sum of the units' values (a count); only when every unit inside has a value that year. */
        SUM,
        /** The mean of the units' values weighted by {@link Weight} over the units that have a value that year. */
        MEAN,
        /**
         * A share: the sum of numerators over the sum of denominators, where a unit's denominator is its
         * {@link Weight} and its numerator its rate times that; only when every unit inside has a value that year.
         */
        SHARE,
        /** Not rolled up (what it would be weighted by is not stored). */
        NONE;

        /** @return the id stored in the catalogue: sum, mean, share, none */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the kind with this id */
        public static Optional<Kind> byId(String id) {
            return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
        }
    }

    /** What an entry-level unit weighs (a mean) or counts as the denominator (a share). */
    public enum Weight {
        /** Each unit once. */
        UNIT,
        /** The number of villages in the unit (the denominator of a share of villages). */
        VILLAGES,
        /** The number of townships in the unit. */
        TOWNSHIPS;

        /** @return the id stored in the catalogue: unit, villages, townships */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the weight with this id */
        public static Optional<Weight> byId(String id) {
            return Arrays.stream(values()).filter(w -> w.id().equals(id)).findFirst();
        }
    }

    /**
     * One entry-level unit's value of one year with its weight.
     *
     * @param value  the value entered
     * @param weight its weight ({@link Weight})
     */
    public record Part(double value, double weight) {}

    /**
     * @param parts the values of one year of the entry-level units inside the coarser unit that have one
     * @param units how many entry-level units lie inside it (with or without a value)
     * @return the coarser unit's value, or empty when it is not rolled up, nothing is entered, a sum or share misses a
     *     unit (a partial sum would read as a fall), or the weights add up to nothing
     */
    public OptionalDouble apply(List<Part> parts, int units) {
        if (kind == Kind.NONE || parts.isEmpty()) {
            return OptionalDouble.empty();
        }
        if ((kind == Kind.SUM || kind == Kind.SHARE) && parts.size() < units) {
            return OptionalDouble.empty();
        }
        if (kind == Kind.SUM) {
            return OptionalDouble.of(parts.stream().mapToDouble(Part::value).sum());
        }
        double weights = parts.stream().mapToDouble(Part::weight).sum();
        if (!(weights > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(
                parts.stream().mapToDouble(p -> p.value() * p.weight()).sum() / weights);
    }
}
