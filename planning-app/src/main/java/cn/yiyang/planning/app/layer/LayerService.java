package cn.yiyang.planning.app.layer;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.LayerSummary;
import cn.yiyang.planning.layers.feature.Scope;
import cn.yiyang.planning.layers.load.LayerLoad;
import cn.yiyang.planning.layers.load.LayerLoadRepository;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The layer catalogue with what each layer holds now: feature count, extent, provenance. */
@Service
public class LayerService {

    private final LayerCatalogue catalogue;
    private final LayerVersions versions;
    private final LayerLoadRepository loads;

    LayerService(LayerCatalogue catalogue, LayerVersions versions, LayerLoadRepository loads) {
        this.catalogue = catalogue;
        this.versions = versions;
        this.loads = loads;
    }

    /** Every layer, in catalogue order, with its current state. */
    public List<LayerState> layers() {
        return layers(Scope.ALL);
    }

    /**
     * Every layer, in catalogue order, with its current state as a reader of this scope sees it: the feature count
     * and extent of its counties' features only, so that a county's reader is not told the city's totals.
     */
    public List<LayerState> layers(Scope scope) {
        Map<String, LayerLoad> latest = loads.latestByLayer();
        return catalogue.layers().stream()
                .map(d -> state(d, latest.get(d.id()), scope))
                .toList();
    }

    /** One layer; throws {@link cn.yiyang.planning.layers.catalogue.UnknownLayerException} if there is none. */
    public LayerState layer(String id) {
        return layer(id, Scope.ALL);
    }

    /** One layer as a reader of this scope sees it ({@link #layers(Scope)}). */
    public LayerState layer(String id, Scope scope) {
        LayerDef def = catalogue.get(id);
        return state(def, loads.latest(id).orElse(null), scope);
    }

    /** Whether any layer's latest load is synthetic demo data. */
    public boolean holdsSyntheticData() {
        return loads.latestByLayer().values().stream().anyMatch(LayerLoad::synthetic);
    }

    private LayerState state(LayerDef def, LayerLoad latest, Scope scope) {
        LayerSummary s = versions.summary(def, scope); // counted once per data version, not on every call
        return new LayerState(def, s.featureCount(), s.extent(), latest);
    }
}
