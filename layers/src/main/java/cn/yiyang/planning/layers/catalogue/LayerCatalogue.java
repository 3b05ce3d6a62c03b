package cn.yiyang.planning.layers.catalogue;

import static cn.yiyang.planning.layers.catalogue.Fields.bool;
import static cn.yiyang.planning.layers.catalogue.Fields.code;
import static cn.yiyang.planning.layers.catalogue.Fields.date;
import static cn.yiyang.planning.layers.catalogue.Fields.decimal;
import static cn.yiyang.planning.layers.catalogue.Fields.integer;
import static cn.yiyang.planning.layers.catalogue.Fields.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The layer schema, defined once: every thematic layer with its titles, geometry, fields, code
 * lists, required fields and the Chinese aliases that source files use. The Flyway migrations
 * create exactly these tables (a test checks the migrated database against this catalogue).
 */
public final class LayerCatalogue {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final LayerCatalogue STANDARD = new LayerCatalogue(standardLayers());

    private final Map<String, LayerDef> layers = new LinkedHashMap<>();

    /** A catalogue of these layers (the standard one, or a test's). */
    LayerCatalogue(List<LayerDef> defs) {
        for (LayerDef d : defs) {
            check(d.id());
            d.fields().forEach(f -> check(f.name()));
            if (layers.put(d.id(), d) != null) {
                throw new IllegalArgumentException("duplicate layer id " + d.id());
            }
        }
        layers.values().forEach(this::checkFromDescribed);
    }

    /**
     * A field taken from the described feature ({@link FieldDef#fromDescribed}) needs a layer that describes another
     * one, is not its key, and has its twin there: the same name, type and personal-data flag.
     */
    private void checkFromDescribed(LayerDef layer) {
        for (FieldDef f : layer.fields()) {
            if (!f.fromDescribed()) {
                continue;
            }
            String where = "layer " + layer.id() + ", field " + f.name() + ": ";
            LayerDef described = layer.describes()
                    .map(layers::get)
                    .orElseThrow(() -> new IllegalArgumentException(where + "the layer describes no other layer"));
            FieldDef twin = described
                    .field(f.name())
                    .orElseThrow(() -> new IllegalArgumentException(where + described.id() + " has no such field"));
            if (f.name().equals(layer.keyField()) || twin.type() != f.type() || twin.personal() != f.personal()) {
                throw new IllegalArgumentException(where + "not the same field as " + described.id() + "'s");
            }
        }
    }

    /** The catalogue of this product's layers. */
    public static LayerCatalogue standard() {
        return STANDARD;
    }

    public List<LayerDef> layers() {
        return List.copyOf(layers.values());
    }

    /** The layers of source data, which imports and the demo data write (every layer but the derived ones). */
    public List<LayerDef> sourceLayers() {
        return layers.values().stream().filter(l -> !l.derived()).toList();
    }

    public Optional<LayerDef> find(String id) {
        return Optional.ofNullable(layers.get(id));
    }

    /** The layer with this id; throws {@link UnknownLayerException} if there is none. */
    public LayerDef get(String id) {
        LayerDef d = layers.get(id);
        if (d == null) {
            throw new UnknownLayerException(id);
        }
        return d;
    }

    private static void check(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + identifier);
        }
    }

    private static LayerDef layer(
            String id, Theme theme, String zh, String en, GeometryKind g, String key, Fields... fields) {
        return new LayerDef(
                id,
                theme,
                zh,
                en,
                g,
                key,
                Arrays.stream(fields).map(Fields::build).toList(),
                false);
    }

    /** A layer an analysis writes (never imported): no aliases, nothing required but the key. */
    private static LayerDef derived(
            String id, Theme theme, String zh, String en, GeometryKind g, String key, Fields... fields) {
        return new LayerDef(
                id,
                theme,
                zh,
                en,
                g,
                key,
                Arrays.stream(fields).map(Fields::build).toList(),
                true);
    }

    private static Fields runId() {
        return text("run_id", "分析批次", "Analysis run");
    }

    private static Fields villageCode() {
        return text("village_code", "行政村代码", "Village code")
                .refs("village")
                .aka("村代码", "行政村代码", "村级代码", "行政区代码", "统计用区划代码", "CJQYDM", "CUNDM");
    }

    private static Fields townshipCode() {
        return text("township_code", "乡镇代码", "Township code").refs("township").aka("乡镇代码", "乡镇级代码", "XZDM", "XIANGDM");
    }

    private static Fields countyCode() {
        return text("county_code", "县级代码", "County code").refs("county").aka("县代码", "县级代码", "区县代码", "XDM");
    }

    private static Fields name(String zh, String... aliases) {
        return text("name", zh, "Name").aka(aliases);
    }

    private static Fields featureCode(String zh, String en, String... aliases) {
        return text("code", zh, en).required().aka(aliases);
    }

    private static List<LayerDef> standardLayers() {
        List<LayerDef> all = new ArrayList<>();
        all.addAll(administrativeLayers());
        all.addAll(settlementLayers());
        all.addAll(planningLayers());
        all.addAll(roadLayers());
        all.addAll(roadAccessResultLayers());
        all.addAll(waterLayers());
        all.addAll(sewageLayers());
        all.addAll(logisticsLayers());
        all.addAll(facilityResultLayers());
        all.addAll(constraintLayers());
        return all;
    }

    /** 行政区划: Administrative divisions. */
    private static List<LayerDef> administrativeLayers() {
        return List.of(
                layer(
                        "county",
                        Theme.ADMINISTRATIVE,
                        "县级行政区",
                        "Counties",
                        GeometryKind.MULTIPOLYGON,
                        "code",
                        featureCode("县级代码", "County code", "行政区代码", "区划代码", "XZQDM"),
                        name("县级名称", "名称", "县名", "行政区名称", "XZQMC").required()),
                layer(
                        "township",
                        Theme.ADMINISTRATIVE,
                        "乡镇（街道）",
                        "Townships",
                        GeometryKind.MULTIPOLYGON,
                        "code",
                        featureCode("乡镇代码", "Township code", "乡镇代码", "行政区代码", "区划代码", "XZQDM"),
                        name("乡镇名称", "名称", "乡镇名", "XZQMC").required(),
                        countyCode().required()),
                layer(
                        "township_seat",
                        Theme.ADMINISTRATIVE,
                        "乡镇驻地",
                        "Township seats",
                        GeometryKind.POINT,
                        "township_code",
                        townshipCode().required(),
                        name("驻地名称", "名称", "驻地")),
                layer(
                        "village",
                        Theme.ADMINISTRATIVE,
                        "行政村（社区）",
                        "Administrative villages",
                        GeometryKind.MULTIPOLYGON,
                        "code",
                        featureCode("村代码", "Village code", "村代码", "行政村代码", "统计用区划代码", "行政区代码", "CJQYDM"),
                        name("村名称", "村名", "名称", "行政村名称", "CJQYMC").required(),
                        townshipCode().required(),
                        bool("poverty_exited", "脱贫村", "Exited poverty").aka("是否脱贫村", "脱贫村"),
                        bool("key_support", "重点帮扶村", "Key-support village").aka("是否重点帮扶村", "重点帮扶村"),
                        bool("demonstration", "示范创建村", "Demonstration village").aka("是否示范创建村", "示范创建村", "示范村"),
                        code("village_class", "村庄分类", "Village class", CodeLists.VILLAGE_CLASS)
                                .aka("村庄类型", "村庄分类", "CZFL", "CZLX"),
                        code("urban_rural_code", "城乡分类代码", "Urban-rural class", CodeLists.URBAN_RURAL)
                                .aka("城乡分类代码", "城乡分类", "CXFLDM"),
                        integer("population", "户籍人口", "Population").aka("人口", "户籍人口", "总人口", "RK"),
                        integer("households", "户数", "Households").aka("户数", "总户数", "HS"),
                        decimal("collective_income", "村集体经济年收入（万元）", "Collective income (10k CNY/yr)")
                                .aka("村集体经济收入", "集体经济收入", "村集体经济年收入"),
                        bool("has_cultural_centre", "综合性文化服务中心", "Has cultural service centre")
                                .aka("文化服务中心", "综合文化服务中心", "有无文化中心")));
    }

    /** 村庄与农户: Natural villages and households. */
    private static List<LayerDef> settlementLayers() {
        return List.of(
                layer(
                        "natural_village",
                        Theme.SETTLEMENT,
                        "自然村（组）",
                        "Natural villages",
                        GeometryKind.POINT,
                        "code",
                        featureCode(
                                "自然村编号", "Natural village code", "自然村代码", "自然村编号", "组编号", "村民小组代码", "ZRCBM", "ZRCDM"),
                        name("自然村名称", "自然村名称", "组名", "名称"),
                        villageCode().required(),
                        integer("households", "户数", "Households").aka("户数", "总户数"),
                        integer("population", "人口", "Population").aka("人口", "户籍人口")),
                layer(
                        "household",
                        Theme.SETTLEMENT,
                        "农户",
                        "Households",
                        GeometryKind.POINT,
                        "code",
                        featureCode("农户编号", "Household code", "户编号", "户代码", "农户编号", "户主编号", "HBH", "HDM", "NHBH"),
                        villageCode().required(),
                        text("natural_village_code", "自然村编号", "Natural village code")
                                .refs("natural_village")
                                .aka("自然村代码", "自然村编号", "组编号"),
                        integer("population", "家庭人口", "Members").aka("家庭人口", "人口", "人数"),
                        bool("sanitary_toilet", "卫生厕所", "Sanitary toilet").aka("卫生厕所", "是否卫生厕所", "改厕"),
                        code("poverty_status", "脱贫属性", "Poverty status", CodeLists.POVERTY_STATUS)
                                .aka("脱贫属性", "帮扶类型", "户类型")
                                .personal(),
                        code("water_source", "饮水来源", "Water source", CodeLists.WATER_KIND)
                                .aka("饮水来源", "供水方式")));
    }

    /** 村庄规划: Village plans. */
    private static List<LayerDef> planningLayers() {
        return List.of(
                layer(
                        "village_plan",
                        Theme.PLANNING,
                        "村庄规划",
                        "Village plans",
                        GeometryKind.MULTIPOLYGON,
                        "code",
                        featureCode("规划编号", "Plan code", "规划编号", "项目编号", "GHBH", "规划编码"),
                        name("规划名称", "规划名称", "项目名称", "GHMC").required(),
                        text("village_codes", "涉及行政村代码", "Villages covered")
                                .required()
                                .aka("涉及村", "涉及行政村", "村代码"),
                        code("status", "规划状态", "Status", CodeLists.PLAN_STATUS)
                                .required()
                                .aka("规划状态", "状态"),
                        text("compiling_unit", "编制单位", "Compiling unit").aka("编制单位", "编制机构"),
                        text("period", "规划期限", "Plan period").aka("规划期限", "规划期"),
                        date("due_on", "计划批复日期", "Due for approval").aka("计划批复日期", "计划完成日期", "完成时限"),
                        text("document_number", "批复文号", "Approval document").aka("批复文号", "文号"),
                        date("approved_on", "批复日期", "Approval date").aka("批复日期", "批复时间"),
                        text("approving_authority", "批复机关", "Approving authority")
                                .aka("批复机关", "审批机关", "批复单位")),
                layer(
                        "plan_land_use",
                        Theme.PLANNING,
                        "规划用地",
                        "Plan land use",
                        GeometryKind.MULTIPOLYGON,
                        null,
                        text("plan_code", "规划编号", "Plan code")
                                .required()
                                .refs("village_plan")
                                .aka("规划编号"),
                        code("land_use_code", "用地用海分类", "Land-use class", CodeLists.LAND_USE)
                                .required()
                                .aka("用地用海代码", "用地用海分类代码", "地类编码", "YDYHFLDM", "DLBM", "YDYHDM", "规划地类编码", "GHDLBM"),
                        code("state", "现状/规划", "Current or planned", CodeLists.PLAN_STATE)
                                .required()
                                .aka("现状规划", "类型")));
    }

    /** 道路交通: Roads. */
    private static List<LayerDef> roadLayers() {
        return List.of(
                layer(
                        "road",
                        Theme.ROADS,
                        "农村公路",
                        "Roads",
                        GeometryKind.MULTILINESTRING,
                        "code",
                        // 路线编码 (LXBM) names a route, not a segment: it is route_code, and the key follows from it
                        featureCode("路段编码", "Segment code", "路段编码", "路段代码", "路段编号", "LDBM", "LDDM"),
                        name("道路名称", "道路名称", "路线名称", "路名", "LXMC", "路段名称", "LDMC", "RoadName"),
                        code("admin_class", "行政等级", "Administrative class", CodeLists.ROAD_ADMIN_CLASS)
                                .required()
                                .aka("行政等级", "XZDJ", "公路行政等级", "AdminClass"),
                        code("tech_grade", "技术等级", "Technical grade", CodeLists.ROAD_TECH_GRADE)
                                .aka("技术等级", "JSDJ", "公路技术等级", "TechGrade"),
                        code("surface", "路面类型", "Surface", CodeLists.ROAD_SURFACE)
                                .aka("路面类型", "面层类型", "LMLX", "路面结构", "面层材料", "Surface"),
                        bool("hardened", "是否硬化", "Hardened").aka("是否硬化", "硬化"),
                        decimal("width", "路面宽度（米）", "Width (m)").aka("路面宽度", "宽度", "LMKD", "路面宽", "RoadWidth"),
                        bool("all_season", "全天候通行", "All-season")
                                .aka("全天候通行", "全年通行", "晴雨通车", "是否晴雨通车", "QYTC", "AllSeason"),
                        bool("bus_route", "通客车线路", "Bus route").aka("通客车", "客运线路", "公交线路", "是否通客车", "TKC", "BusRoute"),
                        bool("street_lighting", "路灯", "Street lighting").aka("路灯", "有无路灯"),
                        text("maintainer", "养护单位", "Maintainer").aka("养护单位", "管养单位", "GYDW", "YHDW"),
                        text("route_code", "路线编码", "Route code")
                                .aka("路线编码", "路线代码", "路线编号", "路线号", "LXBM", "LXDM", "ROADCODE", "RouteCode"),
                        integer("segment_seq", "路段序号", "Segment number").aka("路段序号", "段序号", "序号", "LDXH", "XH", "SEQ"),
                        text("start_stake", "起点桩号", "Start stake").aka("起点桩号", "起始桩号", "起点桩号(km)", "QDZH", "QDZH1")),
                layer(
                        "road_inspection",
                        Theme.ROADS,
                        "通返不通巡查",
                        "Road inspections",
                        GeometryKind.NONE,
                        null,
                        // a segment's key, or a route code (路线编码): the route's segments, picked by the stakes if given
                        text("road_code", "路段或路线编码", "Segment or route code")
                                .required()
                                .refs("road", "route_code")
                                .aka("路段编码", "路线编码"),
                        date("inspected_on", "巡查日期", "Inspection date")
                                .required()
                                .aka("巡查日期", "检查日期"),
                        code("status", "通行状态", "Status", CodeLists.PASSABILITY)
                                .required()
                                .aka("通行状态", "状态"),
                        text("cause", "不通原因", "Cause").aka("不通原因", "原因"),
                        date("closed_on", "销号日期", "Closed on").aka("销号日期", "销号时间"),
                        text("stake_from", "桩号", "Stake").aka("桩号", "巡查桩号", "起点桩号", "起始桩号", "ZH", "QDZH"),
                        text("stake_to", "止点桩号", "Stake to").aka("止点桩号", "终点桩号", "讫点桩号", "ZDZH")),
                layer(
                        "bus_stop",
                        Theme.ROADS,
                        "客运站点",
                        "Bus stops",
                        GeometryKind.POINT,
                        "code",
                        featureCode("站点编号", "Stop code", "站点编号", "站点代码"),
                        name("站点名称", "站点名称", "站名"),
                        villageCode()));
    }

    /** 道路交通: Results of the latest road-access run (derived, written by the analysis). */
    private static List<LayerDef> roadAccessResultLayers() {
        return List.of(
                derived(
                        "access_household",
                        Theme.ROADS,
                        "未通达农户",
                        "Unserved households",
                        GeometryKind.POINT,
                        "code",
                        text("code", "农户编号", "Household code").required().refs("household"),
                        text("village_code", "行政村代码", "Village code")
                                .refs("village")
                                .fromDescribed(),
                        text("natural_village_code", "自然村编号", "Natural village code")
                                .fromDescribed(),
                        integer("population", "家庭人口", "Members").fromDescribed(),
                        decimal("distance_m", "到路网距离（米）", "Distance to the network (m)"),
                        decimal("network_distance_m", "沿路到路网距离（米）", "Distance along roads to the network (m)"),
                        runId()),
                derived(
                        "access_road",
                        Theme.ROADS,
                        "道路连通状态",
                        "Road network status",
                        GeometryKind.MULTILINESTRING,
                        "code",
                        text("code", "路段编码", "Segment code").required().refs("road"),
                        text("name", "道路名称", "Name").fromDescribed(),
                        code("status", "连通状态", "Status", CodeLists.ACCESS_ROAD_STATUS),
                        runId()),
                derived(
                        "access_gap",
                        Theme.ROADS,
                        "通达缺口",
                        "Road access gaps",
                        GeometryKind.POINT,
                        "code",
                        text("code", "缺口编号", "Gap code").required(),
                        integer("rank", "排序", "Rank"),
                        code("kind", "缺口类型", "Kind", CodeLists.ACCESS_GAP_KIND),
                        text("name", "名称", "Name"),
                        text("natural_village_code", "自然村编号", "Natural village code"),
                        text("village_code", "行政村代码", "Village code"),
                        text("township_code", "乡镇代码", "Township code"),
                        text("county_code", "县级代码", "County code"),
                        integer("households", "户数", "Households"),
                        integer("population", "人口", "Population"),
                        decimal("distance_m", "到路网距离（米）", "Distance to the network (m)"),
                        decimal("network_distance_m", "沿路到路网距离（米）", "Distance along roads to the network (m)"),
                        decimal("road_km", "需建道路（公里）", "Road to build (km)"),
                        decimal("people_per_km", "每公里受益人口", "People served per km"),
                        decimal("nearest_lon", "最近路网点经度", "Nearest network point longitude"),
                        decimal("nearest_lat", "最近路网点纬度", "Nearest network point latitude"),
                        runId()));
    }

    /** 供水: Water supply. */
    private static List<LayerDef> waterLayers() {
        return List.of(
                layer(
                        "water_work",
                        Theme.WATER,
                        "供水工程",
                        "Water supply works",
                        GeometryKind.POINT,
                        "code",
                        featureCode(
                                "工程编号", "Works code", "工程编号", "水厂编号", "工程代码", "工程编码", "供水工程编码", "GCBM", "GCBH", "GCDM"),
                        name("工程名称", "工程名称", "水厂名称", "供水工程名称", "GCMC").required(),
                        code("kind", "工程类型", "Kind", CodeLists.WATER_KIND)
                                .required()
                                .aka("工程类型", "供水类型", "工程规模类型", "工程规模", "供水工程类型", "工程类别", "GCLX", "工程形式"),
                        decimal("capacity_m3d", "设计供水规模（m³/d）", "Capacity (m³/d)")
                                .aka("设计供水规模", "供水规模", "日供水能力"),
                        integer("served_population", "受益人口", "Served population")
                                .aka("受益人口", "供水人口", "设计供水人口", "覆盖人口", "SYRK", "GSRK"),
                        bool("disinfection", "消毒设施", "Disinfection").aka("消毒设施", "是否消毒", "有无消毒设备"),
                        bool("protection_zone", "水源保护区已划定", "Source protection zone delineated")
                                .aka("水源保护区划定", "是否划定保护区", "保护区划定"),
                        code("status", "运行状态", "Status", CodeLists.FACILITY_STATUS)
                                .aka("运行状态", "工程状态", "状态", "运营状态", "建设状态", "工程运行状态"),
                        date("last_tested_on", "最近水质检测日期", "Last water-quality test")
                                .aka(
                                        "最近检测日期",
                                        "最近水质检测日期",
                                        "上次检测日期",
                                        "水质检测日期",
                                        "检测日期",
                                        "上次水质检测时间",
                                        "上次水质检测日期",
                                        "最近水质检测时间",
                                        "最近检测时间",
                                        "末次检测日期",
                                        "检测时间",
                                        "最近检测日",
                                        "水质检测日",
                                        "上次检测日"),
                        code("last_test_result", "最近检测结果", "Last test result", CodeLists.TEST_RESULT)
                                .aka("最近检测结果", "检测结果", "水质检测结果", "上次检测结果", "最近水质检测结果", "检测结论", "水质状况"),
                        countyCode()),
                layer(
                        "water_service_area",
                        Theme.WATER,
                        "供水范围",
                        "Water service areas",
                        GeometryKind.MULTIPOLYGON,
                        null,
                        text("water_work_code", "工程编号", "Works code")
                                .required()
                                .refs("water_work")
                                .aka("工程编号", "水厂编号"),
                        name("范围名称", "名称")),
                layer(
                        "water_pipe",
                        Theme.WATER,
                        "供水管网",
                        "Water mains",
                        GeometryKind.MULTILINESTRING,
                        null,
                        text("water_work_code", "工程编号", "Works code")
                                .refs("water_work")
                                .aka("工程编号", "水厂编号"),
                        decimal("diameter_mm", "管径（毫米）", "Diameter (mm)").aka("管径", "DN"),
                        text("material", "管材", "Material").aka("管材", "材质")),
                layer(
                        "water_quality_test",
                        Theme.WATER,
                        "水质检测",
                        "Water quality tests",
                        GeometryKind.NONE,
                        null,
                        text("water_work_code", "工程编号", "Works code")
                                .required()
                                .refs("water_work")
                                .aka("工程编号", "水厂编号"),
                        date("tested_on", "检测日期", "Test date").required().aka("检测日期", "采样日期", "检测时间", "采样时间", "水质检测日期"),
                        code("result", "检测结果", "Result", CodeLists.TEST_RESULT)
                                .required()
                                .aka("检测结果", "结论", "检测结论", "水质检测结果", "评价结论")));
    }

    /** 污水处理: Sewage. */
    private static List<LayerDef> sewageLayers() {
        return List.of(
                layer(
                        "sewage_facility",
                        Theme.SEWAGE,
                        "污水处理设施",
                        "Sewage facilities",
                        GeometryKind.POINT,
                        "code",
                        featureCode("设施编号", "Facility code", "设施编号", "设施代码", "设施编码", "SSBM", "SSBH"),
                        name("设施名称", "设施名称", "名称", "SSMC", "处理设施名称").required(),
                        code("kind", "设施类型", "Kind", CodeLists.SEWAGE_KIND)
                                .required()
                                .aka("设施类型", "处理模式", "处理方式", "治理模式", "设施类别"),
                        code("status", "运行状态", "Status", CodeLists.FACILITY_STATUS)
                                .required()
                                .aka("运行状态", "状态", "运营状态", "建设状态", "设施状态"),
                        decimal("capacity_m3d", "处理规模（m³/d）", "Capacity (m³/d)")
                                .aka("处理规模", "设计规模", "设计处理规模", "CLGM", "SJGM"),
                        townshipCode(),
                        villageCode()),
                layer(
                        "sewage_service_area",
                        Theme.SEWAGE,
                        "污水收集范围",
                        "Sewage service areas",
                        GeometryKind.MULTIPOLYGON,
                        null,
                        text("facility_code", "设施编号", "Facility code")
                                .required()
                                .refs("sewage_facility")
                                .aka("设施编号"),
                        name("范围名称", "名称")),
                layer(
                        "sewage_pipe",
                        Theme.SEWAGE,
                        "污水管网",
                        "Sewage pipes",
                        GeometryKind.MULTILINESTRING,
                        null,
                        text("facility_code", "设施编号", "Facility code")
                                .refs("sewage_facility")
                                .aka("设施编号"),
                        decimal("diameter_mm", "管径（毫米）", "Diameter (mm)").aka("管径", "DN")));
    }

    /** 冷链物流: Cold chain and logistics. */
    private static List<LayerDef> logisticsLayers() {
        return List.of(
                layer(
                        "cold_chain_site",
                        Theme.LOGISTICS,
                        "冷链物流节点",
                        "Cold-chain sites",
                        GeometryKind.POINT,
                        "code",
                        featureCode("节点编号", "Site code", "节点编号", "网点编号"),
                        name("节点名称", "节点名称", "网点名称", "名称").required(),
                        code("tier", "层级", "Tier", CodeLists.COLD_CHAIN_TIER)
                                .required()
                                .aka("层级", "节点层级", "级别", "节点类型", "网点类型", "站点类型", "类型", "类别"),
                        code("operator", "运营主体", "Operator", CodeLists.LOGISTICS_OPERATOR)
                                .aka("运营主体", "运营单位"),
                        decimal("cold_storage_t", "冷库库容（吨）", "Cold storage (t)").aka("冷库库容", "冷库容量", "库容"),
                        code("status", "运行状态", "Status", CodeLists.FACILITY_STATUS)
                                .aka("运行状态", "状态", "运营状态", "建设状态", "设施状态"),
                        countyCode(),
                        townshipCode(),
                        villageCode()),
                layer(
                        "courier_point",
                        Theme.LOGISTICS,
                        "快递物流网点",
                        "Courier points",
                        GeometryKind.POINT,
                        "code",
                        featureCode("网点编号", "Point code", "网点编号"),
                        name("网点名称", "网点名称", "名称"),
                        code("operator", "运营主体", "Operator", CodeLists.LOGISTICS_OPERATOR)
                                .aka("运营主体", "快递品牌"),
                        villageCode().required()));
    }

    /**
     * Results of the latest facility runs (derived, written by the water-supply, sewage and cold-chain analyses):
     * uncovered households, failing facilities and gaps, and suggested sites. Rows of gaps carry the units they lie in
     * and their village's groups, so that lists filter by county, township, group and severity.
     */
    private static List<LayerDef> facilityResultLayers() {
        return List.of(
                derived(
                        "water_household",
                        Theme.WATER,
                        "未集中供水农户",
                        "Households without centralised supply",
                        GeometryKind.POINT,
                        "code",
                        text("code", "农户编号", "Household code").required().refs("household"),
                        text("village_code", "行政村代码", "Village code")
                                .refs("village")
                                .fromDescribed(),
                        text("township_code", "乡镇代码", "Township code"),
                        text("county_code", "县级代码", "County code"),
                        code("poverty_status", "脱贫属性", "Poverty status", CodeLists.POVERTY_STATUS)
                                .personal()
                                .fromDescribed(),
                        integer("population", "家庭人口", "Members").fromDescribed(),
                        decimal("distance_m", "到供水管网距离（米）", "Distance to a main (m)"),
                        runId()),
                derived(
                        "water_duty",
                        Theme.WATER,
                        "供水工程履职问题",
                        "Water works duties not met",
                        GeometryKind.POINT,
                        "code",
                        text("code", "问题编号", "Finding code").required(),
                        text("work_code", "工程编号", "Works code").refs("water_work"),
                        text("name", "工程名称", "Works name"),
                        code("kind", "工程类型", "Kind", CodeLists.WATER_KIND),
                        code("duty", "问题类型", "Duty", CodeLists.WATER_DUTY),
                        code("severity", "严重程度", "Severity", CodeLists.FINDING_SEVERITY),
                        text("detail", "说明", "Detail"),
                        date("last_tested_on", "最近检测日期", "Last test"),
                        integer("served_population", "供水人口", "Population served"),
                        integer("capacity_population", "可供水人口", "Population the capacity supports"),
                        text("township_code", "乡镇代码", "Township code"),
                        text("county_code", "县级代码", "County code"),
                        runId()),
                derived(
                        "sewage_household",
                        Theme.SEWAGE,
                        "生活污水未处理农户",
                        "Households without sewage treatment",
                        GeometryKind.POINT,
                        "code",
                        text("code", "农户编号", "Household code").required().refs("household"),
                        text("village_code", "行政村代码", "Village code")
                                .refs("village")
                                .fromDescribed(),
                        text("township_code", "乡镇代码", "Township code"),
                        text("county_code", "县级代码", "County code"),
                        integer("population", "家庭人口", "Members").fromDescribed(),
                        runId()),
                derived(
                        "sewage_gap",
                        Theme.SEWAGE,
                        "污水治理缺口",
                        "Sewage gaps",
                        GeometryKind.POINT,
                        "code",
                        text("code", "缺口编号", "Gap code").required(),
                        code("kind", "缺口类型", "Kind", CodeLists.SEWAGE_GAP_KIND),
                        code("severity", "严重程度", "Severity", CodeLists.FINDING_SEVERITY),
                        text("name", "名称", "Name"),
                        code("mode", "建议治理模式", "Recommended mode", CodeLists.SEWAGE_MODE),
                        text("reason", "依据", "Reasoning"),
                        text("facility_code", "设施编号", "Facility code"),
                        integer("households", "户数", "Households"),
                        integer("population", "人口", "Population"),
                        text("village_code", "行政村代码", "Village code"),
                        text("township_code", "乡镇代码", "Township code"),
                        text("county_code", "县级代码", "County code"),
                        bool("key_support", "重点帮扶村", "Key-support village"),
                        bool("demonstration", "示范创建村", "Demonstration village"),
                        runId()),
                derived(
                        "logistics_gap",
                        Theme.LOGISTICS,
                        "冷链物流缺口",
                        "Cold-chain and courier gaps",
                        GeometryKind.POINT,
                        "code",
                        text("code", "缺口编号", "Gap code").required(),
                        code("kind", "缺口类型", "Kind", CodeLists.LOGISTICS_GAP_KIND),
                        code("severity", "严重程度", "Severity", CodeLists.FINDING_SEVERITY),
                        text("name", "名称", "Name"),
                        integer("households", "户数", "Households"),
                        integer("population", "人口", "Population"),
                        decimal("distance_m", "沿路到最近网点（米）", "Distance along roads to the nearest point (m)"),
                        text("village_code", "行政村代码", "Village code"),
                        text("township_code", "乡镇代码", "Township code"),
                        text("county_code", "县级代码", "County code"),
                        bool("key_support", "重点帮扶村", "Key-support village"),
                        bool("demonstration", "示范创建村", "Demonstration village"),
                        runId()),
                suggestedSites("water_site", Theme.WATER, "供水工程建议选址", "Suggested sites for water works"),
                suggestedSites("sewage_site", Theme.SEWAGE, "污水设施建议选址", "Suggested sites for sewage facilities"),
                suggestedSites(
                        "logistics_site", Theme.LOGISTICS, "冷链物流建议选址", "Suggested sites for cold chain and courier"),
                derived(
                        "sanitation_gap",
                        Theme.SEWAGE,
                        "卫生厕所普及缺口",
                        "Villages below the sanitary-toilet target",
                        GeometryKind.POINT,
                        "code",
                        text("code", "缺口编号", "Gap code").required(),
                        code("severity", "严重程度", "Severity", CodeLists.FINDING_SEVERITY),
                        text("name", "名称", "Name"),
                        integer("households", "户数", "Households"),
                        integer("with_toilet", "有卫生厕所户数", "With a sanitary toilet"),
                        integer("unrecorded", "未登记户数", "Not recorded"),
                        decimal("share", "普及率", "Share"),
                        integer("missing", "距目标尚缺户数", "Households short of the target"),
                        text("village_code", "行政村代码", "Village code"),
                        text("township_code", "乡镇代码", "Township code"),
                        text("county_code", "县级代码", "County code"),
                        bool("key_support", "重点帮扶村", "Key-support village"),
                        bool("demonstration", "示范创建村", "Demonstration village"),
                        runId()));
    }

    /**
     * Candidate sites on the road network maximising the households reached within a travel distance along roads
     * (maximal-coverage location-allocation), up to three per unit that lacks a facility.
     */
    private static LayerDef suggestedSites(String id, Theme theme, String zh, String en) {
        return derived(
                id,
                theme,
                zh,
                en,
                GeometryKind.POINT,
                "code",
                text("code", "选址编号", "Site code").required(),
                code("purpose", "用途", "Purpose", CodeLists.SITE_PURPOSE),
                text("for_code", "服务单元代码", "For unit"),
                text("for_name", "服务单元", "For unit name"),
                integer("rank", "候选序号", "Candidate rank"),
                integer("households", "可覆盖户数", "Households reached"),
                integer("population", "可覆盖人口", "Population reached"),
                decimal("travel_m", "沿路服务距离（米）", "Travel distance along roads (m)"),
                text("village_code", "行政村代码", "Village code"),
                text("township_code", "乡镇代码", "Township code"),
                text("county_code", "县级代码", "County code"),
                runId());
    }

    /** 三区三线: the constraints village plans must respect. */
    private static List<LayerDef> constraintLayers() {
        return List.of(
                layer(
                        "basic_farmland",
                        Theme.CONSTRAINTS,
                        "永久基本农田",
                        "Permanent basic farmland",
                        GeometryKind.MULTIPOLYGON,
                        null,
                        text("code", "图斑编号", "Parcel code").aka("图斑编号", "TBBH"),
                        countyCode(),
                        decimal("area_mu", "面积（亩）", "Area (mu)").aka("面积", "图斑面积", "TBMJ")),
                layer(
                        "ecological_redline",
                        Theme.CONSTRAINTS,
                        "生态保护红线",
                        "Ecological protection red line",
                        GeometryKind.MULTIPOLYGON,
                        null,
                        text("code", "红线编号", "Red-line code").aka("红线编号", "编号"),
                        name("红线名称", "名称"),
                        text("kind", "生态功能类型", "Ecological function").aka("类型", "生态功能")),
                layer(
                        "town_development_boundary",
                        Theme.CONSTRAINTS,
                        "城镇开发边界",
                        "Town development boundary",
                        GeometryKind.MULTIPOLYGON,
                        null,
                        text("code", "边界编号", "Boundary code").aka("编号"),
                        name("名称", "名称"),
                        townshipCode()));
    }
}
