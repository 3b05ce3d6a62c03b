package cn.yiyang.planning.app.edit;

import java.util.List;
import java.util.Optional;

/** The values a reference field can take: the keys and names of the referenced layer's features. */
public interface ReferenceSource {

    /**
     * The options matching {@code filter} (the start of a key, or part of a name), keys in order, from
     * {@code offset}, at most {@code limit}.
     */
    List<ReferenceOption> options(String targetLayerId, String filter, int offset, int limit);

    /** The option of one key, if the referenced layer has it. */
    Optional<ReferenceOption> option(String targetLayerId, String key);
}
