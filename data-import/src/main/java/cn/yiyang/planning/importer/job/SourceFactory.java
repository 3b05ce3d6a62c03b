package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.importer.source.FeatureSource;
import cn.yiyang.planning.importer.source.SourceOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens uploaded files as a {@link FeatureSource}. The application wires it to the readers'
 * {@code SourceOpener}; tests pass an in-memory source.
 */
@FunctionalInterface
public interface SourceFactory {

    /**
     * @param files   the uploaded files (one zip or GeoPackage or GeoJSON or CSV, or a shapefile's parts)
     * @param names   the names the user knows them by, in the same order
     * @param options what the user said about encoding, CRS and table
     * @return the opened source; the caller closes it
     * @throws cn.yiyang.planning.importer.issue.ImportException when the files cannot be read as they are
     *         (no CRS, several tables, unsupported format …)
     */
    FeatureSource open(List<Path> files, List<String> names, SourceOptions options);
}
