package cn.yiyang.planning.app.map;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.UnknownLayerException;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.Scope;
import cn.yiyang.planning.layers.tiles.TileCoord;
import cn.yiyang.planning.layers.tiles.TileRules;
import cn.yiyang.planning.layers.tiles.TileSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Map data for the views and the tile endpoints: which layers have tiles, the tiles themselves (with
 * an ETag), layer extents, and the {@link MapLayer} descriptions the map component takes.
 */
@Service
public class TileService {

    private final TileSource source;
    private final LayerCatalogue catalogue;
    private final LayerVersions versions;
    /** Part of every entity tag: a new release may encode the same data differently. */
    private final String release = Long.toHexString(System.currentTimeMillis());

    private final DataScopes scopes;

    /** With the default household roles ({@link DataScopes#standard}), for views built without Spring. */
    public TileService(TileSource source, LayerCatalogue catalogue, LayerVersions versions) {
        this(source, catalogue, versions, DataScopes.standard());
    }

    /** @param scopes what each user's tiles hold: its counties' features, without the fields it may not see */
    @Autowired
    public TileService(TileSource source, LayerCatalogue catalogue, LayerVersions versions, DataScopes scopes) {
        this.source = source;
        this.catalogue = catalogue;
        this.versions = versions;
        this.scopes = scopes;
    }

    /**
     * What the user's tiles of the layer hold ({@link DataScopes}), as it bears on that layer ({@link Scope#on}): readers
     * for whom it changes nothing share the entity tags and the year-long caching of versioned URLs.
     */
    public Scope scope(AppUser user, String layerId) {
        return scopes.of(user).on(tiledLayer(layerId));
    }

    /** What the user's tiles hold ({@link DataScopes}). */
    public Scope scope(AppUser user) {
        return scopes.of(user);
    }

    /** A service whose layer versions are read from {@code features}. */
    public TileService(TileSource source, FeatureRepository features, LayerCatalogue catalogue) {
        this(source, catalogue, new LayerVersions(features));
    }

    /**
     * A tile and its entity tag.
     *
     * @param data    the MVT bytes
     * @param etag    the entity tag: layer version, tile and release, so it is known before the tile is made
     * @param version the layer version the tile was made from
     */
    public record Tile(byte[] data, String etag, long version) {}

    /** The layer's current data version. */
    public long version(String layerId) {
        return versions.version(tiledLayer(layerId));
    }

    /**
     * Tells the listener the ids of layers that have a new data version, on the thread that found
     * them (see {@link LayerVersions}).
     *
     * @return call it to stop listening
     */
    public Runnable onNewVersions(Consumer<Set<String>> listener) {
        return versions.addListener(listener);
    }

    /** The entity tag of a tile of the layer at its current version, without making the tile. */
    public String etag(String layerId, TileCoord c) {
        return etag(layerId, c, Scope.ALL);
    }

    /** The entity tag of a tile as a reader with this scope gets it (the scope is part of the tag). */
    public String etag(String layerId, TileCoord c, Scope scope) {
        return etag(layerId, version(layerId), c, scope);
    }

    /** The catalogue layers that have geometry, hence tiles, in catalogue order. */
    public List<LayerDef> tiledLayers() {
        return catalogue.layers().stream()
                .filter(l -> l.geometry().hasGeometry())
                .toList();
    }

    /**
     * The layer with this id if it has tiles.
     *
     * @throws UnknownLayerException when there is no such layer or it has no geometry
     */
    public LayerDef tiledLayer(String id) {
        return catalogue
                .find(id)
                .filter(l -> l.geometry().hasGeometry())
                .orElseThrow(() -> new UnknownLayerException(id));
    }

    /**
     * The tile of a layer.
     *
     * @throws UnknownLayerException when the layer has no tiles
     */
    public Tile tile(String layerId, TileCoord c) {
        return tile(layerId, c, Scope.ALL);
    }

    /**
     * The tile of a layer as a reader with this scope sees it: its counties' features, without the fields it may
     * not see.
     *
     * @throws UnknownLayerException when the layer has no tiles
     */
    public Tile tile(String layerId, TileCoord c, Scope scope) {
        LayerDef layer = tiledLayer(layerId);
        long version = versions.version(layer);
        byte[] data = source.tile(layer, c, scope);
        return new Tile(data, etag(layerId, version, c, scope), version);
    }

    /**
     * The bounding box in longitude/latitude of the layer's features the user reads (those of its counties), or
     * empty when there are none.
     */
    public Optional<Envelope> extent(String layerId, AppUser user) {
        return Optional.ofNullable(
                versions.summary(tiledLayer(layerId), scope(user)).extent());
    }

    public int minZoom(LayerDef layer) {
        return TileRules.minZoom(layer);
    }

    public int maxZoom() {
        return TileRules.MAX_DATA_ZOOM;
    }

    /** The tile URL template, relative to the app's base URL. */
    public String tileUrlTemplate(String layerId) {
        return "tiles/" + layerId + "/{z}/{x}/{y}.mvt";
    }

    /** A map layer for the component, titled in the locale's language, with what its codes mean. */
    public MapLayer mapLayer(LayerDef layer, Locale locale, boolean visible) {
        return new MapLayer(
                layer.id(),
                title(layer, locale),
                layer.geometry(),
                tileUrlTemplate(layer.id()),
                minZoom(layer),
                maxZoom(),
                visible,
                1.0,
                versions.version(layer),
                MapLayer.codesOf(layer));
    }

    /** The layer's title in the locale's language: English for English, else Chinese. */
    public static String title(LayerDef layer, Locale locale) {
        return english(locale) ? layer.titleEn() : layer.titleZh();
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /**
     * The entity tag: release, layer, version and tile, in plain text (an opaque tag needs no hash, and
     * this one is made twice for every tile request: once to compare, once to send).
     */
    private String etag(String layerId, long version, TileCoord c, Scope scope) {
        String scoped = scope.equals(Scope.ALL) ? "" : "-" + scope.key().replace('/', '.');
        return "\"" + release + "-" + layerId + "-" + Long.toString(version, 36) + "-" + c.z() + "-" + c.x() + "-"
                + c.y() + scoped + "\"";
    }
}
