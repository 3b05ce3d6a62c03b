package cn.yiyang.planning.app.system;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.i18n.Messages;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on, typed where it arises and answered by the API as an RFC 9457 problem:
 * the HTTP status, a stable {@code code} (lower snake case, listed in the README's table of problem codes),
 * a {@code detail} made from a message key of the {@code vaadin-i18n} bundles and its arguments in the
 * caller's language, and optional extra properties ({@code setting}, {@code closedOn} …). Every feature's
 * exception extends this type, so {@code ApiExceptionHandler} answers a new feature's problems without a
 * change. Arguments or properties that read differently in each language are {@link Localized}.
 */
public abstract class ProblemException extends RuntimeException {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    private final HttpStatus status;
    private final String code;
    private final String messageKey;
    private final transient List<Object> arguments;
    private final transient Map<String, Object> properties = new LinkedHashMap<>();

    /**
     * @param message    for logs and developers (the caller gets the translated message)
     * @param status     the HTTP status
     * @param code       the stable code, lower snake case ({@code register_entry_closed})
     * @param messageKey the message's key in the bundles ({@code api.error.register-entry-closed})
     * @param arguments  the message's arguments, in order ({@link Localized} ones are rendered per language)
     */
    protected ProblemException(String message, HttpStatus status, String code, String messageKey, Object... arguments) {
        super(message);
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("problem codes are lower snake case: " + code);
        }
        this.status = Objects.requireNonNull(status, "status");
        this.code = code;
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
        this.arguments = Collections.unmodifiableList(Arrays.asList(arguments.clone()));
    }

    /** Adds a property to the problem (beside {@code code} and {@code detail}); for subclasses' constructors. */
    protected final void property(String name, Object value) {
        properties.put(name, value);
    }

    /**
     * A property whose value is more than a text and reads differently in each language (a list of problems with
     * their messages): rendered by the handler in the caller's language, as {@link Localized} texts are.
     */
    @FunctionalInterface
    public interface LocalizedProperty {
        /** The value in {@code locale}, as JSON will show it. */
        Object in(Locale locale);
    }

    /** The HTTP status the API answers with. */
    public HttpStatus httpStatus() {
        return status;
    }

    /** The stable code, lower snake case. */
    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** The extra properties, in the order they were added. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** The message in {@code locale}, as the API's {@code detail} shows it. */
    public String message(Messages messages, Locale locale) {
        return messages.get(messageKey, locale, arguments.toArray());
    }

    /**
     * The arguments with the {@link Localized} ones rendered in {@code locale}: for a page, which shows the
     * message with {@code getTranslation(e.messageKey(), e.arguments(getLocale()))}.
     */
    public Object[] arguments(Locale locale) {
        return arguments.stream()
                .map(a -> a instanceof Localized text ? text.in(locale) : a)
                .toArray();
    }
}
