package cn.yiyang.planning.bench;

import cn.yiyang.planning.importer.job.ImportJob;
import cn.yiyang.planning.importer.job.ImportRequest;
import cn.yiyang.planning.importer.job.ImportService;
import cn.yiyang.planning.importer.job.ImportSettings;
import cn.yiyang.planning.importer.source.SourceOpener;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports a file (a shapefile with its sibling parts, a GeoPackage, a CSV …) into the {@code household} layer of a
 * PostGIS (or H2GIS) database through the real importer (readers, mapping, validation, COPY), as a user's
 * {@code replace} import would, and prints {@code RESULT status imported rejected seconds peakHeapMB cpuSeconds}. The store is
 * migrated and its village layer filled with the real village codes first (no geometry), so that the households'
 * village codes are checked against it. Run it in a JVM with the heap limit under test (-Xmx512m).
 *
 * <p>Arguments: JDBC URL (credentials in it), the file's path, and optionally how many times to import it in this
 * JVM (one RESULT line each; more than one for a profile of a warm JVM, bench/import-formats.sh's PROFILE).
 */
public final class ImportBenchmark {

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[1]);
        int times = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<Path> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String fileName = source.getFileName().toString();
        if (fileName.endsWith(".shp")) {
            String base = fileName.substring(0, fileName.length() - 4);
            for (String ext : List.of(".shp", ".shx", ".dbf", ".prj", ".cpg")) {
                Path p = source.resolveSibling(base + ext);
                if (Files.exists(p)) {
                    files.add(p);
                    names.add(base + ext);
                }
            }
        } else {
            files.add(source);
            names.add(fileName);
        }
        try (SpatialStore store = SpatialStore.open(new StoreSettings(args[0], null, null))) {
            store.migrate();
            loadVillageCodes(store);
            try (ImportService service = ImportService.over(store, new SourceOpener()::open, ImportSettings.DEFAULT)) {
                for (int n = 0; n < times; n++) {
                    importOnce(service, files, names);
                }
            }
        }
    }

    private static void importOnce(ImportService service, List<Path> files, List<String> names)
            throws InterruptedException {
        ImportRequest.Builder request =
                ImportRequest.builder("household", "benchmark").mode(LoadMode.REPLACE);
        for (int i = 0; i < files.size(); i++) {
            request.file(files.get(i), names.get(i));
        }
        long start = System.nanoTime();
        long cpu = processCpuNanos();
        ImportJob job = service.submit(request.build());
        job = service.await(job.id(), Duration.ofHours(1));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "RESULT %s %d %d %.2f %d %.2f%n",
                job.status(), job.imported(), job.rejected(), seconds, peakHeapMb(), (processCpuNanos() - cpu) / 1e9);
        if (job.outcome() != null) {
            System.out.println("OUTCOME " + job.outcome());
        }
        job.issues().stream()
                .limit(5)
                .forEach(i ->
                        System.out.println("ISSUE row " + i.row() + " " + i.field() + " " + i.message(Locale.ENGLISH)));
    }

    /** Every real village code (from the demo data's NBS list), without geometry. */
    private static void loadVillageCodes(SpatialStore store) throws Exception {
        List<Feature> villages = new ArrayList<>();
        try (var in = ImportBenchmark.class.getClassLoader().getResourceAsStream("demo/yiyang_villages.csv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",");
                villages.add(Feature.of(Map.of("code", f[0], "name", f[1], "township_code", f[2]), null));
            }
        }
        new JdbcFeatureRepository(store)
                .load(LayerCatalogue.standard().get("village"), LoadMode.REPLACE, villages.iterator());
    }

    /** The CPU time of this JVM so far, every thread (the JIT's and the GC's too). */
    private static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime();
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
