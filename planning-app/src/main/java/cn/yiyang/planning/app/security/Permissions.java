package cn.yiyang.planning.app.security;

import cn.yiyang.planning.layers.catalogue.Theme;
import cn.yiyang.planning.layers.feature.Scope;
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
 * LOGISTICS cold chain and logistics; LEADER none (read only). Reading needs a signed-in user only.
 *
 * <p>A few verbs are not a theme owner's: they belong to roles of their own ({@link #VERB_ROLES}), as the steps of
 * a village plan's workflow that the approving authority takes (退回修改, 批复, 入库: APPROVER) and justifying a plan's 多规合一 conflicts (APPROVER, not the planner who
 * compiled the plan). ADMIN may take them too. APPROVER owns no theme: it reads, and takes those steps. The plan's
 * indicator targets (a new plan period) are set by ADMIN alone; a manual indicator's values are entered by the owners
 * of the theme its catalogue entry names. Managing
 * accounts (create, disable, reset a password, assign roles and counties) is ADMIN's alone; VIEWER only reads.
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
            Role.LEADER, EnumSet.noneOf(Theme.class),
            Role.VIEWER, EnumSet.noneOf(Theme.class));

    /** Verbs taken by roles of their own rather than by the owners of the action's theme (ADMIN aside). */
    private static final Map<Action.Verb, Set<Role>> VERB_ROLES = Map.of(
            Action.Verb.REVIEW_PLAN, EnumSet.of(Role.APPROVER),
            Action.Verb.JUSTIFY_CONFLICT, EnumSet.of(Role.APPROVER),
            Action.Verb.SET_TARGETS, EnumSet.noneOf(Role.class),
            Action.Verb.MANAGE_ACCOUNTS, EnumSet.noneOf(Role.class),
            Action.Verb.READ_AUDIT, EnumSet.noneOf(Role.class));

    /** The roles that see household-level data by default ({@code planning.security.household-roles}). */
    public static final Set<Role> HOUSEHOLD_ROLES = EnumSet.of(Role.ADMIN, Role.PLANNER, Role.WATER);

    private Permissions() {}

    /**
     * What part of the data the user reads and writes, as the repositories and tiles apply it: the counties of the
     * account or token (none: every county), and household-level personal data (a household's poverty status, the
     * extra attributes such as 户主姓名 an import kept) for the roles that need them ({@code householdRoles}: ADMIN,
     * PLANNER and WATER unless set otherwise) and for the county's own users (an account limited to counties sees
     * its counties' households in full). Everyone else sees households as points without those attributes, and the
     * aggregates.
     */
    public static Scope scope(AppUser user, Set<Role> householdRoles) {
        boolean personal = !user.counties().isEmpty() || user.roles().stream().anyMatch(householdRoles::contains);
        return new Scope(user.counties(), personal);
    }

    /** Whether the user may take the action (for a page deciding which buttons it enables). */
    public static boolean allows(AppUser user, Action action) {
        Set<Role> own = VERB_ROLES.get(action.verb());
        if (own != null) {
            return user.roles().contains(Role.ADMIN) || user.roles().stream().anyMatch(own::contains);
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
        Set<Role> own = VERB_ROLES.get(action.verb());
        if (own != null) {
            return own.stream().sorted().toList();
        }
        return action.writes().map(Permissions::owners).orElse(List.of());
    }

    /** The departments that own the theme, ADMIN aside. */
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
