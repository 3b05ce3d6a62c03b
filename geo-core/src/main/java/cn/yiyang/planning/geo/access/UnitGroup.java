package cn.yiyang.planning.geo.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The groups of villages an indicator is computed over: all villages, or only the key-support villages
 * (重点帮扶村) or the demonstration villages (示范创建村) of a unit.
 */
public enum UnitGroup {
    ALL,
    KEY_SUPPORT,
    DEMONSTRATION;

    /** @return the id used in APIs: all, key_support, demonstration */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id an id as returned by {@link #id()}
     * @return the group
     */
    public static Optional<UnitGroup> byId(String id) {
        return Arrays.stream(values()).filter(g -> g.id().equals(id)).findFirst();
    }

    boolean contains(AccessInput.Village v) {
        return switch (this) {
            case ALL -> true;
            case KEY_SUPPORT -> v.keySupport();
            case DEMONSTRATION -> v.demonstration();
        };
    }
}
