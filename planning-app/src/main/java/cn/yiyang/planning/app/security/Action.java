package cn.yiyang.planning.app.security;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.Theme;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user asks to do, as {@link Permissions} decides it: each action names the theme it writes (its
 * department must own it) or none when it only reads. A new feature adds its action here, and the rule
 * stays in one place.
 */
public sealed interface Action {

    /** Reading a layer: its features, attributes, tiles. */
    static Action read(LayerDef layer) {
        return new Read(layer);
    }

    /** Writing a layer's data: an import now, single-feature edits later. */
    static Action write(LayerDef layer) {
        return new Write(layer);
    }

    /** Starting an analysis over a theme's data, e.g. road access over {@link Theme#ROADS}. */
    static Action runAnalysis(Theme theme) {
        return new RunAnalysis(theme);
    }

    /** Closing (销号) entries of the road register: it writes the roads theme. */
    static Action closeRegisterEntry() {
        return new CloseRegisterEntry();
    }

    /** The theme whose owner may take the action; empty when every signed-in user may. */
    Optional<Theme> writes();

    /**
     * The key of the 403 message that names the action: {0} is the user's roles, {1} the action's subject,
     * {2} the departments that may take it besides administrators.
     */
    String messageKey();

    /** The action's subject as the 403 message names it (a layer's or a theme's title). */
    Localized subject();

    /**
     * Reading a layer.
     *
     * @param layer the layer
     */
    record Read(LayerDef layer) implements Action {

        public Read {
            Objects.requireNonNull(layer, "layer");
        }

        @Override
        public Optional<Theme> writes() {
            return Optional.empty();
        }

        @Override
        public String messageKey() {
            return "api.error.forbidden.read";
        }

        @Override
        public Localized subject() {
            return Localized.of(layer.titleZh(), layer.titleEn());
        }
    }

    /**
     * Writing a layer's data.
     *
     * @param layer the layer
     */
    record Write(LayerDef layer) implements Action {

        public Write {
            Objects.requireNonNull(layer, "layer");
        }

        @Override
        public Optional<Theme> writes() {
            return Optional.of(layer.theme());
        }

        @Override
        public String messageKey() {
            return "api.error.forbidden.write";
        }

        @Override
        public Localized subject() {
            return Localized.of(layer.titleZh(), layer.titleEn());
        }
    }

    /**
     * Starting an analysis over a theme's data.
     *
     * @param theme the theme analysed
     */
    record RunAnalysis(Theme theme) implements Action {

        public RunAnalysis {
            Objects.requireNonNull(theme, "theme");
        }

        @Override
        public Optional<Theme> writes() {
            return Optional.of(theme);
        }

        @Override
        public String messageKey() {
            return "api.error.forbidden.run-analysis";
        }

        @Override
        public Localized subject() {
            return Localized.of(theme.titleZh(), theme.titleEn());
        }
    }

    /** Closing road-register entries. */
    record CloseRegisterEntry() implements Action {

        @Override
        public Optional<Theme> writes() {
            return Optional.of(Theme.ROADS);
        }

        @Override
        public String messageKey() {
            return "api.error.forbidden.close-register-entry";
        }

        @Override
        public Localized subject() {
            return Localized.of(Theme.ROADS.titleZh(), Theme.ROADS.titleEn());
        }
    }
}
