package cn.yiyang.planning.geo.plan;

/** The 三区三线 layers a village plan is checked against. */
public enum ConstraintLayer {
    /** 永久基本农田: planned construction must not overlap it. */
    BASIC_FARMLAND("永久基本农田", "permanent basic farmland"),
    /** 生态保护红线: planned construction must not overlap it. */
    ECOLOGICAL_REDLINE("生态保护红线", "ecological protection red line"),
    /** 城镇开发边界: planned town-type construction must lie inside it. */
    TOWN_DEVELOPMENT_BOUNDARY("城镇开发边界", "town development boundary");

    private final String labelZh;
    private final String labelEn;

    ConstraintLayer(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** @return the Chinese name */
    public String labelZh() {
        return labelZh;
    }

    /** @return the English name */
    public String labelEn() {
        return labelEn;
    }
}
