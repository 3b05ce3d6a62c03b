package cn.yiyang.planning.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.feature.Scope;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who reads which counties and household-level data ({@link Permissions#scope}, {@link DataScopes}): the counties of
 * the account or token; poverty status for ADMIN, PLANNER and WATER (or the roles set) and for county users.
 */
class DataScopesTest {

    private final DataScopes standard = DataScopes.standard();

    @Test
    void householdRolesAndCountyUsersSeeHouseholdDataOthersDoNot() {
        for (Role r : Role.values()) {
            boolean personal = standard.of(new AppUser("u", EnumSet.of(r))).personal();
            assertThat(personal).as(r.name()).isEqualTo(r == Role.ADMIN || r == Role.PLANNER || r == Role.WATER);
        }
        Scope countyTransport = standard.of(new AppUser("u", EnumSet.of(Role.TRANSPORT), Set.of("430921")));
        assertThat(countyTransport).isEqualTo(new Scope(Set.of("430921"), true));
        assertThat(standard.of(new AppUser("u", EnumSet.of(Role.ADMIN)))).isEqualTo(Scope.ALL);
    }

    @Test
    void theSettingNamesTheHouseholdRoles() {
        DataScopes waterOnly = new DataScopes(EnumSet.of(Role.WATER));
        assertThat(waterOnly.of(new AppUser("u", EnumSet.of(Role.PLANNER))).personal())
                .isFalse();
        assertThat(waterOnly.of(new AppUser("u", EnumSet.of(Role.WATER))).personal())
                .isTrue();
    }

    @Test
    void anAccountsCountiesComeFromItsAuthorities() {
        AppUser user = AppUser.of(
                "nanxian",
                List.of(
                        new SimpleGrantedAuthority("ROLE_LEADER"),
                        new SimpleGrantedAuthority("COUNTY_430921"),
                        new SimpleGrantedAuthority("COUNTY_430923")));
        assertThat(user.roles()).containsExactly(Role.LEADER);
        assertThat(user.counties()).containsExactlyInAnyOrder("430921", "430923");
        assertThat(standard.of(user)).isEqualTo(new Scope(Set.of("430921", "430923"), true));
    }
}
