package cn.yiyang.planning.app.security;

import cn.yiyang.planning.layers.feature.Scope;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@link Scope} of a user, as {@link Permissions#scope} decides it with the setting
 * {@code planning.security.household-roles} (the roles that see household-level data; default ADMIN, PLANNER,
 * WATER). Services hand the scope to the repositories and tiles; they never decide it themselves.
 */
@Component
public class DataScopes {

    private final Set<Role> householdRoles;

    public DataScopes(@Value("${planning.security.household-roles:ADMIN,PLANNER,WATER}") Set<Role> householdRoles) {
        this.householdRoles = householdRoles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(householdRoles));
    }

    /** The default setting, for services built without Spring (tests, harnesses). */
    public static DataScopes standard() {
        return new DataScopes(Permissions.HOUSEHOLD_ROLES);
    }

    /** What the user reads and writes. */
    public Scope of(AppUser user) {
        return Permissions.scope(user, householdRoles);
    }
}
