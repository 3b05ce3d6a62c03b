package cn.yiyang.planning.layers.analysis;

import java.util.Map;

/** The plan's indicator targets ({@code indicator_target}), as fractions 0..1 per plan period. */
public interface IndicatorTargetRepository {

    /** Indicator id → target for the period (e.g. {@code 2021-2025}); indicators without a target are absent. */
    Map<String, Double> targets(String period);

    /** Sets (inserts or replaces) the target of an indicator for a period and says where it comes from. */
    void set(String indicator, String period, double target, String source);
}
