package cn.yiyang.planning.importer.mapping;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.mapping.FieldCandidate.Evidence;
import cn.yiyang.planning.importer.mapping.FieldCandidate.Titles;
import cn.yiyang.planning.importer.mapping.FieldMapping.Decision;
import cn.yiyang.planning.importer.mapping.FieldMapping.Entry;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Maps fields by their content where their names say nothing: what a GIS technician does with a file whose
 * columns are called {@code BM} or {@code 编号2}. For each layer field that must be given (a required field, the
 * key) and that no column gives by name, title or alias (and no {@link Derivations derivation} fills), the columns
 * left over are looked at, on a sample of the file's first rows:
 * <ul>
 *   <li>a field that refers to another layer ({@link FieldDef#references()}) takes a column whose values are keys
 *       of that layer in the store (village codes, works codes, road codes);</li>
 *   <li>a code field takes a column whose values its code list resolves ({@code CodeList.resolve});</li>
 *   <li>the key takes a column of unique values shaped like the keys the layer already holds (letters and digits
 *       in the same places); when it holds none, a column of unique code-like values is only offered;</li>
 *   <li>a date field takes a column of dates, in every form {@link ValueConverter} reads.</li>
 * </ul>
 * A column at least half of whose non-empty values fit is a candidate; candidates are ranked by that share. The
 * best is applied ({@link Decision#CONTENT}, with a {@code FIELD_INFERRED} warning for the user to confirm) when
 * every non-empty value fits and no other column's do, and for a date when it is the layer's one required date and
 * the file's one date column; otherwise the field stays unmapped (the import needs input) and the candidates are
 * listed ({@code FIELD_CANDIDATES}) for the user, or an API caller, to accept one.
 */
public final class ContentMatcher {

    /** The rows whose values are looked at: enough to tell, few enough to cost nothing beside a load. */
    public static final int SAMPLE_ROWS = 2_000;

    private static final int MIN_PERCENT = 50;
    private static final Pattern CODE_LIKE = Pattern.compile("[\\p{L}\\p{N}_./-]{2,64}");
    private static final ValueConverter CONVERTER = new ValueConverter();

    /**
     * What the store knows that values are compared with.
     *
     * @param references for each field that refers to another layer, whether a value is a key of it
     * @param keyShapes  the {@link #shape shapes} of the keys the layer holds (empty when it holds none)
     */
    public record StoreKeys(Map<String, Predicate<String>> references, Set<String> keyShapes) {
        public StoreKeys {
            references = Map.copyOf(references);
            keyShapes = Set.copyOf(keyShapes);
        }
    }

    private ContentMatcher() {}

    /** The layer fields whose column is looked for by content: required or the key, given by no column. */
    public static List<FieldDef> wanted(LayerDef layer, FieldMapping mapping) {
        List<String> given = mapping.entries().stream()
                .filter(Entry::toField)
                .map(Entry::target)
                .toList();
        return layer.fields().stream()
                .filter(f -> f.required() || f.name().equals(layer.keyField()))
                .filter(f -> mapping.sourceOf(f.name()).isEmpty())
                .filter(f -> !Derivations.derives(layer, f.name(), given))
                .toList();
    }

    /**
     * The proposal with the fields no name gave looked for by content.
     *
     * @param proposal the proposal by names ({@link FieldMapper#propose})
     * @param layer    the target layer
     * @param file     the file name, for the problems
     * @param columns  the sampled values of each column, in the file's order (nulls for empty cells)
     * @param store    the keys the values are compared with
     */
    public static MappingProposal refine(
            MappingProposal proposal, LayerDef layer, String file, Map<String, List<Object>> columns, StoreKeys store) {
        List<FieldDef> wanted = wanted(layer, proposal.mapping());
        if (wanted.isEmpty()) {
            return proposal;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        proposal.mapping().entries().forEach(e -> entries.put(e.source(), e));
        List<ImportIssue> issues = new ArrayList<>(proposal.issues());
        List<FieldProposal> proposals = new ArrayList<>(proposal.mapping().proposals());
        Set<String> used = new HashSet<>();
        long requiredDates = layer.fields().stream()
                .filter(f -> f.required() && f.type() == FieldType.DATE)
                .count();
        for (FieldDef field : wanted) {
            List<FieldCandidate> candidates = new ArrayList<>();
            for (Entry e : entries.values()) {
                if (e.decision() == Decision.EXTRA && !used.contains(e.source()) && columns.containsKey(e.source())) {
                    FieldCandidate c = candidate(layer, field, e.source(), columns.get(e.source()), store);
                    if (c != null) {
                        candidates.add(c);
                    }
                }
            }
            if (candidates.isEmpty()) {
                continue;
            }
            candidates.sort(Comparator.comparingInt(FieldCandidate::percent)
                    .reversed()
                    .thenComparingInt(c -> c.evidence().ordinal())
                    .thenComparing(
                            Comparator.comparingInt(FieldCandidate::nonEmpty).reversed()));
            FieldCandidate best = candidates.getFirst();
            boolean confident = best.all()
                    && best.evidence() != Evidence.KEY_UNIQUE
                    && candidates.stream().filter(FieldCandidate::all).count() == 1
                    && (best.evidence() != Evidence.DATE || requiredDates == 1);
            proposals.add(new FieldProposal(field.name(), confident, candidates));
            if (confident) {
                used.add(best.source());
                entries.put(best.source(), new Entry(best.source(), field.name(), Decision.CONTENT));
                issues.removeIf(i -> i.code() == IssueCode.REQUIRED_FIELD_UNMAPPED
                        && field.name().equals(i.field()));
                issues.add(ImportIssue.ofRow(
                        file,
                        0,
                        field.name(),
                        IssueCode.FIELD_INFERRED,
                        field.name(),
                        field.titleZh(),
                        field.titleEn(),
                        best.source(),
                        best.describe(Locale.SIMPLIFIED_CHINESE),
                        best.describe(Locale.ENGLISH)));
            } else {
                issues.add(ImportIssue.ofRow(
                        file,
                        0,
                        field.name(),
                        IssueCode.FIELD_CANDIDATES,
                        field.name(),
                        field.titleZh(),
                        field.titleEn(),
                        list(candidates, Locale.SIMPLIFIED_CHINESE),
                        list(candidates, Locale.ENGLISH)));
            }
        }
        return new MappingProposal(new FieldMapping(List.copyOf(entries.values()), proposals), issues);
    }

    /**
     * The shape of a key: each letter an {@code A}, each digit a {@code 9}, the rest as written
     * ({@code X001430923-2} → {@code A999999999-9}).
     */
    public static String shape(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        key.codePoints().forEach(c -> {
            if (Character.isDigit(c)) {
                sb.append('9');
            } else if (Character.isLetter(c)) {
                sb.append('A');
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    /** The candidate a column makes for a field, or null when too few of its values fit. */
    private static FieldCandidate candidate(
            LayerDef layer, FieldDef field, String source, List<Object> values, StoreKeys store) {
        Predicate<String> reference = store.references().get(field.name());
        boolean key = field.name().equals(layer.keyField());
        Evidence evidence;
        Titles about = new Titles(field.titleZh(), field.titleEn());
        Predicate<Object> fits;
        if (reference != null) {
            evidence = Evidence.REFERENCE;
            LayerDef target = LayerCatalogue.standard().find(field.references()).orElse(layer);
            about = new Titles(target.titleZh(), target.titleEn());
            fits = v -> reference.test(ValueConverter.text(v).strip());
        } else if (field.type() == FieldType.CODE) {
            evidence = Evidence.CODE_LIST;
            fits = v -> field.codeList().resolve(ValueConverter.text(v).strip()).isPresent();
        } else if (field.type() == FieldType.DATE) {
            evidence = Evidence.DATE;
            fits = v -> CONVERTER.convert(field, v) instanceof Conversion.Value;
        } else if (key) {
            if (!unique(values)) {
                return null;
            }
            evidence = store.keyShapes().isEmpty() ? Evidence.KEY_UNIQUE : Evidence.KEY_PATTERN;
            fits = store.keyShapes().isEmpty()
                    ? v -> CODE_LIKE.matcher(ValueConverter.text(v).strip()).matches()
                            && ValueConverter.text(v).chars().anyMatch(Character::isDigit)
                    : v -> store.keyShapes()
                            .contains(shape(ValueConverter.text(v).strip()));
        } else {
            return null;
        }
        int nonEmpty = 0;
        int matching = 0;
        for (Object v : values) {
            if (v == null || v instanceof String s && s.isBlank()) {
                continue;
            }
            nonEmpty++;
            if (fits.test(v)) {
                matching++;
            }
        }
        FieldCandidate c = new FieldCandidate(source, evidence, matching, nonEmpty, about);
        return matching > 0 && c.percent() >= MIN_PERCENT ? c : null;
    }

    private static boolean unique(List<Object> values) {
        Set<String> seen = new HashSet<>();
        for (Object v : values) {
            if (v != null && !seen.add(ValueConverter.text(v).strip())) {
                return false;
            }
        }
        return true;
    }

    private static String list(List<FieldCandidate> candidates, Locale locale) {
        StringBuilder sb = new StringBuilder();
        for (FieldCandidate c : candidates) {
            if (!sb.isEmpty()) {
                sb.append(locale.getLanguage().equals("en") ? "; " : "；");
            }
            sb.append(c.describe(locale));
        }
        return sb.toString();
    }
}
