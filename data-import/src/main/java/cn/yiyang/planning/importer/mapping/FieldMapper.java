package cn.yiyang.planning.importer.mapping;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.mapping.FieldMapping.Decision;
import cn.yiyang.planning.importer.mapping.FieldMapping.Entry;
import cn.yiyang.planning.importer.source.SourceDescription;
import cn.yiyang.planning.importer.source.SourceField;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Proposes a {@link FieldMapping} from a file's fields to a layer's.
 *
 * <p>Rules, in order of precedence:
 * <ol>
 *   <li>the user's explicit map (source → field name, {@code EXTRA} or {@code IGNORE}; an empty
 *       target means {@code IGNORE}) wins; an entry naming a source or target field that does not
 *       exist, or a target another entry already took, is a {@code BAD_FIELD_MAPPING};</li>
 *   <li>a source field with a catalogue field's name, then with its Chinese or English title, then
 *       with one of its aliases (道路名称 → name, 路面类型 → surface, 村代码 → village_code …).
 *       Names are compared ignoring case, full-width forms, blanks, underscores and a bracketed unit on
 *       either side (路面宽度（米） = 路面宽度, 处理规模（吨/日） = 处理规模). Each catalogue field takes one source field: an earlier rule beats a
 *       later one, then the file's order decides;</li>
 *   <li>every other source field is kept as an extra attribute.</li>
 * </ol>
 * A required catalogue field that no source field gives (and no {@link Derivations derivation}
 * fills) is a {@code REQUIRED_FIELD_UNMAPPED}.
 */
public final class FieldMapper {

    private FieldMapper() {}

    /**
     * @param source   the file, for its field names and its name (which locates the problems)
     * @param layer    the target layer
     * @param explicit the user's map, source field → target; may be null or empty
     * @return the mapping and its problems
     */
    public static MappingProposal propose(SourceDescription source, LayerDef layer, Map<String, String> explicit) {
        List<String> sourceNames =
                source.fields().stream().map(SourceField::name).toList();
        Map<String, Entry> decided = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        List<ImportIssue> issues = new ArrayList<>();

        if (explicit != null) {
            for (Map.Entry<String, String> e : explicit.entrySet()) {
                Optional<String> src = findSource(sourceNames, e.getKey());
                Optional<String> target = target(layer, e.getValue());
                if (src.isEmpty()
                        || target.isEmpty()
                        || taken.contains(target.get())
                        || decided.containsKey(src.get())) {
                    issues.add(ImportIssue.ofFile(
                            source.fileName(),
                            IssueCode.BAD_FIELD_MAPPING,
                            e.getKey(),
                            e.getValue() == null ? "" : e.getValue()));
                    continue;
                }
                decided.put(src.get(), new Entry(src.get(), target.get(), Decision.EXPLICIT));
                if (!FieldMapping.EXTRA.equals(target.get()) && !FieldMapping.IGNORE.equals(target.get())) {
                    taken.add(target.get());
                }
            }
        }

        match(sourceNames, layer, decided, taken, Decision.NAME, f -> List.of(f.name()));
        match(sourceNames, layer, decided, taken, Decision.TITLE, f -> List.of(f.titleZh(), f.titleEn()));
        match(sourceNames, layer, decided, taken, Decision.ALIAS, FieldDef::aliases);

        List<Entry> entries = new ArrayList<>();
        for (String name : sourceNames) {
            entries.add(decided.getOrDefault(name, new Entry(name, FieldMapping.EXTRA, Decision.EXTRA)));
        }
        for (FieldDef f : layer.fields()) {
            if (f.required() && !taken.contains(f.name()) && !Derivations.derives(layer, f.name(), taken)) {
                issues.add(ImportIssue.ofRow(
                        source.fileName(),
                        0,
                        f.name(),
                        IssueCode.REQUIRED_FIELD_UNMAPPED,
                        f.name(),
                        f.titleZh(),
                        f.titleEn()));
            }
        }
        return new MappingProposal(new FieldMapping(entries), issues);
    }

    private static void match(
            List<String> sourceNames,
            LayerDef layer,
            Map<String, Entry> decided,
            Set<String> taken,
            Decision decision,
            Function<FieldDef, List<String>> namesOf) {
        for (String name : sourceNames) {
            if (decided.containsKey(name)) {
                continue;
            }
            String key = normalise(name);
            for (FieldDef f : layer.fields()) {
                if (taken.contains(f.name())) {
                    continue;
                }
                boolean hit = namesOf.apply(f).stream()
                        .filter(n -> n != null && !n.isBlank())
                        .anyMatch(n -> normalise(n).equals(key)
                                || withoutUnit(normalise(n)).equals(key)
                                || normalise(n).equals(withoutUnit(key)));
                if (hit) {
                    decided.put(name, new Entry(name, f.name(), decision));
                    taken.add(f.name());
                    break;
                }
            }
        }
    }

    private static Optional<String> findSource(List<String> sourceNames, String wanted) {
        if (wanted == null) {
            return Optional.empty();
        }
        if (sourceNames.contains(wanted)) {
            return Optional.of(wanted);
        }
        String key = normalise(wanted);
        return sourceNames.stream().filter(n -> normalise(n).equals(key)).findFirst();
    }

    /** The target an explicit entry names: a field name, EXTRA or IGNORE (also for an empty target). */
    private static Optional<String> target(LayerDef layer, String wanted) {
        if (wanted == null || wanted.isBlank() || wanted.strip().equalsIgnoreCase(FieldMapping.IGNORE)) {
            return Optional.of(FieldMapping.IGNORE);
        }
        if (wanted.strip().equalsIgnoreCase(FieldMapping.EXTRA)) {
            return Optional.of(FieldMapping.EXTRA);
        }
        String w = wanted.strip();
        return layer.fields().stream()
                .map(FieldDef::name)
                .filter(n -> n.equalsIgnoreCase(w))
                .findFirst();
    }

    /** Compares names as users write them: full-width forms, case, blanks and underscores do not count. */
    static String normalise(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '_' && c != '-' && c != '\u3000') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** 路面宽度(米) → 路面宽度: a title without its bracketed unit. */
    private static String withoutUnit(String normalised) {
        int open = normalised.lastIndexOf('(');
        return open > 0 && normalised.endsWith(")") ? normalised.substring(0, open) : normalised;
    }
}
