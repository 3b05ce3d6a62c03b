package cn.yiyang.planning.geo.plan;

/** The kinds of 多规合一 conflict between a plan and the 三区三线. */
public enum ConflictKind {
    /** Planned construction overlaps permanent basic farmland. */
    BASIC_FARMLAND(ConstraintLayer.BASIC_FARMLAND, "规划建设用地占用永久基本农田", "planned construction on basic farmland"),
    /** Planned construction overlaps the ecological red line. */
    ECOLOGICAL_REDLINE(
            ConstraintLayer.ECOLOGICAL_REDLINE, "规划建设用地占用生态保护红线", "planned construction in the ecological red line"),
    /** Planned town-type construction outside the town development boundary. */
    OUTSIDE_TOWN_BOUNDARY(
            ConstraintLayer.TOWN_DEVELOPMENT_BOUNDARY,
            "城镇开发边界外规划城镇建设用地",
            "planned town-type construction outside the town development boundary");

    private final ConstraintLayer layer;
    private final String messageZh;
    private final String messageEn;

    ConflictKind(ConstraintLayer layer, String messageZh, String messageEn) {
        this.layer = layer;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    /** @return the constraint layer the conflict is with */
    public ConstraintLayer layer() {
        return layer;
    }

    /** @return a short Chinese description */
    public String messageZh() {
        return messageZh;
    }

    /** @return a short English description */
    public String messageEn() {
        return messageEn;
    }
}
