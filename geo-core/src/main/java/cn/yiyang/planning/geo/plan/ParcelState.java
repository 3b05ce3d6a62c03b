package cn.yiyang.planning.geo.plan;

/** Whether a parcel shows the land as it is or as the plan wants it. */
public enum ParcelState {
    /** 现状: the land use today. */
    CURRENT("现状", "current"),
    /** 规划: the land use the plan sets. */
    PLANNED("规划", "planned");

    private final String labelZh;
    private final String labelEn;

    ParcelState(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** @return the Chinese label, {@code 现状} or {@code 规划} */
    public String labelZh() {
        return labelZh;
    }

    /** @return the English label */
    public String labelEn() {
        return labelEn;
    }
}
