package cn.yiyang.planning.app.edit;

import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the server keeps of one editing session (the shapes are in the browser): for each stored feature the
 * version its edit started from, the attributes the user typed for each feature (kept until they are saved,
 * through refusals and conflicts), and which new features are parts split off another. Keys are the map's
 * session keys (a store id as text, or {@code n1} … for new features).
 */
final class EditSession {

    private final LayerDef layer;
    private final Map<String, EditedFeature> bases = new HashMap<>();
    private final Map<String, Map<String, Object>> typed = new LinkedHashMap<>();
    private final Map<String, String> copyOf = new HashMap<>();
    private final Set<String> conflicts = new LinkedHashSet<>();

    EditSession(LayerDef layer) {
        this.layer = layer;
    }

    LayerDef layer() {
        return layer;
    }

    /** The stored feature as the edit of {@code key} started from it, if known. */
    Optional<EditedFeature> base(String key) {
        return Optional.ofNullable(bases.get(key));
    }

    /** Notes the version an edit starts from, unless one is noted already (the first one counts). */
    void startFrom(String key, EditedFeature stored) {
        bases.putIfAbsent(key, stored);
    }

    /** Re-bases an edit on a newer stored version (a deliberate overwrite, or the other user's version reloaded). */
    void rebase(String key, EditedFeature stored) {
        bases.put(key, stored);
        conflicts.remove(key);
    }

    /** Notes that a new feature is a part split off {@code source}: it takes that feature's attributes. */
    void copyOf(String key, String source) {
        if (source != null) {
            copyOf.put(key, source);
        }
    }

    /** The values the user typed for {@code key}. */
    void typed(String key, Map<String, Object> values) {
        typed.put(key, new LinkedHashMap<>(values));
    }

    /** Forgets what the user typed for {@code key} (the other user's version was taken). */
    void dropTyped(String key) {
        typed.remove(key);
    }

    /** Whether the user typed values for {@code key}. */
    boolean hasTyped(String key) {
        return typed.containsKey(key);
    }

    /** The keys whose attributes the user changed, in the order first changed. */
    Set<String> typedKeys() {
        return typed.keySet();
    }

    /**
     * The attributes {@code key} has in this session: what the user typed; else the stored ones; else, for a part
     * split off a feature, that feature's attributes without its key (two features may not share one); else none.
     */
    Map<String, Object> values(String key) {
        Map<String, Object> own = typed.get(key);
        if (own != null) {
            return new LinkedHashMap<>(own);
        }
        EditedFeature base = bases.get(key);
        if (base != null) {
            return new LinkedHashMap<>(base.attributes());
        }
        String source = copyOf.get(key);
        if (source != null && !source.equals(key)) {
            Map<String, Object> copied = values(source);
            if (layer.keyField() != null) {
                copied.remove(layer.keyField());
            }
            return copied;
        }
        return new LinkedHashMap<>();
    }

    /** The write of {@code key} is stale: another session changed the feature. */
    void conflict(String key) {
        conflicts.add(key);
    }

    Set<String> conflicts() {
        return conflicts;
    }

    /** {@code key} is stored: what was typed is in the store now, the next edit starts from the new version. */
    void saved(String key) {
        typed.remove(key);
        bases.remove(key);
        copyOf.remove(key);
        conflicts.remove(key);
    }
}
