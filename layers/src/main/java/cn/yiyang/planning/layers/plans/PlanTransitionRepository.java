package cn.yiyang.planning.layers.plans;

import java.util.List;

/** The workflow timeline of village plans ({@code plan_transition}, V9): appended to, never changed. */
public interface PlanTransitionRepository {

    /**
     * Stores a step, at the time it names or, when it names none, now.
     *
     * @return the step as stored, with its id and time
     */
    PlanTransition add(PlanTransition transition);

    /** The plan's steps, oldest first. */
    List<PlanTransition> of(String planCode);
}
