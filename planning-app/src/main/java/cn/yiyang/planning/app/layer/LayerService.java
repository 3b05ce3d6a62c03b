package cn.yiyang.planning.app.layer;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.LayerSummary;
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
        Map<String, LayerLoad> latest = loads.latestByLayer();
        return catalogue.layers().stream()
                .map(d -> state(d, latest.get(d.id())))
                .toList();
    }

    /** One layer; throws {@link cn.yiyang.planning.layers.catalogue.UnknownLayerException} if there is none. */
    public LayerState layer(String id) {
        LayerDef def = catalogue.get(id);
        return state(def, loads.latest(id).orElse(null));
    }

    /** Whether any layer's latest load is synthetic demo data. */
    public boolean holdsSyntheticData() {
        return loads.latestByLayer().values().stream().anyMatch(LayerLoad::synthetic);
    }

    private LayerState state(LayerDef def, LayerLoad latest) {
        LayerSummary s = versions.summary(def); // counted once per data version, not on every call
        return new LayerState(def, s.featureCount(), s.extent(), latest);
    }
}
