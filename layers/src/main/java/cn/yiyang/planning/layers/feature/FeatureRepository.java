package cn.yiyang.planning.layers.feature;

import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;

/**
 * Reads and writes the features of any catalogue layer. One implementation serves both stores;
 * what differs between PostGIS and H2GIS lives in {@link cn.yiyang.planning.layers.store.Dialect}.
 */
public interface FeatureRepository {

    /** Feature count and extent of a layer. */
    default LayerSummary summary(LayerDef layer) {
        return summary(layer, Scope.ALL);
    }

    /**
     * Feature count and extent of the layer's features within the scope's counties (the same rows as
     * {@link FeatureQuery#within}): what a reader limited to counties is told the layer holds.
     */
    LayerSummary summary(LayerDef layer, Scope scope);

    /**
     * Loads features in one transaction: either all of them are stored (after deleting the
     * layer's features, in {@link LoadMode#REPLACE}) or, on any failure, the layer is left exactly
     * as it was. Streams: memory does not grow with the number of features.
     *
     * <p>{@link LoadMode#UPSERT} updates the features whose key is already stored and inserts the
     * others; the features must have distinct keys.
     *
     * @return the number of features written (inserted, or in {@link LoadMode#UPSERT} inserted or updated)
     * @throws IllegalArgumentException for {@link LoadMode#UPSERT} into a layer without a key field
     */
    long load(LayerDef layer, LoadMode mode, Iterator<Feature> features);

    /**
     * As {@link #load(LayerDef, LoadMode, Iterator)}, and records {@code summary} in the write history
     * ({@link FeatureHistoryRepository}) in the same transaction: the features and their entry are stored
     * together or not at all. The entry's details are the summary's with {@code mode} and {@code written}
     * (the number returned) added.
     */
    long load(LayerDef layer, LoadMode mode, Iterator<Feature> features, LoadSummary summary);

    /**
     * Begins a {@link LoadMode#REPLACE} of the layer with these features, to be made visible by
     * {@link StagedLoad#commit} (or given up by {@link StagedLoad#discard}). A store that fills a layer's new rows
     * apart from its current ones writes them here, so that a caller can have them written while it goes on with
     * other work (the embedded store's describing layers: an analysis's unserved households, written while the
     * analysis still finds the gaps); the commit then only swaps them in. Other stores keep the features and load them
     * at the commit. The layer is left as it was until the commit, also when staging fails.
     *
     * @param features the layer's new features (kept until the commit where nothing is written here)
     * @return the staged load
     */
    default StagedLoad stage(LayerDef layer, List<Feature> features) {
        return new StagedLoad() {
            @Override
            public long commit(LoadSummary summary) {
                return load(layer, LoadMode.REPLACE, features.iterator(), summary);
            }

            @Override
            public void discard() {}
        };
    }

    /** Features whose geometry's bounding box intersects {@code bbox} (EPSG:4490), at most {@code limit}. */
    List<Feature> findInEnvelope(LayerDef layer, Envelope bbox, int limit);

    /**
     * As {@link #findInEnvelope(LayerDef, Envelope, int)}, within a reader's scope: only features in its counties,
     * personal data as it may see them ({@link Scope}).
     */
    List<Feature> findInEnvelope(LayerDef layer, Envelope bbox, int limit, Scope scope);

    Optional<Feature> findById(LayerDef layer, long id);

    /** The feature with this id if it lies in the scope, as the scope sees it (identify, one OGC API item). */
    default Optional<Feature> findById(LayerDef layer, long id, Scope scope) {
        FeatureQuery one = new FeatureQuery(
                        List.of(FeatureQuery.AttributeFilter.equalTo(FeatureQuery.ID, Long.toString(id))),
                        null,
                        null,
                        true,
                        0,
                        1)
                .within(scope);
        return page(layer, one).stream().findFirst();
    }

    /**
     * Which features a writer limited to {@code scope}'s counties may write into the layer, for single-feature edits
     * and each row of an import: by the feature's own county, township or village code, else its location (the
     * counties' polygons are read once, when the test is made), else the stored feature its reference names, as
     * {@link Scope} says. Every feature passes an unlimited scope.
     */
    Predicate<Feature> admission(LayerDef layer, Scope scope);

    /** The feature whose key field (see {@link LayerDef#keyField()}) has this value. */
    Optional<Feature> findByKey(LayerDef layer, String key);

    /** Streams every feature of a layer, in id order, to {@code sink}. */
    void forEach(LayerDef layer, Consumer<Feature> sink);

    /**
     * Streams every feature of a layer, in id order, with only the named fields (and none of its extra attributes)
     * besides its id and geometry: for the analyses, which read a few fields of the largest layers (371,361
     * households of the full demo city, of whose 13 fields and extra attributes road access reads 4).
     *
     * @throws IllegalArgumentException when the layer has no field of one of the names
     */
    void forEach(LayerDef layer, List<String> fields, Consumer<Feature> sink);

    /**
     * Streams the key of every feature (the value of {@link LayerDef#keyField()}) to {@code sink}, in
     * no particular order; nothing for a layer without a key field. One query, read in chunks: for
     * checking references and existing keys against a set built once.
     *
     * <p>The default reads whole features; the JDBC repository selects the key column only.
     */
    default void forEachKey(LayerDef layer, Consumer<String> sink) {
        if (layer.keyField() != null) {
            forEach(layer, f -> {
                String key = f.getString(layer.keyField());
                if (key != null) {
                    sink.accept(key);
                }
            });
        }
    }

    /**
     * Streams the distinct non-null values of one field of a layer to {@code sink}, in no particular order: for
     * checking references to a group of features (a road's {@code route_code}) against a set built once.
     *
     * <p>The default reads whole features; the JDBC repository selects the distinct values only.
     *
     * @throws IllegalArgumentException when the layer has no such field
     */
    default void forEachValue(LayerDef layer, String field, Consumer<String> sink) {
        layer.requiredField(field);
        Set<String> seen = new HashSet<>();
        forEach(layer, f -> {
            String value = f.getString(field);
            if (value != null && seen.add(value)) {
                sink.accept(value);
            }
        });
    }

    /**
     * Of {@code values}, those some feature of the layer has in {@code field}: one query on the field's index
     * with bound parameters (a layer's key field has a unique index), for a single feature's duplicate-key and
     * reference checks, whose cost must not grow with the layer. Nulls are ignored; a value stored twice is
     * answered once.
     *
     * @throws IllegalArgumentException when the layer has no such field
     */
    Set<String> existingKeys(LayerDef layer, String field, Collection<String> values);

    /** The keys of a layer as a set (see {@link #forEachKey}); for small layers such as villages. */
    default Set<String> keys(LayerDef layer) {
        Set<String> keys = new HashSet<>();
        forEachKey(layer, keys::add);
        return keys;
    }

    /**
     * A page of features matching the query's filters and box, in its sort order (ties by id).
     *
     * @throws IllegalArgumentException when a filter or the sort names a field the layer does not have,
     *                                  or a filter value does not parse as the field's type
     */
    List<Feature> page(LayerDef layer, FeatureQuery query);

    /**
     * The page {@link #page} answers, handed to {@code sink} one feature at a time as the store returns them (read
     * in chunks): memory does not grow with the page's size, so that a 10,000-feature page of an OGC API request
     * or an export is written as it is read. The default reads the whole page first.
     *
     * @throws IllegalArgumentException as {@link #page}
     */
    default void forEachInPage(LayerDef layer, FeatureQuery query, Consumer<Feature> sink) {
        page(layer, query).forEach(sink);
    }

    /** How many features match the query's filters and box (its sort and window are ignored). */
    long count(LayerDef layer, FeatureQuery query);

    /**
     * A number that changes whenever the layer's features change through this store (load, replace,
     * append, delete, or an update that sets {@code updated_at}): for tile URLs and entity tags.
     */
    long version(LayerDef layer);
}
