package cn.yiyang.planning.layers.catalogue;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One entry of a code list: the stored value, its Chinese and English labels, the other spellings that source
 * files use for it (matched when importing), and what it means to the plan's rules.
 *
 * @param value   the stored value
 * @param titleZh the Chinese label
 * @param titleEn the English label
 * @param aliases other spellings source files use
 * @param rank    the place in an ordered list, 1 the highest (expressway, the county tier), or 0 when the list
 *                has no order; see {@link CodeList#atLeast}
 * @param traits  what the value means to the rules (hardened, all-season …)
 */
public record Code(
        String value, String titleZh, String titleEn, List<String> aliases, int rank, Set<CodeTrait> traits) {

    public Code {
        aliases = List.copyOf(aliases);
        EnumSet<CodeTrait> inOrder = EnumSet.noneOf(CodeTrait.class);
        inOrder.addAll(traits);
        traits = Collections.unmodifiableSet(inOrder); // declaration order, so the JSON is stable
        if (rank < 0) {
            throw new IllegalArgumentException("negative rank of " + value);
        }
    }

    /** A code of an unordered list without traits. */
    public Code(String value, String titleZh, String titleEn, List<String> aliases) {
        this(value, titleZh, titleEn, aliases, 0, Set.of());
    }

    /** Whether the code carries {@code trait}. */
    public boolean is(CodeTrait trait) {
        return traits.contains(trait);
    }

    /** Whether the code has a place in an ordered list. */
    public boolean ranked() {
        return rank > 0;
    }
}
