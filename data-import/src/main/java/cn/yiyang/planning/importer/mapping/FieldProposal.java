package cn.yiyang.planning.importer.mapping;

import java.util.List;

/**
 * The columns proposed for one layer field that no column gives by name, title or alias, best first.
 *
 * @param field      the layer field
 * @param applied    whether the first candidate was confident enough to be applied (every non-empty value fits,
 *                   and no other column's values all fit): it is then mapped, with the decision
 *                   {@link FieldMapping.Decision#CONTENT} for the user to confirm
 * @param candidates the candidates, best first; never empty
 */
public record FieldProposal(String field, boolean applied, List<FieldCandidate> candidates) {

    public FieldProposal {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a proposal has at least one candidate");
        }
    }

    /** The best candidate. */
    public FieldCandidate best() {
        return candidates.getFirst();
    }
}
