package cn.yiyang.planning.layers.catalogue;

import java.util.List;

/**
 * The code lists of the layer schema. Values are stable ASCII codes (or the official numeric codes
 * where a national standard defines them); labels come from ../shared/DOMAIN.md and the standards it
 * names. Aliases are the spellings departments' files use.
 */
public final class CodeLists {

    private CodeLists() {}

    /** 村庄分类 (village classification of the rural revitalisation strategy). */
    public static final CodeList VILLAGE_CLASS = CodeList.builder("village_class")
            .code("aggregation", "集聚提升类", "Aggregation and upgrading", "集聚提升")
            .code("suburban", "城郊融合类", "Suburban integration", "城郊融合")
            .code("heritage", "特色保护类", "Characteristic protection", "特色保护")
            .code("relocation", "搬迁撤并类", "Relocation and merger", "搬迁撤并")
            .code("undetermined", "暂不分类", "Not yet classified", "其他类", "其他", "待定")
            .build();

    /** NBS 城乡分类代码. */
    public static final CodeList URBAN_RURAL = CodeList.builder("urban_rural")
            .code("111", "主城区", "Main urban area")
            .is(CodeTrait.URBAN)
            .code("112", "城乡结合区", "Urban-rural fringe")
            .is(CodeTrait.URBAN)
            .code("121", "镇中心区", "Town centre")
            .is(CodeTrait.URBAN)
            .code("122", "镇乡结合区", "Town-rural fringe")
            .is(CodeTrait.URBAN)
            .code("123", "特殊区域", "Special area")
            .is(CodeTrait.URBAN)
            .code("210", "乡中心区", "Township centre")
            .code("220", "村庄", "Village")
            .build();

    public static final CodeList POVERTY_STATUS = CodeList.builder("poverty_status")
            .code("none", "一般户", "None", "无", "否", "一般农户")
            .code("exited", "脱贫户", "Lifted out of poverty", "脱贫", "已脱贫户")
            .code("monitored", "监测户", "Under monitoring", "监测对象", "防返贫监测户")
            .build();

    /**
     * Kinds of water supply scheme; households use the same list for their water source. The schemes serving
     * many households are {@link CodeTrait#CENTRALISED} (集中供水); dispersed wells and springs are not.
     */
    public static final CodeList WATER_KIND = CodeList.builder("water_kind")
            .code(
                    "integrated",
                    "城乡一体化",
                    "Integrated urban-rural supply",
                    "城乡供水一体化",
                    "城乡一体化供水",
                    "城乡一体化供水工程",
                    "城乡供水一体化工程")
            .is(CodeTrait.CENTRALISED, CodeTrait.THOUSAND_PLUS)
            .code(
                    "large",
                    "千人以上",
                    "Scheme serving 1,000+ people",
                    "千人以上工程",
                    "千人以上供水工程",
                    "千人以上集中供水工程",
                    "千人以上供水",
                    "千人及以上供水工程")
            .is(CodeTrait.CENTRALISED, CodeTrait.THOUSAND_PLUS)
            .code("small", "千人以下", "Scheme serving under 1,000 people", "千人以下工程", "千人以下供水工程", "千人以下集中供水工程", "千人以下供水")
            .is(CodeTrait.CENTRALISED)
            .code("dispersed", "分散供水", "Dispersed supply (wells, springs)", "分散", "分散式供水", "分散供水工程", "分散式供水工程")
            .build();

    /**
     * Administrative class of a road. National, provincial and county roads form the county-or-higher network
     * ({@link CodeTrait#ACCESS_SEED}) from which the road-access analysis grows the connected network.
     */
    public static final CodeList ROAD_ADMIN_CLASS = CodeList.builder("road_admin_class")
            .code("national", "国道", "National road", "G", "国")
            .is(CodeTrait.ACCESS_SEED)
            .code("provincial", "省道", "Provincial road", "S", "省")
            .is(CodeTrait.ACCESS_SEED)
            .code("county", "县道", "County road", "X", "县")
            .is(CodeTrait.ACCESS_SEED)
            .code("township", "乡道", "Township road", "Y", "乡")
            .code("village", "村道", "Village road", "C", "村")
            .code("group", "组道", "Natural-village road", "组", "通组路")
            .code("household", "入户路", "Household access road", "入户")
            .code("special", "专用公路", "Special-purpose road", "Z", "专用", "专用道路")
            .build();

    /**
     * Technical grade, ordered from the best (expressway) down: "class III or better" is
     * {@code ROAD_TECH_GRADE.atLeast(grade, "class3")}.
     */
    public static final CodeList ROAD_TECH_GRADE = CodeList.ordered("road_tech_grade")
            .code("expressway", "高速公路", "Expressway", "高速")
            .code("class1", "一级公路", "Class I", "一级")
            .code("class2", "二级公路", "Class II", "二级")
            .code("class3", "三级公路", "Class III", "三级")
            .code("class4", "四级公路", "Class IV", "四级")
            .code("substandard", "等外公路", "Substandard", "等外")
            .build();

    /**
     * Road surface. Asphalt and cement are {@link CodeTrait#HARDENED hardened} (硬化); gravel and earth are not.
     * Hardened surfaces and gravel are {@link CodeTrait#ALL_SEASON all-season}; earth is not (it turns to mud).
     */
    public static final CodeList ROAD_SURFACE = CodeList.builder("road_surface")
            .code("asphalt", "沥青", "Asphalt", "沥青混凝土", "柏油")
            .is(CodeTrait.HARDENED, CodeTrait.ALL_SEASON)
            .code("cement", "水泥", "Cement concrete", "水泥混凝土", "混凝土")
            .is(CodeTrait.HARDENED, CodeTrait.ALL_SEASON)
            .code("gravel", "砂石", "Gravel", "砂石路", "碎石")
            .is(CodeTrait.ALL_SEASON)
            .code("earth", "土路", "Earth", "土", "泥结")
            .build();

    public static final CodeList PASSABILITY = CodeList.builder("passability")
            .code("open", "通", "Passable", "畅通", "正常")
            .code("blocked", "不通", "Impassable", "中断", "阻断")
            .build();

    /** The state of a road segment in the latest road-access analysis (layer {@code access_road}). */
    public static final CodeList ACCESS_ROAD_STATUS = CodeList.builder("access_road_status")
            .code("network", "连通路网", "Connected network")
            .code("fragment", "孤立硬化路段", "Isolated hardened fragment")
            .code("unhardened", "未硬化", "Not hardened")
            .code("impassable", "通返不通", "Impassable (通返不通)")
            .build();

    /** What a road-access gap is (layer {@code access_gap}). */
    public static final CodeList ACCESS_GAP_KIND = CodeList.builder("access_gap_kind")
            .code("natural_village", "较大人口规模自然村", "Large natural village")
            .code("household_cluster", "未通达农户聚落", "Unserved household cluster")
            .build();

    public static final CodeList TEST_RESULT = CodeList.builder("test_result")
            .code("pass", "合格", "Pass", "达标", "检测合格", "符合", "符合标准")
            .code("fail", "不合格", "Fail", "不达标", "超标", "检测不合格", "不符合", "不符合标准", "未达标")
            .build();

    public static final CodeList SEWAGE_KIND = CodeList.builder("sewage_kind")
            .code(
                    "township_plant",
                    "乡镇污水处理厂",
                    "Township sewage plant",
                    "污水处理厂",
                    "乡镇污水厂",
                    "镇污水处理厂",
                    "乡污水处理厂",
                    "集镇污水处理厂",
                    "乡镇级污水处理厂",
                    "乡镇生活污水处理厂")
            .code(
                    "village_central",
                    "村集中处理设施",
                    "Village centralised facility",
                    "集中处理设施",
                    "村级集中式",
                    "村污水集中处理站",
                    "村级污水处理站",
                    "集中式污水处理站",
                    "村集中式污水处理设施",
                    "村级集中处理设施")
            .code("multi_household", "联户处理设施", "Multi-household facility", "联户", "联户式", "联户处理", "联户污水处理设施")
            .code("single_household", "单户处理设施", "Single-household facility", "单户", "单户式", "单户处理", "单户污水处理设施")
            .build();

    /**
     * The state of a facility. Only an operating one ({@link CodeTrait#IN_SERVICE}) serves anyone: a stopped one, one
     * under construction and a planned one do not. A facility without a status counts as operating (the facility
     * analyses decide that, since a missing value is not a code).
     */
    public static final CodeList FACILITY_STATUS = CodeList.builder("facility_status")
            .code(
                    "operating",
                    "运行",
                    "Operating",
                    "在运",
                    "正常运行",
                    "运营",
                    "正常",
                    "在用",
                    "已建成",
                    "运行中",
                    "正常运行中",
                    "已运行",
                    "投运",
                    "已投运",
                    "投入运行",
                    "使用中")
            .is(CodeTrait.IN_SERVICE)
            .code("stopped", "停运", "Stopped", "停用", "闲置", "停运中", "已停运", "停止运行", "停用中", "已停用", "暂停运行")
            .code("building", "在建", "Under construction", "建设中", "在建中", "正在建设", "施工中", "未完工")
            .code("planned", "规划", "Planned", "拟建", "规划中", "拟建中", "计划建设", "待建")
            .build();

    /** The duties of a water supply works the water analysis checks (水利局's duty list). */
    public static final CodeList WATER_DUTY = CodeList.builder("water_duty")
            .code("no_protection_zone", "未划定水源保护区", "No source protection zone")
            .code("no_disinfection", "无消毒设施", "No disinfection")
            .code("test_overdue", "水质检测超期", "Water-quality test overdue")
            .code("test_failed", "水质检测不合格", "Water-quality test failed")
            .code("over_capacity", "供水能力不足", "Serves more people than its capacity supports")
            .build();

    /** How serious a finding of an analysis is, from the most serious. */
    public static final CodeList FINDING_SEVERITY = CodeList.ordered("finding_severity")
            .code("high", "高", "High")
            .code("medium", "中", "Medium")
            .code("low", "低", "Low")
            .build();

    /** What a sewage gap is. */
    public static final CodeList SEWAGE_GAP_KIND = CodeList.builder("sewage_gap_kind")
            .code("township_no_plant", "乡镇无污水处理厂", "Township without a sewage plant")
            .code("over_capacity", "设施超负荷", "Facility over capacity")
            .code("village_untreated", "村庄污水未治理", "Village without treatment")
            .build();

    /** The treatment modes the plan prescribes for a village (三种治理模式). */
    public static final CodeList SEWAGE_MODE = CodeList.builder("sewage_mode")
            .code("connect_town", "纳入城镇污水管网", "Connect to the town network")
            .code("village_central", "村级集中处理", "Centralised village facility")
            .code("small_units", "单户或联户处理", "Single- or multi-household units")
            .build();

    /** What a cold-chain or courier gap is (一县一仓储、一乡一中心、一村一网点、建制村通物流快递). */
    public static final CodeList LOGISTICS_GAP_KIND = CodeList.builder("logistics_gap_kind")
            .code("county_no_warehouse", "县无冷链仓储", "County without a warehouse")
            .code("township_no_centre", "乡镇无冷链中心", "Township without a cold-chain centre")
            .code("village_no_outlet", "村无冷链网点", "Village without a cold-chain outlet")
            .code("village_no_courier", "村未通物流快递", "Village without courier service")
            .build();

    /** What a suggested site is for. */
    public static final CodeList SITE_PURPOSE = CodeList.builder("site_purpose")
            .code("township_centre", "乡镇冷链中心", "Township cold-chain centre")
            .code("village_outlet", "村级冷链网点", "Village cold-chain outlet")
            .code("courier_point", "快递物流网点", "Courier point")
            .code("water_work", "供水工程", "Water supply works")
            .code("sewage_facility", "污水处理设施", "Sewage facility")
            .build();

    /** Tiers of the cold-chain network, ordered from the top: county, township, village. */
    public static final CodeList COLD_CHAIN_TIER = CodeList.ordered("cold_chain_tier")
            .code(
                    "county",
                    "县级仓储",
                    "County warehouse",
                    "县级",
                    "县级冷链仓储",
                    "县",
                    "县级冷链仓储中心",
                    "县级仓储中心",
                    "县级冷链物流中心",
                    "县冷链仓储",
                    "县级冷链物流仓储中心")
            .code(
                    "township",
                    "乡镇中心",
                    "Township centre",
                    "乡镇级",
                    "乡镇冷链中心",
                    "乡镇",
                    "乡镇级冷链中心",
                    "乡镇冷链物流中心",
                    "乡镇冷链物流服务中心",
                    "乡镇级冷链物流中心")
            .code("village", "村级网点", "Village outlet", "村级", "村级服务网点", "村", "村级冷链网点", "村级冷链服务网点", "村冷链网点", "村级冷链服务站")
            // courier points listed among the sites (commerce bureaus keep one list): they belong in courier_point
            .elsewhere(
                    LayerIds.COURIER_POINT,
                    "快递网点",
                    "快递服务点",
                    "快递服务站",
                    "快递点",
                    "快递驿站",
                    "快递超市",
                    "邮政网点",
                    "村邮站",
                    "邮政快递网点",
                    "快递物流网点",
                    "物流快递网点",
                    "快递物流服务点",
                    "村级快递服务点",
                    "村级快递服务站",
                    "菜鸟驿站",
                    "电商快递服务站")
            .build();

    public static final CodeList LOGISTICS_OPERATOR = CodeList.builder("logistics_operator")
            .code("post", "邮政", "China Post", "中国邮政", "邮政快递")
            .code("coop", "供销", "Supply and marketing co-op", "供销社", "供销合作社")
            .code("enterprise", "企业", "Private enterprise", "民营企业", "快递企业")
            .build();

    /**
     * The stages of a village plan, in workflow order (未启动 → 编制中 → 待审查 → 已批复 → 已入库; 退回修改 goes back to
     * 编制中). Approved and entered plans are {@link CodeTrait#IN_FORCE in force}: they count for the plan coverage
     * rate. Older files' 审查中/报批中 read as 待审查, 修编中 (a plan being revised) as 编制中.
     */
    public static final CodeList PLAN_STATUS = CodeList.ordered("plan_status")
            .code("not_started", "未启动", "Not started", "未编制", "未开展")
            .code("compiling", "编制中", "Being compiled", "修编中", "修改中", "退回修改", "revising")
            .code("reviewing", "待审查", "Awaiting review", "审查中", "报批中", "待审批")
            .code("approved", "已批复", "Approved", "批复", "已审批")
            .is(CodeTrait.IN_FORCE)
            .code("entered", "已入库", "Entered in the one map", "入库", "已入库备案")
            .is(CodeTrait.IN_FORCE)
            .build();

    public static final CodeList PLAN_STATE = CodeList.builder("plan_state")
            .code("current", "现状", "Current", "现状用地")
            .code("planned", "规划", "Planned", "规划用地")
            .build();

    /** 《国土空间调查、规划、用途管制用地用海分类指南》(2023): the 24 classes and the sub-classes village plans use most. */
    public static final CodeList LAND_USE = CodeList.builder("land_use")
            .code("01", "耕地", "Cropland")
            .code("02", "园地", "Orchards and plantations")
            .code("03", "林地", "Forest land")
            .code("04", "草地", "Grassland")
            .code("05", "湿地", "Wetland")
            .code("06", "农业设施建设用地", "Agricultural facility land")
            .code("0601", "农村道路", "Rural roads")
            .code("060101", "村道用地", "Village road land")
            .code("0602", "设施农用地", "Farm facility land")
            .code("07", "居住用地", "Residential land")
            .code("0703", "农村宅基地", "Rural homesteads")
            .code("0704", "农村社区服务设施用地", "Rural community service land")
            .code("08", "公共管理与公共服务用地", "Public administration and services")
            .code("09", "商业服务业用地", "Commercial land")
            .code("10", "工矿用地", "Industrial and mining land")
            .code("11", "仓储用地", "Storage land")
            .code("1101", "物流仓储用地", "Logistics and warehousing land")
            .code("12", "交通运输用地", "Transport land")
            .code("1202", "公路用地", "Highway land")
            .code("13", "公用设施用地", "Public utilities land")
            .code("1301", "供水用地", "Water supply land")
            .code("1302", "排水用地", "Drainage land")
            .code("1309", "环卫用地", "Sanitation land")
            .code("14", "绿地与开敞空间用地", "Green and open space")
            .code("15", "特殊用地", "Special-use land")
            .code("16", "留白用地", "Reserved land")
            .code("17", "陆地水域", "Inland water")
            .code("18", "渔业用海", "Fishery sea use")
            .code("19", "工矿通信用海", "Industrial and communication sea use")
            .code("20", "交通运输用海", "Transport sea use")
            .code("21", "游憩用海", "Recreational sea use")
            .code("22", "特殊用海", "Special sea use")
            .code("23", "其他土地", "Other land")
            .code("24", "其他海域", "Other sea areas")
            .build();

    /** Every code list, for the catalogue API. */
    public static List<CodeList> all() {
        return List.of(
                VILLAGE_CLASS,
                URBAN_RURAL,
                POVERTY_STATUS,
                WATER_KIND,
                ROAD_ADMIN_CLASS,
                ROAD_TECH_GRADE,
                ROAD_SURFACE,
                PASSABILITY,
                ACCESS_ROAD_STATUS,
                ACCESS_GAP_KIND,
                TEST_RESULT,
                SEWAGE_KIND,
                FACILITY_STATUS,
                COLD_CHAIN_TIER,
                LOGISTICS_OPERATOR,
                WATER_DUTY,
                FINDING_SEVERITY,
                SEWAGE_GAP_KIND,
                SEWAGE_MODE,
                LOGISTICS_GAP_KIND,
                SITE_PURPOSE,
                PLAN_STATUS,
                PLAN_STATE,
                LAND_USE);
    }
}
