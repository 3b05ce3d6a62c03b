package cn.yiyang.planning.demo;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a demo load did.
 *
 * @param scale      the scale loaded
 * @param seed       the seed it was generated with
 * @param counts     features stored per layer id, in catalogue order
 * @param generation time spent generating the city (households are generated while loading)
 * @param elapsed    total time, generation included
 */
public record DemoLoadReport(
        DemoScale scale, long seed, Map<String, Long> counts, Duration generation, Duration elapsed) {

    public DemoLoadReport {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** Always true: the loaded data are synthetic and must be labelled with {@link #notice()}. */
    public boolean synthetic() {
        return true;
    }

    /** The label for the loaded data ({@link DemoCity#NOTICE}). */
    public String notice() {
        return DemoCity.NOTICE;
    }

    /** Features stored in all layers. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
