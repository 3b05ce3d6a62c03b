package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.Theme;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which roles may write into which layers: a department owns the themes of its layers. ADMIN writes
 * everything; PLANNER the plans, 三区三线, administrative divisions and settlements; TRANSPORT roads;
 * WATER water supply; SEWAGE sewage; LOGISTICS cold chain and logistics; LEADER nothing (read only).
 * Reading imports is open to every signed-in user.
 */
public final class ImportAccess {

    private static final Map<Role, Set<Theme>> THEMES = Map.of(
            Role.ADMIN, EnumSet.allOf(Theme.class),
            Role.PLANNER, EnumSet.of(Theme.PLANNING, Theme.CONSTRAINTS, Theme.ADMINISTRATIVE, Theme.SETTLEMENT),
            Role.TRANSPORT, EnumSet.of(Theme.ROADS),
            Role.WATER, EnumSet.of(Theme.WATER),
            Role.SEWAGE, EnumSet.of(Theme.SEWAGE),
            Role.LOGISTICS, EnumSet.of(Theme.LOGISTICS),
            Role.LEADER, EnumSet.noneOf(Theme.class));

    private ImportAccess() {
    }

    /** Whether the user may import into the layer. */
    public static boolean canWrite(AppUser user, LayerDef layer) {
        return user.roles().stream().anyMatch(r -> THEMES.getOrDefault(r, Set.of()).contains(layer.theme()));
    }

    /**
     * @throws ImportForbiddenException when the user may not import into the layer
     */
    static void checkWrite(AppUser user, LayerDef layer) {
        if (!canWrite(user, layer)) {
            throw new ImportForbiddenException(user, layer);
        }
    }
}
