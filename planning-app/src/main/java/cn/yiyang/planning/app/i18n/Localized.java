package cn.yiyang.planning.app.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A message argument whose text depends on the reader's language: a layer's title, a status label. It is
 * made where the message arises (an exception, which knows no reader) and rendered by {@link Messages#get}
 * in the language of whoever reads the message (the API caller's Accept-Language, the page's locale).
 */
public sealed interface Localized {

    /** The text in {@code locale} (Chinese unless English is asked for, as {@link Messages#supported}). */
    String in(Locale locale);

    /** A text given in both languages, e.g. a catalogue title. */
    static Localized of(String zh, String en) {
        return new Titles(zh, en);
    }

    /** The text of a translation key, with its own arguments (which may be {@code Localized} again). */
    static Localized key(String key, Object... args) {
        return new Key(key, List.of(args));
    }

    /** Several texts as one list: {@code 甲、乙} in Chinese, {@code a, b} in English. */
    static Localized join(List<? extends Localized> parts) {
        return new Joined(List.copyOf(parts));
    }

    /**
     * Several texts as one list.
     *
     * @param parts the texts, in order
     */
    record Joined(List<Localized> parts) implements Localized {

        public Joined {
            parts = List.copyOf(parts);
        }

        @Override
        public String in(Locale locale) {
            String separator = Messages.EN.equals(Messages.supported(locale)) ? ", " : "、";
            return String.join(separator, parts.stream().map(p -> p.in(locale)).toList());
        }
    }

    /**
     * A text given in both languages.
     *
     * @param zh the Chinese text
     * @param en the English text
     */
    record Titles(String zh, String en) implements Localized {

        public Titles {
            Objects.requireNonNull(zh, "zh");
            Objects.requireNonNull(en, "en");
        }

        @Override
        public String in(Locale locale) {
            return Messages.EN.equals(Messages.supported(locale)) ? en : zh;
        }
    }

    /**
     * The text of a translation key.
     *
     * @param key  the key in the {@code vaadin-i18n} bundles
     * @param args its arguments
     */
    record Key(String key, List<Object> args) implements Localized {

        /** The bundles hold no state: any instance reads the same texts. */
        private static final Messages MESSAGES = new Messages();

        public Key {
            Objects.requireNonNull(key, "key");
            args = List.copyOf(args);
        }

        @Override
        public String in(Locale locale) {
            return MESSAGES.get(key, locale, args.toArray());
        }
    }
}
