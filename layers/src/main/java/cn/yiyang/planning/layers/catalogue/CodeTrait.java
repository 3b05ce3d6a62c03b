package cn.yiyang.planning.layers.catalogue;

import java.util.Locale;

/**
 * A yes-or-no property that a code carries: what the value means to the rules of the plan, decided here once
 * so that the importer, the analyses and the map's styles read the same answer. Which codes carry which trait is
 * set in {@link CodeLists}.
 */
public enum CodeTrait {

    /** A hardened road surface (硬化路面): asphalt and cement concrete. */
    HARDENED,
    /**
     * A road surface passable in every season (全天候通行): the hardened surfaces and gravel; earth roads turn
     * to mud in the rainy season and are not. A road's own {@code all_season} field, where given, says more than
     * its surface.
     */
    ALL_SEASON,
    /**
     * An administrative road class of the county-or-higher network (national, provincial, county roads), from
     * which the road-access analysis grows the connected network.
     */
    ACCESS_SEED,
    /**
     * A water supply scheme that counts as centralised supply (集中供水): integrated, 1,000+ and under 1,000
     * people; dispersed wells and springs do not.
     */
    CENTRALISED,
    /**
     * A village plan stage in which the plan is in force (已批复, 已入库): such plans count for the village plan
     * coverage rate.
     */
    IN_FORCE,
    /**
     * An urban unit by the NBS urban-rural classification (城乡分类代码 1xx: 主城区 … 特殊区域, i.e. 社区 and
     * 居委会): left out of the rural population, the bus-service rate and the village plan coverage rate.
     */
    URBAN,
    /** A facility state in which it serves (运行): stopped, under construction and planned facilities serve nobody. */
    IN_SERVICE,
    /**
     * A water supply scheme serving 1,000 people or more (千人以上供水工程, and the larger integrated city-rural
     * schemes): it must have a delineated source protection zone and disinfection.
     */
    THOUSAND_PLUS;

    /** The trait's id on the wire (the layer JSON and the map element): the name in lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
