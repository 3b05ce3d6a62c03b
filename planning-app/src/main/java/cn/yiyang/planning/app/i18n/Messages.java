package cn.yiyang.planning.app.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * Every user-visible text, in Chinese (the default) and English, from
 * {@code vaadin-i18n/translations*.properties}. The UI (through {@link TranslationProvider}) and the
 * REST API's error messages read the same bundles.
 */
@Component
public class Messages {

    /** Simplified Chinese, the default language. */
    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    public static final Locale EN = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(ZH, EN);
    static final String BUNDLE = "vaadin-i18n/translations";

    /**
     * The text for {@code key} in {@code locale}, with {@link MessageFormat} arguments; a {@link Localized}
     * argument is rendered in the same language.
     */
    public String get(String key, Locale locale, Object... args) {
        Locale l = supported(locale);
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(
                            BUNDLE,
                            l,
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] rendered = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            rendered[i] = args[i] instanceof Localized text ? text.in(l) : args[i];
        }
        return new MessageFormat(pattern, l).format(rendered);
    }

    /** The supported locale closest to {@code requested}: English for any English, else Chinese. */
    public static Locale supported(Locale requested) {
        if (requested != null && "en".equals(requested.getLanguage())) {
            return EN;
        }
        return ZH;
    }
}
