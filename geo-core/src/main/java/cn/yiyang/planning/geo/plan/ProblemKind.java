package cn.yiyang.planning.geo.plan;

/** What is wrong with a plan's parcels, and how much it blocks a save. */
public enum ProblemKind {
    /** A parcel (or the plan boundary) is not a valid polygon: self-intersection, bad ring… */
    INVALID_GEOMETRY(Severity.ERROR, "几何图形无效", "invalid geometry"),
    /** Part of a parcel lies outside the plan boundary. */
    OUTSIDE_BOUNDARY(Severity.ERROR, "地块超出规划范围", "parcel outside the plan boundary"),
    /** Two parcels of the same state overlap. */
    OVERLAP(Severity.ERROR, "地块重叠", "parcels overlap"),
    /** Land inside the plan boundary that no parcel of a state covers. */
    GAP(Severity.WARNING, "地块间存在空隙", "gap between parcels");

    private final Severity severity;
    private final String messageZh;
    private final String messageEn;

    ProblemKind(Severity severity, String messageZh, String messageEn) {
        this.severity = severity;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    /** @return how much a problem of this kind blocks a save */
    public Severity severity() {
        return severity;
    }

    /** @return a short Chinese description */
    public String messageZh() {
        return messageZh;
    }

    /** @return a short English description */
    public String messageEn() {
        return messageEn;
    }

    /** How much a problem blocks a save. */
    public enum Severity {
        /** The parcels cannot be saved as they are. */
        ERROR,
        /** Saved, but shown to the planner. */
        WARNING
    }
}
