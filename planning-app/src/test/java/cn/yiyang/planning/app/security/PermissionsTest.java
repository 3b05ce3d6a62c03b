package cn.yiyang.planning.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.Theme;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Who may do what: every role against every kind of action, as one table; and the one 403. */
class PermissionsTest {

    private static final LayerCatalogue CATALOGUE = LayerCatalogue.standard();

    /** The actions of the table's columns, in order. */
    private static final Map<String, Action> ACTIONS = new LinkedHashMap<>();

    static {
        ACTIONS.put("read:road", Action.read(CATALOGUE.get("road")));
        ACTIONS.put("read:basic_farmland", Action.read(CATALOGUE.get("basic_farmland")));
        ACTIONS.put("write:county", Action.write(CATALOGUE.get("county")));
        ACTIONS.put("write:household", Action.write(CATALOGUE.get("household")));
        ACTIONS.put("write:village_plan", Action.write(CATALOGUE.get("village_plan")));
        ACTIONS.put("write:basic_farmland", Action.write(CATALOGUE.get("basic_farmland")));
        ACTIONS.put("write:road", Action.write(CATALOGUE.get("road")));
        ACTIONS.put("write:bus_stop", Action.write(CATALOGUE.get("bus_stop")));
        ACTIONS.put("write:water_work", Action.write(CATALOGUE.get("water_work")));
        ACTIONS.put("write:sewage_facility", Action.write(CATALOGUE.get("sewage_facility")));
        ACTIONS.put("write:cold_chain_site", Action.write(CATALOGUE.get("cold_chain_site")));
        ACTIONS.put("run:ROADS", Action.runAnalysis(Theme.ROADS));
        ACTIONS.put("run:WATER", Action.runAnalysis(Theme.WATER));
        ACTIONS.put("close", Action.closeRegisterEntry());
        ACTIONS.put("step:compile", Action.planStep(false, Localized.of("提交审查", "Submit for review"), "submit"));
        ACTIONS.put("step:review", Action.planStep(true, Localized.of("批复", "Approve"), "approve"));
        ACTIONS.put("justify", Action.justifyConflict());
        ACTIONS.put(
                "enter:ADMINISTRATIVE", Action.enterIndicator(Theme.ADMINISTRATIVE, Localized.of("返贫人口", "x"), "x"));
        ACTIONS.put("enter:WATER", Action.enterIndicator(Theme.WATER, Localized.of("水", "water"), "w"));
        ACTIONS.put("targets", Action.setTargets());
        ACTIONS.put("accounts", Action.manageAccounts());
        ACTIONS.put("audit", Action.readAudit());
    }

    /** One row per role, one column per action of {@link #ACTIONS}: y allowed, - refused. */
    private static final String TABLE = """
            #            read    write:                                          run         close  plan step       justify  enter     targets  manage  audit
            #            rd  bf  cty hh  plan bf  road bus water sewage cold    ROADS WATER        compile review conflict  adm water accounts  read
            ADMIN        y   y   y   y   y    y   y    y   y     y      y       y     y      y      y       y      y      y   y     y     y        y
            PLANNER      y   y   y   y   y    y   -    -   -     -      -       -     -      -      y       -      -      y   -     -     -        -
            APPROVER     y   y   -   -   -    -   -    -   -     -      -       -     -      -      -       y      y      -   -     -     -        -
            TRANSPORT    y   y   -   -   -    -   y    y   -     -      -       y     -      y      -       -      -      -   -     -     -        -
            WATER        y   y   -   -   -    -   -    -   y     -      -       -     y      -      -       -      -      -   y     -     -        -
            SEWAGE       y   y   -   -   -    -   -    -   -     y      -       -     -      -      -       -      -      -   -     -     -        -
            LOGISTICS    y   y   -   -   -    -   -    -   -     -      y       -     -      -      -       -      -      -   -     -     -        -
            LEADER       y   y   -   -   -    -   -    -   -     -      -       -     -      -      -       -      -      -   -     -     -        -
            VIEWER       y   y   -   -   -    -   -    -   -     -      -       -     -      -      -       -      -      -   -     -     -        -
            """;

    @Test
    void eachRoleMayTakeTheActionsOfTheThemesItOwnsAndReadEverything() {
        List<String> rows =
                TABLE.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(rows).hasSize(Role.values().length);
        for (String row : rows) {
            String[] cells = row.trim().split("\\s+");
            Role role = Role.valueOf(cells[0]);
            assertThat(cells).as(row).hasSize(ACTIONS.size() + 1);
            AppUser user = new AppUser(role.name().toLowerCase(Locale.ROOT), EnumSet.of(role));
            int i = 1;
            for (Map.Entry<String, Action> column : ACTIONS.entrySet()) {
                boolean expected = cells[i++].equals("y");
                assertThat(Permissions.allows(user, column.getValue()))
                        .as("%s %s", role, column.getKey())
                        .isEqualTo(expected);
                if (expected) {
                    Permissions.check(user, column.getValue()); // does not throw
                } else {
                    assertThatThrownBy(() -> Permissions.check(user, column.getValue()))
                            .as("%s %s", role, column.getKey())
                            .isInstanceOf(ForbiddenException.class);
                }
            }
        }
    }

    @Test
    void aUserWithSeveralRolesMayWhatAnyOfThemMayAndOneWithNoneOnlyRead() {
        AppUser both = new AppUser("both", EnumSet.of(Role.LEADER, Role.WATER));
        assertThat(Permissions.allows(both, Action.write(CATALOGUE.get("water_pipe"))))
                .isTrue();
        assertThat(Permissions.allows(both, Action.write(CATALOGUE.get("road"))))
                .isFalse();
        AppUser none = new AppUser("guest", EnumSet.noneOf(Role.class));
        assertThat(Permissions.allows(none, Action.read(CATALOGUE.get("road")))).isTrue();
        assertThat(Arrays.stream(Theme.values()).map(Action::runAnalysis).anyMatch(a -> Permissions.allows(none, a)))
                .isFalse();
    }

    @Test
    void theRefusalIsOne403NamingTheActionAndTheRolesInBothLanguages() {
        AppUser leader = new AppUser("leader", EnumSet.of(Role.LEADER));
        Messages messages = new Messages();
        ForbiddenException write = forbidden(leader, Action.write(CATALOGUE.get("road")));
        assertThat(write.httpStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(write.code()).isEqualTo("forbidden");
        assertThat(write.message(messages, Messages.ZH)).contains("LEADER", "农村公路", "导入");
        assertThat(write.message(messages, Messages.EN)).contains("LEADER", "Roads", "may not import");
        ForbiddenException run = forbidden(leader, Action.runAnalysis(Theme.ROADS));
        assertThat(run.code()).isEqualTo("forbidden");
        assertThat(run.message(messages, Messages.ZH)).contains("LEADER", "道路交通", "分析", "只有交通运输部门和管理员");
        assertThat(run.message(messages, Messages.EN))
                .contains(
                        "LEADER",
                        "Roads and transport",
                        "may not run analyses",
                        "only the transport department and administrators");
        ForbiddenException close = forbidden(leader, Action.closeRegisterEntry());
        assertThat(close.message(messages, Messages.ZH)).contains("LEADER", "无权销号");
        assertThat(close.message(messages, Messages.EN)).contains("LEADER", "may not close register entries");
        assertThat(close.arguments(Messages.EN))
                .containsExactly("LEADER", "Roads and transport", "the transport department");
        ForbiddenException plan =
                forbidden(new AppUser("water", EnumSet.of(Role.WATER)), Action.write(CATALOGUE.get("village_plan")));
        assertThat(plan.message(messages, Messages.ZH)).contains("WATER", "村庄规划", "只有自然资源部门和管理员");
        ForbiddenException approve = forbidden(
                new AppUser("planner", EnumSet.of(Role.PLANNER)),
                Action.planStep(true, Localized.of("批复", "Approve"), "approve"));
        assertThat(approve.message(messages, Messages.ZH)).contains("PLANNER", "批复", "只有审批人和管理员");
        assertThat(approve.message(messages, Messages.EN)).contains("PLANNER", "Approve", "only the plan approvers");
    }

    @Test
    void justifyingAConflictIsTheApproversNotThePlannersWhoOwnThePlanningTheme() {
        Messages messages = new Messages();
        ForbiddenException planner =
                forbidden(new AppUser("planner", EnumSet.of(Role.PLANNER)), Action.justifyConflict());
        assertThat(planner.message(messages, Messages.ZH)).contains("PLANNER", "只有审批人和管理员");
        assertThat(planner.message(messages, Messages.EN)).contains("may not justify", "only the plan approvers");
    }

    @Test
    void everyThemeHasADepartmentThatOwnsIt() {
        for (Theme theme : Theme.values()) {
            assertThat(Permissions.owners(theme)).as("%s", theme).isNotEmpty().doesNotContain(Role.ADMIN);
        }
    }

    private static ForbiddenException forbidden(AppUser user, Action action) {
        try {
            Permissions.check(user, action);
        } catch (ForbiddenException e) {
            return e;
        }
        throw new AssertionError(user + " may " + action);
    }
}
