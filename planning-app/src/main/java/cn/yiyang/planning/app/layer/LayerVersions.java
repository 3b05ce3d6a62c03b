package cn.yiyang.planning.app.layer;

import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The current version of each layer's data, for tile URLs ({@code ?v=N}) and entity tags: a new
 * load, import or edit gives the layer a new version, so browsers fetch its tiles afresh and every
 * other layer's tiles stay cached. Versions are read from the store at most every
 * {@link #MAX_AGE}; {@link #changed} forgets them at once (an importer calls it after a load).
 */
@Service
public class LayerVersions {

    /** How long a version read from the store is trusted. */
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final FeatureRepository features;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    private record Known(long version, long readAtMillis) {
    }

    @Autowired
    public LayerVersions(FeatureRepository features) {
        this(features, Clock.systemUTC());
    }

    public LayerVersions(FeatureRepository features, Clock clock) {
        this.features = features;
        this.clock = clock;
    }

    /** The layer's current version. */
    public long version(LayerDef layer) {
        long now = clock.millis();
        Known k = known.get(layer.id());
        if (k != null && now - k.readAtMillis() <= MAX_AGE.toMillis()) {
            return k.version();
        }
        // One reader per layer at a time: concurrent tile requests wait for it rather than all asking the store.
        return known.compute(layer.id(), (id, old) -> old != null && clock.millis() - old.readAtMillis() <= MAX_AGE.toMillis()
                ? old : new Known(features.version(layer), clock.millis())).version();
    }

    /** Forgets the versions of these layers (all when none are named): the next read asks the store. */
    public void changed(String... layerIds) {
        if (layerIds.length == 0) {
            known.clear();
        } else {
            for (String id : layerIds) {
                known.remove(id);
            }
        }
    }
}
