package cn.yiyang.planning.app.edit;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureQuery.AttributeFilter;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reference options from the store: keys starting with the typed text, then names containing it, each an indexed
 * page of the referenced layer (never the whole layer), so a select over 1,446 villages stays quick.
 */
public class StoredReferences implements ReferenceSource {

    private final LayerCatalogue catalogue;
    private final FeatureRepository features;

    public StoredReferences(LayerCatalogue catalogue, FeatureRepository features) {
        this.catalogue = catalogue;
        this.features = features;
    }

    @Override
    public List<ReferenceOption> options(String targetLayerId, String filter, int offset, int limit) {
        LayerDef target = catalogue.get(targetLayerId);
        String text = filter == null ? "" : filter.strip();
        FeatureQuery base = FeatureQuery.first(1).sortedBy(target.keyField(), true);
        List<List<AttributeFilter>> searches = new ArrayList<>();
        searches.add(text.isEmpty() ? List.of() : List.of(AttributeFilter.startsWith(target.keyField(), text)));
        if (!text.isEmpty() && target.field("name").isPresent()) {
            searches.add(List.of(AttributeFilter.contains("name", text)));
        }
        Map<String, ReferenceOption> seen = new LinkedHashMap<>();
        for (List<AttributeFilter> filters : searches) {
            for (Feature f : features.page(target, base.withFilters(filters).window(0, offset + limit))) {
                String key = f.getString(target.keyField());
                if (key != null) {
                    seen.putIfAbsent(key, new ReferenceOption(key, f.getString("name")));
                }
            }
        }
        return seen.values().stream().skip(offset).limit(limit).toList();
    }

    @Override
    public Optional<ReferenceOption> option(String targetLayerId, String key) {
        LayerDef target = catalogue.get(targetLayerId);
        return features.findByKey(target, key).map(f -> new ReferenceOption(key, f.getString("name")));
    }
}
