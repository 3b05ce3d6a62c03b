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
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Exports a layer's features: checks that the user may read the layer, then streams the matching features from the
 * store into the format's writer ({@link FeatureRepository#forEachInPage}), so that memory does not grow with the
 * layer. Temporary files (GeoPackage, Shapefile) are deleted afterwards. Exports started from the UI run as an
 * {@link ExportJob} on the export worker ({@link ExportConfiguration}).
 */
@Service
public class ExportService {

    private static final Logger log = LoggerFactory.getLogger(ExportService.class);

    private final LayerCatalogue catalogue;
    private final FeatureRepository features;
    private final DataScopes scopes;
    private final Executor worker;

    /**
     * @param scopes what each user reads: the features of its counties, without the fields it may not see
     * @param worker runs the exports started from the UI, one at a time (the export worker)
     */
    public ExportService(
            LayerCatalogue catalogue,
            FeatureRepository features,
            DataScopes scopes,
            @Qualifier(ExportConfiguration.WORKER) Executor worker) {
        this.catalogue = catalogue;
        this.features = features;
        this.scopes = scopes;
        this.worker = worker;
    }

    /** Whether the user may export the layer: whoever may read it ({@link Permissions}). */
    public boolean mayExport(AppUser user, LayerDef layer) {
        return Permissions.allows(user, Action.read(layer));
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
        write(request, scopes.of(user), out, progress);
    }

    /**
     * Starts an export on the export worker, into a temporary file the job offers when ready.
     *
     * @param listener told of each change of the job (start, every 1,000 features, the end), on the worker's thread
     */
    public ExportJob start(AppUser user, ExportRequest request, Consumer<ExportJob> listener) throws IOException {
        Permissions.check(user, Action.read(request.layer()));
        long count = count(user, request); // before the file, which a failed count would leave behind
        Path file = Files.createTempFile("export-", "." + request.format().extension());
        ExportJob job = new ExportJob(request, count, file, listener);
        Scope scope = scopes.of(user);
        worker.execute(() -> run(job, scope));
        return job;
    }

    private void run(ExportJob job, Scope scope) {
        if (job.cancelRequested()) {
            job.settle(ExportJob.State.CANCELLED);
            return;
        }
        job.running();
        try (OutputStream out = Files.newOutputStream(job.file())) {
            write(job.request(), scope, out, n -> {
                if (job.cancelRequested()) {
                    throw new Cancelled();
                }
                job.progressed(n);
            });
        } catch (Cancelled e) {
            job.settle(ExportJob.State.CANCELLED);
            return;
        } catch (IOException | RuntimeException e) {
            log.error("the export of {} failed", job.request().layer().id(), e);
            job.settle(ExportJob.State.FAILED);
            return;
        }
        job.settle(job.cancelRequested() ? ExportJob.State.CANCELLED : ExportJob.State.READY);
    }

    /** Thrown out of the store's read to stop a cancelled export. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private void write(ExportRequest request, Scope scope, OutputStream out, LongConsumer progress) throws IOException {
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
