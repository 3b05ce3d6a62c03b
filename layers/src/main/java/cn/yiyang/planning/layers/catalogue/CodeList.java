package cn.yiyang.planning.layers.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A named list of allowed values for a {@link FieldType#CODE} field. */
public final class CodeList {

    private final String id;
    private final List<Code> codes;
    private final Map<String, Code> lookup = new LinkedHashMap<>();

    private CodeList(String id, List<Code> codes) {
        this.id = id;
        this.codes = List.copyOf(codes);
        for (Code c : this.codes) {
            lookup.put(normalise(c.value()), c);
        }
        for (Code c : this.codes) {
            lookup.putIfAbsent(normalise(c.titleZh()), c);
            lookup.putIfAbsent(normalise(c.titleEn()), c);
            for (String a : c.aliases()) {
                lookup.putIfAbsent(normalise(a), c);
            }
        }
    }

    public String id() {
        return id;
    }

    public List<Code> codes() {
        return codes;
    }

    /** The code whose value is exactly {@code value}. */
    public Optional<Code> byValue(String value) {
        return codes.stream().filter(c -> c.value().equals(value)).findFirst();
    }

    /**
     * Resolves what a source file wrote (the value, a Chinese or English label, or an alias,
     * ignoring case and surrounding white space) to a code.
     */
    public Optional<Code> resolve(String written) {
        if (written == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(lookup.get(normalise(written)));
    }

    private static String normalise(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Fluent construction of a code list. */
    public static final class Builder {
        private final String id;
        private final List<Code> codes = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder code(String value, String zh, String en, String... aliases) {
            codes.add(new Code(value, zh, en, List.of(aliases)));
            return this;
        }

        public CodeList build() {
            return new CodeList(id, codes);
        }
    }
}
