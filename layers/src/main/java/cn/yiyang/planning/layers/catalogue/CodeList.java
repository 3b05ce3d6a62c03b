package cn.yiyang.planning.layers.catalogue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A named list of allowed values for a {@link FieldType#CODE} field, and the home of what those values mean:
 * the {@link CodeTrait traits} each code carries ({@link #has}, {@link #values}) and, in an ordered list, each
 * code's rank ({@link #atLeast}). Rules ask the list instead of naming values.
 */
public final class CodeList {

    private final String id;
    private final boolean ordered;
    private final List<Code> codes;
    private final Map<String, Code> byValue = new LinkedHashMap<>();
    private final Map<String, Code> lookup = new LinkedHashMap<>();
    private final Map<String, String> elsewhere = new LinkedHashMap<>();

    private CodeList(String id, boolean ordered, List<Code> codes, Map<String, List<String>> elsewhere) {
        this.id = id;
        this.ordered = ordered;
        this.codes = List.copyOf(codes);
        elsewhere.forEach((layer, labels) -> labels.forEach(l -> this.elsewhere.putIfAbsent(normalise(l), layer)));
        for (Code c : this.codes) {
            byValue.put(c.value(), c);
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

    /** Whether the codes are ranked, highest first (technical grades, tiers); see {@link #atLeast}. */
    public boolean ordered() {
        return ordered;
    }

    /** Whether any code of this list carries a trait. */
    public boolean hasTraits() {
        return codes.stream().anyMatch(c -> !c.traits().isEmpty());
    }

    /** The code whose value is exactly {@code value}. */
    public Optional<Code> byValue(String value) {
        return Optional.ofNullable(value == null ? null : byValue.get(value));
    }

    /**
     * Resolves what a source file wrote (the value, a Chinese or English label, or an alias) to a code, as
     * departments write them: case, white space anywhere (运 行, 千人 以上) and full-width forms (ＲＵＮ, 全角空格) do not
     * count, and a label with a trailing 类 (千人以上类, 集聚提升类类) is read without it when only that matches.
     */
    public Optional<Code> resolve(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String key = normalise(written);
        Code hit = lookup.get(key);
        if (hit == null && key.length() > 1 && key.endsWith("类")) {
            hit = lookup.get(key.substring(0, key.length() - 1));
        }
        return Optional.ofNullable(hit);
    }

    /**
     * The layer where a written value belongs when it names a kind of thing another layer holds, not one of this
     * list's codes: a commerce bureau's cold-chain file lists its courier points (快递网点, 村邮站) among the sites,
     * and those rows go to {@code courier_point}, never into the cold-chain layer as some tier. Empty for a value
     * this list resolves, and for one no layer is known to hold.
     */
    public Optional<String> elsewhere(String written) {
        if (written == null || resolve(written).isPresent()) {
            return Optional.empty();
        }
        return Optional.ofNullable(elsewhere.get(normalise(written)));
    }

    /** The values of the codes that carry {@code trait}, in list order. */
    public Set<String> values(CodeTrait trait) {
        Set<String> out = new LinkedHashSet<>();
        codes.stream().filter(c -> c.is(trait)).forEach(c -> out.add(c.value()));
        return out;
    }

    /**
     * Whether the code stored as {@code value} carries {@code trait}: false for null and for a value that is not
     * in the list.
     */
    public boolean has(String value, CodeTrait trait) {
        return byValue(value).map(c -> c.is(trait)).orElse(false);
    }

    /** The rank of {@code value} (1 the highest), or empty when the list has no order or the value is unknown. */
    public OptionalInt rank(String value) {
        return byValue(value)
                .filter(Code::ranked)
                .map(c -> OptionalInt.of(c.rank()))
                .orElse(OptionalInt.empty());
    }

    /**
     * Whether {@code value} ranks as high as {@code threshold} or higher, e.g. a technical grade of class III or
     * better: {@code ROAD_TECH_GRADE.atLeast(grade, "class3")}. False for null and for a value not in the list.
     *
     * @throws IllegalArgumentException if the list has no order or {@code threshold} is not one of its values
     */
    public boolean atLeast(String value, String threshold) {
        int limit = rank(threshold)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no rank for " + threshold + " in code list " + id + (ordered ? "" : " (not ordered)")));
        OptionalInt r = rank(value);
        return r.isPresent() && r.getAsInt() <= limit;
    }

    /** NFKC (full-width forms), lower case, and no white space at all (ideographic spaces too). */
    private static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        n.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** A builder of an unordered list. */
    public static Builder builder(String id) {
        return new Builder(id, false);
    }

    /** A builder of an ordered list: the codes rank 1, 2, … in the order they are added, the first the highest. */
    public static Builder ordered(String id) {
        return new Builder(id, true);
    }

    /** Fluent construction of a code list. */
    public static final class Builder {
        private final String id;
        private final boolean ordered;
        private final List<Code> codes = new ArrayList<>();
        private final Map<String, List<String>> elsewhere = new LinkedHashMap<>();

        private Builder(String id, boolean ordered) {
            this.id = id;
            this.ordered = ordered;
        }

        /** Adds a code (ranked next when the list is ordered). */
        public Builder code(String value, String zh, String en, String... aliases) {
            codes.add(new Code(value, zh, en, List.of(aliases), ordered ? codes.size() + 1 : 0, Set.of()));
            return this;
        }

        /** Gives the code added last these traits (besides any it has). */
        public Builder is(CodeTrait... traits) {
            if (codes.isEmpty()) {
                throw new IllegalStateException("no code to give traits to in " + id);
            }
            Code last = codes.removeLast();
            Set<CodeTrait> all = new LinkedHashSet<>(last.traits());
            all.addAll(Arrays.asList(traits));
            codes.add(new Code(last.value(), last.titleZh(), last.titleEn(), last.aliases(), last.rank(), all));
            return this;
        }

        /**
         * Labels of things that belong in another layer ({@code layerId}), not in this list: a row that writes one
         * is refused with the layer to import it into (see {@link CodeList#elsewhere}).
         */
        public Builder elsewhere(String layerId, String... labels) {
            elsewhere.computeIfAbsent(layerId, k -> new ArrayList<>()).addAll(Arrays.asList(labels));
            return this;
        }

        public CodeList build() {
            return new CodeList(id, ordered, codes, elsewhere);
        }
    }
}
