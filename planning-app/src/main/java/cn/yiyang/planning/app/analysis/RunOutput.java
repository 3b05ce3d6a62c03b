package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.layers.feature.Feature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run computed, for {@link AnalysisRunner} to store: the indicators of every unit and group, the rows of each
 * result layer (each replaces the layer's content), the summary in figures, and the data problems met.
 *
 * @param indicators the indicators (targets are added by the runner)
 * @param layers result layer id → its rows ({@code run_id} is set by the runner); every result layer of the kind
 * @param summary figures (JSON-able values), in the order the API shows them
 * @param problems data problems, at most {@link #MAX_PROBLEMS} are kept (the summary counts all)
 */
public record RunOutput(
        List<UnitIndicator> indicators,
        Map<String, List<Feature>> layers,
        Map<String, Object> summary,
        List<RunProblem> problems) {

    /** A run keeps this many problems; more are counted in its summary only. */
    public static final int MAX_PROBLEMS = 1000;

    public RunOutput {
        indicators = List.copyOf(indicators);
        layers = new LinkedHashMap<>(layers);
        summary = new LinkedHashMap<>(summary);
        problems = List.copyOf(problems);
    }
}
