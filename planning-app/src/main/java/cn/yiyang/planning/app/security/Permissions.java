package cn.yiyang.planning.app.security;

import cn.yiyang.planning.layers.catalogue.Theme;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what, decided here for the pages, the REST API and the tiles: a department (role) owns the
 * themes of its layers, and an {@link Action} that writes a theme (importing into a layer, running an analysis
 * over it, closing road-register entries) needs a role that owns it. ADMIN owns every theme; PLANNER village
 * planning, 三区三线, administrative divisions and settlements; TRANSPORT roads; WATER water supply; SEWAGE sewage;
 * LOGISTICS cold chain and logistics; LEADER none (read only). Reading needs a signed-in user only. A few verbs
 * belong to a role whatever the theme's owner: justifying a plan's conflicts is the APPROVER's (and ADMIN's), not
 * the planner's who compiled the plan.
 */
public final class Permissions {

    private static final Map<Role, Set<Theme>> THEMES = Map.of(
            Role.ADMIN, EnumSet.allOf(Theme.class),
            Role.PLANNER, EnumSet.of(Theme.PLANNING, Theme.CONSTRAINTS, Theme.ADMINISTRATIVE, Theme.SETTLEMENT),
            Role.TRANSPORT, EnumSet.of(Theme.ROADS),
            Role.WATER, EnumSet.of(Theme.WATER),
            Role.SEWAGE, EnumSet.of(Theme.SEWAGE),
            Role.LOGISTICS, EnumSet.of(Theme.LOGISTICS),
            Role.APPROVER, EnumSet.noneOf(Theme.class),
            Role.LEADER, EnumSet.noneOf(Theme.class));

    /** Verbs that only these roles (and ADMIN) may take, whoever owns their theme. */
    private static final Map<Action.Verb, Set<Role>> VERB_ROLES =
            Map.of(Action.Verb.JUSTIFY_CONFLICT, EnumSet.of(Role.APPROVER));

    private Permissions() {}

    /** Whether the user may take the action (for a page deciding which buttons it enables). */
    public static boolean allows(AppUser user, Action action) {
        Set<Role> only = VERB_ROLES.get(action.verb());
        if (only != null) {
            return user.roles().stream().anyMatch(r -> r == Role.ADMIN || only.contains(r));
        }
        return action.writes().map(theme -> owns(user, theme)).orElse(true);
    }

    /**
     * For services and controllers, before they act.
     *
     * @throws ForbiddenException when the user may not take the action
     */
    public static void check(AppUser user, Action action) {
        if (!allows(user, action)) {
            throw new ForbiddenException(user, action);
        }
    }

    /** The roles that may take the action, ADMIN aside (for the 403 message: who may instead). */
    static List<Role> owners(Action action) {
        Set<Role> only = VERB_ROLES.get(action.verb());
        if (only != null) {
            return List.copyOf(only);
        }
        return action.writes().map(Permissions::owners).orElse(List.of());
    }

    /** The departments that own the theme, ADMIN aside (for the 403 message: who may instead). */
    static List<Role> owners(Theme theme) {
        return Arrays.stream(Role.values())
                .filter(r -> r != Role.ADMIN && THEMES.get(r).contains(theme))
                .toList();
    }

    /** Whether one of the user's roles owns the theme. */
    private static boolean owns(AppUser user, Theme theme) {
        return user.roles().stream()
                .anyMatch(r -> THEMES.getOrDefault(r, Set.of()).contains(theme));
    }
}
