package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The test {@link FeatureRepository#admission} answers: the same rules as {@link ScopeSql}, on a feature not yet
 * stored. The counties' polygons are read once per test, so that an import asks the store nothing per row unless a
 * row's only link to a county is a reference.
 */
final class ScopeAdmission {

    private ScopeAdmission() {}

    static Predicate<Feature> of(FeatureRepository features, LayerDef layer, Scope scope) {
        if (!scope.limited()) {
            return f -> true;
        }
        Optional<PreparedGeometry> area = layer.geometry().hasGeometry() ? area(features, scope) : Optional.empty();
        Optional<FieldDef> reference = layer.fields().stream()
                .filter(f -> f.references() != null && !f.references().equals(layer.id()))
                .filter(f -> LayerCatalogue.standard()
                        .find(f.references())
                        .map(LayerDef::keyField)
                        .isPresent())
                .findFirst();
        return f -> {
            String code = code(layer, f);
            if (code != null) {
                return scope.admitsCode(code);
            }
            if (layer.geometry().hasGeometry()) {
                return f.geometry() != null
                        && area.map(a -> a.intersects(f.geometry())).orElse(false);
            }
            return reference
                    .map(r -> referenced(features, r, f.getString(r.name()), scope))
                    .orElse(false);
        };
    }

    /** The feature's own county code, or its township's or village's, or its NBS key; null when it has none. */
    private static String code(LayerDef layer, Feature f) {
        if (ScopeSql.NBS_KEYED.contains(layer.id())) {
            return f.getString(layer.keyField());
        }
        for (String name : ScopeSql.CODE_FIELDS) {
            if (layer.field(name).isPresent() && f.getString(name) != null) {
                return f.getString(name);
            }
        }
        return null;
    }

    /** The scope's counties as one prepared polygon, or empty when none of them is stored. */
    private static Optional<PreparedGeometry> area(FeatureRepository features, Scope scope) {
        LayerDef counties = LayerCatalogue.standard().get(LayerIds.COUNTY);
        List<Geometry> parts = new ArrayList<>();
        for (String c : scope.counties()) {
            features.findByKey(counties, c).map(Feature::geometry).ifPresent(parts::add);
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Geometry union = LayerGeometry.FACTORY.buildGeometry(parts).union();
        return Optional.of(PreparedGeometryFactory.prepare(union));
    }

    /** Whether the stored feature the reference names lies in the scope. */
    private static boolean referenced(FeatureRepository features, FieldDef field, String value, Scope scope) {
        if (value == null) {
            return false;
        }
        LayerDef target = LayerCatalogue.standard().get(field.references());
        FeatureQuery q = new FeatureQuery(
                        List.of(FeatureQuery.AttributeFilter.equalTo(target.keyField(), value)), null, null, true, 0, 1)
                .within(scope);
        return features.count(target, q) > 0;
    }
}
