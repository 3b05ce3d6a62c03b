package cn.yiyang.planning.importer.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each source field goes: to a catalogue field of the layer, into the feature's extra
 * attributes under its source name ({@link #EXTRA}), or nowhere ({@link #IGNORE}). Every source
 * field has exactly one entry, in the file's order.
 *
 * @param entries   one per source field
 * @param proposals for the layer fields no column gives by name, title or alias: the columns whose values fit them,
 *                  best first (applied or to choose from)
 */
public record FieldMapping(List<Entry> entries, List<FieldProposal> proposals) {

    /** The target of a source field kept as an extra attribute under its own name. */
    public static final String EXTRA = "EXTRA";
    /** The target of a source field that is dropped. */
    public static final String IGNORE = "IGNORE";

    public FieldMapping {
        entries = List.copyOf(entries);
        proposals = List.copyOf(proposals);
    }

    /** A mapping decided by names alone, without proposals. */
    public FieldMapping(List<Entry> entries) {
        this(entries, List.of());
    }

    /** How an entry was decided. */
    public enum Decision {
        /** The user's explicit map said so. */
        EXPLICIT,
        /** The source field has the catalogue field's name (ignoring case, blanks and underscores). */
        NAME,
        /** The source field has the catalogue field's Chinese or English title. */
        TITLE,
        /** The source field has one of the catalogue field's aliases (道路名称, 路面类型, LXMC …). */
        ALIAS,
        /**
         * No name matched, but the column's values fit the field (keys of the referenced layer, codes of its code
         * list, the layer's key shape, dates) and no other column's do: inferred, for the user to confirm.
         */
        CONTENT,
        /** Nothing matched: the field is kept as an extra attribute. */
        EXTRA
    }

    /**
     * One source field's destination.
     *
     * @param source   the source field name, as the file has it
     * @param target   a catalogue field name, {@link #EXTRA} or {@link #IGNORE}
     * @param decision how it was decided
     */
    public record Entry(String source, String target, Decision decision) {

        /** Whether the field goes to a catalogue field. */
        public boolean toField() {
            return !EXTRA.equals(target) && !IGNORE.equals(target);
        }

        public boolean toExtra() {
            return EXTRA.equals(target);
        }
    }

    /** The entry of a source field. */
    public Optional<Entry> entry(String source) {
        return entries.stream().filter(e -> e.source().equals(source)).findFirst();
    }

    /** The source field that gives a catalogue field, if any. */
    public Optional<String> sourceOf(String targetField) {
        return entries.stream()
                .filter(e -> e.target().equals(targetField))
                .map(Entry::source)
                .findFirst();
    }

    /** The proposal for a layer field, if its values were looked at. */
    public Optional<FieldProposal> proposalFor(String targetField) {
        return proposals.stream().filter(p -> p.field().equals(targetField)).findFirst();
    }

    /** Source field → target ({@link #EXTRA}, {@link #IGNORE} or a field name), in the file's order: what the UI shows and a user may send back changed. */
    public Map<String, String> asMap() {
        Map<String, String> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.source(), e.target()));
        return out;
    }
}
