package cn.yiyang.planning.layers.catalogue;

/** The themes that group layers in the layer tree, in display order. */
public enum Theme {
    ADMINISTRATIVE("行政区划", "Administrative divisions"),
    SETTLEMENT("村庄与农户", "Settlements"),
    PLANNING("村庄规划", "Village planning"),
    ROADS("道路交通", "Roads and transport"),
    WATER("供水", "Water supply"),
    SEWAGE("污水处理", "Sewage treatment"),
    LOGISTICS("冷链物流", "Cold chain and logistics"),
    CONSTRAINTS("三区三线", "Three zones and three lines");

    private final String titleZh;
    private final String titleEn;

    Theme(String titleZh, String titleEn) {
        this.titleZh = titleZh;
        this.titleEn = titleEn;
    }

    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }
}
