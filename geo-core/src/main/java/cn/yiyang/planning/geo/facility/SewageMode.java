package cn.yiyang.planning.geo.facility;

import java.util.Locale;

/** The treatment modes the plan prescribes for a village (三种治理模式; code list {@code sewage_mode}). */
public enum SewageMode {
    /** 纳入城镇污水管网: near a township plant with spare capacity. */
    CONNECT_TOWN,
    /** 村级集中处理: households clustered densely enough for one village facility. */
    VILLAGE_CENTRAL,
    /** 单户或联户处理: dispersed households. */
    SMALL_UNITS;

    /** @return the code: connect_town, village_central, small_units */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
