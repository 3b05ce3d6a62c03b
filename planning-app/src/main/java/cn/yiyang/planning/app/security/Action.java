package cn.yiyang.planning.app.security;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.Theme;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user asks to do, as {@link Permissions} decides it: a verb, the theme the action concerns and what the
 * 403 message names. A writing verb needs the theme's department (or ADMIN); reading needs a signed-in user. A
 * new feature adds its verb here, and the rule stays in one place.
 *
 * @param verb    what is done
 * @param theme   the theme whose data it reads or writes
 * @param subject the action's subject as the 403 message names it (a layer's or a theme's title)
 * @param target  the subject for the log (a layer id or a theme)
 */
public record Action(Verb verb, Theme theme, Localized subject, String target) {

    /** The kinds of action, each with whether it writes and the key of its 403 message. */
    public enum Verb {
        /** Reading a layer: its features, attributes, tiles. */
        READ(false, "api.error.forbidden.read"),
        /** Writing a layer's data: an import or a single-feature edit. */
        WRITE(true, "api.error.forbidden.write"),
        /** Starting an analysis over a theme's data. */
        RUN_ANALYSIS(true, "api.error.forbidden.run-analysis"),
        /** Closing (销号) entries of the road register. */
        CLOSE_REGISTER_ENTRY(true, "api.error.forbidden.close-register-entry"),
        /**
         * A step of a village plan's workflow that the planning department takes (启动, 提交审查), or the writes
         * of a plan's register entry and documents: the owners of the planning theme.
         */
        COMPILE_PLAN(true, "api.error.forbidden.plan-step"),
        /**
         * A step of a village plan's workflow that the approving authority takes (退回修改, 批复, 入库): the
         * {@link Role#APPROVER} (see {@link Permissions}), not the theme's owners.
         */
        REVIEW_PLAN(true, "api.error.forbidden.plan-step"),
        /** Recording why a village plan may be approved despite a 多规合一 conflict: for approvers only. */
        JUSTIFY_CONFLICT(true, "api.error.forbidden.justify-conflict"),
        /** Entering a value of a manual plan indicator: the departments owning the theme the catalogue names. */
        ENTER_INDICATOR(true, "api.error.forbidden.enter-indicator"),
        /** Adding or changing the plan's indicator targets (a new plan period): administrators only. */
        SET_TARGETS(true, "api.error.forbidden.set-targets"),
        /** Creating, disabling, resetting and assigning roles and counties to accounts: ADMIN only. */
        MANAGE_ACCOUNTS(true, "api.error.forbidden.manage-accounts"),
        /** Reading and checking the audit record: ADMIN only. */
        READ_AUDIT(true, "api.error.forbidden.manage-accounts");

        private final boolean writes;
        private final String messageKey;

        Verb(boolean writes, String messageKey) {
            this.writes = writes;
            this.messageKey = messageKey;
        }

        /**
         * The key of the 403 message: {0} is the user's roles, {1} the action's subject, {2} the departments that
         * may take it besides administrators.
         */
        public String messageKey() {
            return messageKey;
        }
    }

    public Action {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(target, "target");
    }

    /** Reading a layer: its features, attributes, tiles. */
    public static Action read(LayerDef layer) {
        return onLayer(Verb.READ, layer);
    }

    /** Writing a layer's data: an import or a single-feature edit. */
    public static Action write(LayerDef layer) {
        return onLayer(Verb.WRITE, layer);
    }

    /** Starting an analysis over a theme's data, e.g. road access over {@link Theme#ROADS}. */
    public static Action runAnalysis(Theme theme) {
        return onTheme(Verb.RUN_ANALYSIS, theme);
    }

    /** Closing (销号) entries of the road register: it writes the roads theme. */
    public static Action closeRegisterEntry() {
        return onTheme(Verb.CLOSE_REGISTER_ENTRY, Theme.ROADS);
    }

    /**
     * A step of a village plan's workflow.
     *
     * @param review whether the approving authority takes it (退回修改, 批复, 入库) rather than the planners
     * @param step   the step's title, as the 403 message names it
     * @param id     the step's id, for the log
     */
    public static Action planStep(boolean review, Localized step, String id) {
        return new Action(review ? Verb.REVIEW_PLAN : Verb.COMPILE_PLAN, Theme.PLANNING, step, "plan step " + id);
    }

    /** Justifying a 多规合一 conflict of a village plan, so that it may be approved: approvers and ADMIN only. */
    public static Action justifyConflict() {
        return onTheme(Verb.JUSTIFY_CONFLICT, Theme.PLANNING);
    }

    /**
     * Entering a value of a manual indicator of the catalogue.
     *
     * @param owner     the theme the catalogue names as the indicator's owner
     * @param indicator the indicator's name, as the 403 message names it
     * @param id        the indicator's id, for the log
     */
    public static Action enterIndicator(Theme owner, Localized indicator, String id) {
        return new Action(Verb.ENTER_INDICATOR, owner, indicator, "indicator " + id);
    }

    /** Adding or changing the plan's indicator targets: administrators only (see {@link Permissions}). */
    public static Action setTargets() {
        return new Action(
                Verb.SET_TARGETS,
                Theme.ADMINISTRATIVE,
                Localized.key("indicator.targets.subject"),
                "indicator targets");
    }

    /**
     * Managing accounts (create, disable, reset a password, assign roles and counties): ADMIN only. Its theme is
     * the administrative one only because an action names one; {@link Permissions} decides by the verb.
     */
    public static Action manageAccounts() {
        return new Action(Verb.MANAGE_ACCOUNTS, Theme.ADMINISTRATIVE, Localized.key("accounts.subject"), "accounts");
    }

    /** Reading, exporting and checking the audit record: ADMIN only. */
    public static Action readAudit() {
        return new Action(Verb.READ_AUDIT, Theme.ADMINISTRATIVE, Localized.key("audit.subject"), "audit");
    }

    private static Action onLayer(Verb verb, LayerDef layer) {
        return new Action(verb, layer.theme(), Localized.of(layer.titleZh(), layer.titleEn()), layer.id());
    }

    private static Action onTheme(Verb verb, Theme theme) {
        return new Action(verb, theme, Localized.of(theme.titleZh(), theme.titleEn()), theme.name());
    }

    /** The theme whose owner may take the action; empty when every signed-in user may. */
    public Optional<Theme> writes() {
        return verb.writes ? Optional.of(theme) : Optional.empty();
    }

    /** The key of the 403 message that names the action (see {@link Verb#messageKey}). */
    public String messageKey() {
        return verb.messageKey();
    }

    @Override
    public String toString() {
        return verb.name().toLowerCase(Locale.ROOT) + " " + target;
    }
}
