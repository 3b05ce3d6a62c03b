package cn.yiyang.planning.layers.catalogue;

/**
 * The ids of the standard catalogue's layers, for code that names a layer (a test checks that every constant
 * names a layer of {@link LayerCatalogue#standard()} and that every layer has one).
 */
public final class LayerIds {

    // 行政区划
    public static final String COUNTY = "county";
    public static final String TOWNSHIP = "township";
    public static final String TOWNSHIP_SEAT = "township_seat";
    public static final String VILLAGE = "village";
    // 村庄与农户
    public static final String NATURAL_VILLAGE = "natural_village";
    public static final String HOUSEHOLD = "household";
    // 村庄规划
    public static final String VILLAGE_PLAN = "village_plan";
    public static final String PLAN_LAND_USE = "plan_land_use";
    // 道路交通
    public static final String ROAD = "road";
    public static final String ROAD_INSPECTION = "road_inspection";
    public static final String BUS_STOP = "bus_stop";
    /** Derived: households the latest road-access run found unserved. */
    public static final String ACCESS_HOUSEHOLD = "access_household";
    /** Derived: each road's state in the latest road-access run. */
    public static final String ACCESS_ROAD = "access_road";
    /** Derived: the gaps the latest road-access run ranked. */
    public static final String ACCESS_GAP = "access_gap";
    // 供水
    public static final String WATER_WORK = "water_work";
    public static final String WATER_SERVICE_AREA = "water_service_area";
    public static final String WATER_PIPE = "water_pipe";
    public static final String WATER_QUALITY_TEST = "water_quality_test";
    // 污水处理
    public static final String SEWAGE_FACILITY = "sewage_facility";
    public static final String SEWAGE_SERVICE_AREA = "sewage_service_area";
    public static final String SEWAGE_PIPE = "sewage_pipe";
    // 冷链物流
    public static final String COLD_CHAIN_SITE = "cold_chain_site";
    public static final String COURIER_POINT = "courier_point";

    /** Results of the latest water-supply run: households without centralised supply. */
    public static final String WATER_HOUSEHOLD = "water_household";
    /** Results of the latest water-supply run: works failing a duty. */
    public static final String WATER_DUTY = "water_duty";
    /** Results of the latest sewage run: households without treatment. */
    public static final String SEWAGE_HOUSEHOLD = "sewage_household";
    /** Results of the latest sewage run: townships without a plant, facilities over capacity, untreated villages. */
    public static final String SEWAGE_GAP = "sewage_gap";
    /** Results of the latest cold-chain run: missing warehouses, centres, outlets and courier points. */
    public static final String LOGISTICS_GAP = "logistics_gap";
    /** Results of the latest water-supply run: suggested sites for new works. */
    public static final String WATER_SITE = "water_site";
    /** Results of the latest sewage run: suggested sites for new facilities. */
    public static final String SEWAGE_SITE = "sewage_site";
    /** Results of the latest cold-chain run: suggested sites for centres, outlets and courier points. */
    public static final String LOGISTICS_SITE = "logistics_site";
    /** Results of the latest sanitation run: rural villages below the sanitary-toilet target. */
    public static final String SANITATION_GAP = "sanitation_gap";
    // 三区三线
    public static final String BASIC_FARMLAND = "basic_farmland";
    public static final String ECOLOGICAL_REDLINE = "ecological_redline";
    public static final String TOWN_DEVELOPMENT_BOUNDARY = "town_development_boundary";

    private LayerIds() {}
}
