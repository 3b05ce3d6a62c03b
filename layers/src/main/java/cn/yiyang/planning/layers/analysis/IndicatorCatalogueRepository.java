package cn.yiyang.planning.layers.analysis;

import java.util.List;

/**
 * The indicator catalogue and its targets per plan period and group (V16), with the history of target changes.
 * {@link IndicatorTargetRepository} keeps answering the whole city's numeric targets for the analysis runs.
 */
public interface IndicatorCatalogueRepository {

    /** @return every indicator of the catalogue, in its order */
    List<CatalogueIndicator> indicators();

    /** @return the plan periods that have targets, oldest first */
    List<String> periods();

    /** @return the targets of a period, every group, ordered by indicator and group */
    List<IndicatorTarget> targets(String period);

    /**
     * Inserts or replaces targets in one transaction, and records each change (old and new value) as made by
     * {@code by} now. Targets must name indicators of the catalogue (a foreign key); ranges are the caller's to
     * check.
     */
    void saveTargets(List<IndicatorTarget> targets, String by);

    /** @return the recorded changes of targets and entries of an indicator (of all when null), newest first */
    List<IndicatorChange> changes(String indicator, int limit);
}
