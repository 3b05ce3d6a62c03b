package cn.yiyang.planning.demo;

import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.catalogue.CodeTrait;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The generator's working model of the synthetic city, in metres (see {@link Geo}). The
 * generators fill it step by step; {@link DemoCityGenerator} turns it into layer features.
 */
final class Model {

    private Model() {}

    /** What a township-level unit is, from its name. */
    enum TownshipKind {
        /** 街道: urban sub-district. */
        STREET,
        /** 镇. */
        TOWN,
        /** 乡 (including 民族乡). */
        XIANG,
        /** 开发区, 产业园, 管理处, 湿地事务中心. */
        SPECIAL;

        static TownshipKind of(String name) {
            if (name.endsWith("街道")) {
                return STREET;
            }
            if (name.endsWith("镇")) {
                return TOWN;
            }
            if (name.endsWith("乡")) {
                return XIANG;
            }
            return SPECIAL;
        }
    }

    /** How a natural village is reached by road. */
    enum Access {
        HARDENED,
        /** Only a gravel or earth road. */
        UNHARDENED,
        NONE
    }

    /** The whole city. */
    static final class City {
        Geometry outline;
        final List<County> counties = new ArrayList<>();
        final List<Township> townships = new ArrayList<>();
        final List<Village> villages = new ArrayList<>();
        final List<NaturalVillage> naturalVillages = new ArrayList<>();
        final List<Road> roads = new ArrayList<>();
        /** Roads deliberately not connected to the network: isolated fragments and what hangs on broken links. */
        final Set<String> disconnectedRoads = new LinkedHashSet<>();

        final List<String> isolatedFragments = new ArrayList<>();
        final List<String> brokenLinks = new ArrayList<>();
    }

    /**
     * A road segment, in metres.
     *
     * @param adminClass a {@code road_admin_class} value
     * @param techGrade  a {@code road_tech_grade} value, or null
     * @param surface    a {@code road_surface} value
     * @param village    the village it serves (village, group and household roads), or null
     */
    record Road(
            String code,
            String name,
            String adminClass,
            String techGrade,
            String surface,
            double width,
            boolean allSeason,
            boolean busRoute,
            boolean lighting,
            String maintainer,
            LineString line,
            Village village) {

        boolean hardened() {
            return CodeLists.ROAD_SURFACE.has(surface, CodeTrait.HARDENED);
        }
    }

    static final class County {
        final String code;
        final String name;
        final CitySketch.County sketch;
        Coordinate seat;
        Geometry area;
        final List<Township> townships = new ArrayList<>();

        County(String code, String name, CitySketch.County sketch) {
            this.code = code;
            this.name = name;
            this.sketch = sketch;
        }
    }

    static final class Township {
        final String code;
        final String name;
        final County county;
        final TownshipKind kind;
        Coordinate seat;
        Geometry area;
        Village seatVillage;
        final List<Village> villages = new ArrayList<>();

        Township(String code, String name, County county) {
            this.code = code;
            this.name = name;
            this.county = county;
            this.kind = TownshipKind.of(name);
        }

        boolean isCountySeat() {
            return county.sketch.seatTownship().equals(code);
        }

        /** 开发区/产业园 near the city, which are urban in character. */
        boolean isDevelopmentZone() {
            return kind == TownshipKind.SPECIAL && (name.contains("开发区") || name.contains("产业园"));
        }

        boolean isWetland() {
            return kind == TownshipKind.SPECIAL && (name.contains("湿地") || name.contains("管理处"));
        }
    }

    static final class Village {
        final String code;
        final String name;
        final Township township;
        Coordinate centre;
        Geometry area;
        private PreparedGeometry prepared;
        final List<NaturalVillage> naturalVillages = new ArrayList<>();
        // attributes
        boolean povertyExited;
        boolean keySupport;
        boolean demonstration;
        String villageClass;
        String urbanRural;
        double collectiveIncome;
        boolean culturalCentre;
        int population;
        int households;
        /** The water scheme kind serving the village centre, or null (dispersed supply only). */
        String waterKind;

        boolean busStop;

        Village(String code, String name, Township township) {
            this.code = code;
            this.name = name;
            this.township = township;
        }

        /** 居委会 (社区): NBS village codes 001-199. */
        boolean isCommunity() {
            return Integer.parseInt(code.substring(9)) < 200;
        }

        /** 虚拟生活区 and the like: NBS village codes 400 and up. */
        boolean isSpecial() {
            return Integer.parseInt(code.substring(9)) >= 400;
        }

        /** A rural village (村委会) outside the urban sub-districts. */
        boolean isRural() {
            return !isCommunity() && !isSpecial() && township.kind != TownshipKind.STREET;
        }

        PreparedGeometry prepared() {
            if (prepared == null) {
                prepared = PreparedGeometryFactory.prepare(area);
            }
            return prepared;
        }
    }

    static final class NaturalVillage {
        final String code;
        final String name;
        final Village village;
        final Coordinate location;
        final int households;
        final int population;
        Access access = Access.HARDENED;
        /** The water source of its households (a {@code water_kind} value). */
        String waterSource = "dispersed";
        /** Its group road (metres, ending at it), once the roads are laid: its households line it. */
        LineString groupRoad;

        NaturalVillage(String code, String name, Village village, Coordinate location, int households, int population) {
            this.code = code;
            this.name = name;
            this.village = village;
            this.location = location;
            this.households = households;
            this.population = population;
        }
    }
}
