package cn.yiyang.planning.app.exporting;

import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.Scope;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Exports a layer's features: checks that the user may read the layer, then streams the matching features from the
 * store into the format's writer ({@link FeatureRepository#forEachInPage}), so that memory does not grow with the
 * layer. Temporary files (GeoPackage, Shapefile) are deleted afterwards.
 */
@Service
public class ExportService {

    private final LayerCatalogue catalogue;
    private final FeatureRepository features;
    private final DataScopes scopes;

    /** @param scopes what each user reads: the features of its counties, without the fields it may not see */
    ExportService(LayerCatalogue catalogue, FeatureRepository features, DataScopes scopes) {
        this.catalogue = catalogue;
        this.features = features;
        this.scopes = scopes;
    }

    /** The layer an export names, checked for reading. */
    public LayerDef readable(AppUser user, String layerId) {
        LayerDef layer = catalogue.get(layerId);
        Permissions.check(user, Action.read(layer));
        return layer;
    }

    /** How many features the export will hold (for a progress bar). */
    public long count(AppUser user, ExportRequest request) {
        return features.count(request.layer(), request.query().within(scopes.of(user)));
    }

    /**
     * Writes the export to {@code out}.
     *
     * @param progress told the number of features written so far, every 1,000 features
     */
    public void export(AppUser user, ExportRequest request, OutputStream out, LongConsumer progress)
            throws IOException {
        Permissions.check(user, Action.read(request.layer()));
        Scope scope = scopes.of(user);
        // the file's fields are the ones the user sees; the store is asked with the whole layer and the scope
        ExportRequest seen = new ExportRequest(
                scope.view(request.layer()), request.format(), request.crs(), request.query(), request.encoding());
        Path tmp = Files.createTempDirectory("export-");
        try {
            ExportWriter writer = ExportWriter.open(seen, out, tmp);
            long[] written = {0};
            features.forEachInPage(request.layer(), request.query().within(scope), f -> {
                try {
                    writer.write(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (++written[0] % 1_000 == 0) {
                    progress.accept(written[0]);
                }
            });
            writer.finish();
            progress.accept(written[0]);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
