package cn.yiyang.planning.app.ogc;

import cn.yiyang.planning.app.feature.FeatureNotFoundException;
import cn.yiyang.planning.app.layer.LayerService;
import cn.yiyang.planning.app.layer.LayerState;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.Scope;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** What the OGC API reads: the layers with their state, a layer's matching features, one feature. */
@Service
class OgcService {

    private final LayerService layers;
    private final FeatureRepository features;
    private final DataScopes scopes;

    /** @param scopes what each user reads: the features of its counties, without the fields it may not see */
    OgcService(LayerService layers, FeatureRepository features, DataScopes scopes) {
        this.layers = layers;
        this.features = features;
        this.scopes = scopes;
    }

    /** The user's scope ({@link DataScopes}). */
    Scope scope(AppUser user) {
        return scopes.of(user);
    }

    /**
     * Every layer (reading a layer needs a signed-in user only, see {@link Permissions}), its count and extent of the
     * user's counties' features.
     */
    List<LayerState> collections(AppUser user) {
        return layers.layers(scope(user));
    }

    /** One layer, checked for reading, its count and extent of the user's counties' features. */
    LayerState collection(AppUser user, String id) {
        LayerState s = layers.layer(id, scope(user));
        Permissions.check(user, Action.read(s.definition()));
        return s;
    }

    /**
     * How many features match (the page's window aside): all of them is the layer's count within the scope, kept per
     * data version and counties ({@link LayerState#featureCount()} of {@link #collection}), so that paging through
     * a whole layer does not count it once a page.
     *
     * @param layer the layer as {@link #collection} read it for the user of {@code scope}
     */
    long matched(LayerState layer, ItemsParameters p, Scope scope) {
        if (p.nothing()) {
            return 0;
        }
        return p.everything()
                ? layer.featureCount()
                : features.count(layer.definition(), p.matching().within(scope));
    }

    /** The page's features, handed to {@code sink} as they are read. */
    void page(LayerState layer, ItemsParameters p, Scope scope, Consumer<Feature> sink) {
        if (!p.nothing()) {
            features.forEachInPage(layer.definition(), p.page().within(scope), sink);
        }
    }

    /** One feature of the layer, when it lies in the scope. */
    Feature feature(LayerState layer, long id, Scope scope) {
        return features.findById(layer.definition(), id, scope)
                .orElseThrow(
                        () -> new FeatureNotFoundException(layer.definition().id(), id));
    }
}
