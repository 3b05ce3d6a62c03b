package cn.yiyang.planning.app.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The classes of a choropleth: quantile breaks of the values (at most {@value #CLASSES} classes), with the target as
 * one more break, so that the map separates the units that meet it from those that do not.
 *
 * @param breaks the upper bounds of every class but the last, ascending (a value equal to a break falls in the class
 *               above it)
 * @param target the target, or null
 */
public record ClassBreaks(List<Double> breaks, Double target) {

    /** At most this many classes from the values (the target may add one). */
    public static final int CLASSES = 4;

    public ClassBreaks {
        breaks = List.copyOf(breaks);
    }

    /**
     * @param values the units' values (nulls ignored)
     * @param target the target, or null
     * @return quantile breaks, rounded to four decimals, with the target among them
     */
    public static ClassBreaks of(List<Double> values, Double target) {
        List<Double> sorted = values.stream().filter(Objects::nonNull).sorted().toList();
        TreeSet<Double> breaks = new TreeSet<>();
        if (!sorted.isEmpty()) {
            for (int k = 1; k < CLASSES; k++) {
                double b = sorted.get((int) Math.floor((double) k * sorted.size() / CLASSES));
                if (b > sorted.getFirst()) {
                    breaks.add(round(b));
                }
            }
        }
        if (target != null) {
            breaks.add(round(target));
        }
        return new ClassBreaks(new ArrayList<>(breaks), target);
    }

    /** @return the class of a value, 0 (lowest) to {@code breaks().size()}; -1 for none */
    public int classOf(Double value) {
        if (value == null) {
            return -1;
        }
        int c = 0;
        while (c < breaks.size() && value >= breaks.get(c) - 1e-12) {
            c++;
        }
        return c;
    }

    /** @return how many classes there are */
    public int count() {
        return breaks.size() + 1;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
