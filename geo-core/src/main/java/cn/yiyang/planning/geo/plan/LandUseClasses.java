package cn.yiyang.planning.geo.plan;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which land-use classes of 《国土空间调查、规划、用途管制用地用海分类指南》(2023) are construction land and which
 * of those are town-type construction: the one place the conflict check takes them from. A parcel's code belongs
 * to a listed class when it starts with the class's code, so {@code "07"} covers {@code "0703"} and
 * {@code "070301"}, but a parcel coded only {@code "07"} does not belong to {@code "0701"}.
 *
 * <p>The layers' code list may later mark these classes with a trait; geo-core cannot see layers, so callers pass
 * the sets in and {@link #DEFAULT} holds the documented defaults.
 *
 * @param construction classes that are construction land (建设用地)
 * @param townType classes that are town-type construction (城镇建设), which belongs inside the town development
 *     boundary (城镇开发边界)
 */
public record LandUseClasses(SortedSet<String> construction, SortedSet<String> townType) {

    /**
     * Construction: 07 居住, 08 公共管理与公共服务, 09 商业服务业, 10 工矿, 11 仓储, 12 交通运输, 13 公用设施 and all
     * their subclasses, as issue 12 lists them.
     *
     * <p>Town-type, narrowly: 0701 城镇住宅用地, 0702 城镇社区服务设施用地, 08 公共管理与公共服务用地, 09 商业服务业用地,
     * 1001 工业用地 and 11 仓储用地. Why: the guide gives villages their own residential classes, 0703 农村宅基地 and
     * 0704 农村社区服务设施用地 (a village's own service facilities), so those are village-type; facilities coded
     * 08 in a village plan are above village level (a township school, a clinic) and belong to the town. 1002 采矿用地
     * and 1003 盐田 lie where the deposit is, and 12 交通运输 and 13 公用设施 (roads, water works, substations) cross
     * the countryside by nature, so placing them outside the town boundary is not a conflict. Plans whose data say
     * otherwise pass their own sets.
     */
    public static final LandUseClasses DEFAULT =
            of(Set.of("07", "08", "09", "10", "11", "12", "13"), Set.of("0701", "0702", "08", "09", "1001", "11"));

    /** Copies the sets into sorted, unmodifiable ones. */
    public LandUseClasses {
        construction = Collections.unmodifiableSortedSet(new TreeSet<>(construction));
        townType = Collections.unmodifiableSortedSet(new TreeSet<>(townType));
    }

    /**
     * @param construction classes that are construction land
     * @param townType classes that are town-type construction
     * @return the value
     */
    public static LandUseClasses of(Set<String> construction, Set<String> townType) {
        return new LandUseClasses(new TreeSet<>(construction), new TreeSet<>(townType));
    }

    /**
     * @param landUseCode a parcel's code, e.g. {@code "0703"}
     * @return whether it is construction land
     */
    public boolean isConstruction(String landUseCode) {
        return matches(construction, landUseCode);
    }

    /**
     * @param landUseCode a parcel's code, e.g. {@code "0701"}
     * @return whether it is town-type construction
     */
    public boolean isTownType(String landUseCode) {
        return matches(townType, landUseCode);
    }

    private static boolean matches(SortedSet<String> classes, String code) {
        for (String c : classes) {
            if (code.startsWith(c)) {
                return true;
            }
        }
        return false;
    }
}
