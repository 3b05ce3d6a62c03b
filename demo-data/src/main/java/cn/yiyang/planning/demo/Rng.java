package cn.yiyang.planning.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic random numbers. Every stream is derived from the generator's seed and a label
 * ({@code "villages/430923121201"}), never from the draws of another stream: what one part of the
 * city looks like does not depend on how many numbers another part used, nor on the order parts
 * are generated in.
 */
final class Rng {

    private final long seed;
    private final SplittableRandom random;

    private Rng(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    static Rng of(long seed, String label) {
        return new Rng(mix(seed, label));
    }

    /** An independent stream for a sub-task, derived from this stream's seed (not from its draws). */
    Rng child(String label) {
        return new Rng(mix(seed, label));
    }

    double nextDouble() {
        return random.nextDouble();
    }

    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** 0 (inclusive) to {@code bound} (exclusive). */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** {@code from} to {@code to}, both inclusive. */
    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    double gaussian() {
        // Box-Muller on the splittable stream (java.util.Random's gaussian is not available here).
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    /** A log-normal value with this median and shape. */
    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * gaussian());
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** An index drawn with the given relative weights. */
    int weighted(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** SplitMix64 over the seed and an FNV-1a hash of the label. */
    static long mix(long seed, String label) {
        long h = 0xcbf29ce484222325L;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        long z = seed + 0x9e3779b97f4a7c15L * (h | 1);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
