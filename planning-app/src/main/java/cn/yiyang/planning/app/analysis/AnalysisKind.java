package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.layers.catalogue.Theme;
import java.util.List;

/**
 * One kind of analysis that runs on request and keeps its runs (road access, water supply, sewage, cold chain,
 * sanitation): a Spring bean of the feature that owns it. {@link AnalysisRunner} queues, runs and stores every kind
 * the same way; {@code AnalysisController} serves them over REST; {@code ThemeAnalysisPanel} shows one on a page.
 */
public interface AnalysisKind {

    /** @return the id in URLs, lower kebab case: {@code water-supply} */
    String id();

    /** @return the kind stored with its runs ({@code analysis_run.kind}): the id in snake case */
    default String storedKind() {
        return id().replace('-', '_');
    }

    /** @return the theme whose owners may run it ({@code Permissions}: a role that owns the theme, or ADMIN) */
    Theme theme();

    /** @return the indicators its runs compute, in the order pages show them */
    List<Indicator> indicators();

    /** @return its settings with the plan's defaults; pages show them in this order */
    List<SettingSpec> settings();

    /** @return the layers it reads: their versions make a run's data version */
    List<String> inputLayers();

    /** @return the derived layers it writes (replaced by each run) */
    List<String> resultLayers();

    /**
     * Reads the layers and computes. Runs on the analysis worker, one run at a time.
     *
     * @param context the run, its settings and where to report progress
     * @return what to store
     */
    RunOutput compute(RunContext context);
}
