package cn.yiyang.planning.importer.validate;

import cn.yiyang.planning.geo.crs.CrsTransform;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.Map;
import java.util.Objects;

/**
 * What one import's rows are checked against.
 *
 * @param layer        the target layer
 * @param mapping      the field mapping in force
 * @param fileName     the file name problems are located in
 * @param toLayer      the transformation from the file's CRS to EPSG:4490; null for a layer without geometry
 * @param region       where features must lie
 * @param repair       whether invalid geometries are repaired (with a warning) rather than rejected
 * @param existingKeys keys already in the layer that a row may not have ({@code KEY_EXISTS}, append
 *                     mode), or null when any key may be loaded
 * @param references   for each field that refers to another layer, that layer's keys
 */
public record ValidationContext(
        LayerDef layer,
        FieldMapping mapping,
        String fileName,
        CrsTransform toLayer,
        Region region,
        boolean repair,
        KeyIndex existingKeys,
        Map<String, KeyIndex> references) {

    public ValidationContext {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(region, "region");
        if (layer.geometry().hasGeometry()) {
            Objects.requireNonNull(toLayer, "toLayer");
        }
        references = Map.copyOf(references);
    }
}
