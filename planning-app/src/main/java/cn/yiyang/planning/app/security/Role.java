package cn.yiyang.planning.app.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;

/** The roles of the service, one per department that uses it. */
public enum Role {
    /** System administrator: settings, users, every layer. */
    ADMIN,
    /** Natural-resources planner (自然资源局): village plans, 三区三线. */
    PLANNER,
    /**
     * Plan approver (审批人, the authority that reviews and approves village plans): returns plans for revision,
     * approves them and enters them in the one map, justifies 多规合一 conflicts; otherwise reads.
     */
    APPROVER,
    /** Transport department (交通运输局): roads. */
    TRANSPORT,
    /** Water department (水利局): water supply. */
    WATER,
    /** Sewage (生态环境/住建): sewage facilities. */
    SEWAGE,
    /** Commerce, postal and supply co-ops: cold chain and logistics. */
    LOGISTICS,
    /** Leaders: dashboards, read only. */
    LEADER,
    /** Read-only viewer (查看): reads the map, lists and reports; writes nothing, sees no household-level data. */
    VIEWER;

    /**
     * @param authorities Spring Security's authorities ({@code ROLE_TRANSPORT} …)
     * @return the roles among them; authorities this app does not define are ignored
     */
    public static Set<Role> of(Collection<? extends GrantedAuthority> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority a : authorities) {
            String authority = a.getAuthority();
            if (authority == null || !authority.startsWith("ROLE_")) {
                continue;
            }
            try {
                roles.add(Role.valueOf(authority.substring("ROLE_".length()).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ignored) {
                // an authority this app does not define
            }
        }
        return roles;
    }
}
