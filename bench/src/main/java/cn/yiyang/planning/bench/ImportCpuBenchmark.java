package cn.yiyang.planning.bench;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.geo.crs.CrsTransform;
import cn.yiyang.planning.importer.mapping.FieldMapper;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.importer.source.FeatureSource;
import cn.yiyang.planning.importer.source.SourceOpener;
import cn.yiyang.planning.importer.source.SourceOptions;
import cn.yiyang.planning.importer.source.SourceRecord;
import cn.yiyang.planning.importer.validate.KeyIndex;
import cn.yiyang.planning.importer.validate.Region;
import cn.yiyang.planning.importer.validate.RowValidator;
import cn.yiyang.planning.importer.validate.ValidationContext;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JVM's CPU time per stage of an import's reading, without a store: opening a file (the source's constructor:
 * encoding check, opening pass), reading every record, and reading while checking every record for the
 * {@code household} layer (as the import's reading thread does), on this thread ({@link ThreadMXBean}). Prints one
 * line a repetition and {@code RESULT file open read readAndValidate validate} with the medians of the repetitions
 * after three of warm-up, in ms; validate = readAndValidate - read. References are checked against the file's own
 * village codes (what a store holding every village would answer).
 *
 * <p>Arguments: the files, then optionally {@code --reps N} (default 7).
 */
public final class ImportCpuBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int WARM_UP = 3;

    private ImportCpuBenchmark() {}

    public static void main(String[] args) {
        List<Path> files = new ArrayList<>();
        int reps = 7;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--reps")) {
                reps = Integer.parseInt(args[++i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        LayerDef layer = LayerCatalogue.standard().get("household");
        SourceOpener opener = new SourceOpener();
        for (Path file : files) {
            List<long[]> runs = new ArrayList<>();
            for (int rep = 0; rep < WARM_UP + reps; rep++) {
                long[] run = run(opener, layer, file);
                System.out.printf(
                        Locale.ROOT,
                        "%s rep %d open %d read %d readAndValidate %d records %d%n",
                        file.getFileName(),
                        rep,
                        run[0],
                        run[1],
                        run[2],
                        run[3]);
                if (rep >= WARM_UP) {
                    runs.add(run);
                }
            }
            long open = median(runs, 0);
            long read = median(runs, 1);
            long both = median(runs, 2);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT %s open %d read %d readAndValidate %d validate %d (median CPU ms of %d)%n",
                    file.getFileName(),
                    open,
                    read,
                    both,
                    both - read,
                    reps);
        }
    }

    /** @return CPU ms of opening, reading, reading and validating; and the number of records */
    private static long[] run(SourceOpener opener, LayerDef layer, Path file) {
        String name = file.getFileName().toString();
        long t0 = cpuMs();
        FeatureSource source = opener.open(file, name, SourceOptions.DETECT);
        long t1 = cpuMs();
        long records = 0;
        for (Iterator<SourceRecord> it = source.records(); it.hasNext(); it.next()) {
            records++;
        }
        long t2 = cpuMs();
        FieldMapping mapping =
                FieldMapper.propose(source.describe(), layer, null).mapping();
        RowValidator validator = new RowValidator(new ValidationContext(
                layer,
                mapping,
                name,
                CrsTransform.of(Crs.CGCS2000, Crs.CGCS2000),
                Region.YIYANG,
                false,
                null,
                references(source, layer, mapping)));
        long t3 = cpuMs();
        for (Iterator<SourceRecord> it = source.records(); it.hasNext(); ) {
            validator.validate(it.next());
        }
        long t4 = cpuMs();
        source.close();
        return new long[] {t1 - t0, t2 - t1, t4 - t3, records};
    }

    /** For each reference field, the values of the file's column mapped to it. */
    private static Map<String, KeyIndex> references(FeatureSource source, LayerDef layer, FieldMapping mapping) {
        Map<String, KeyIndex> references = new HashMap<>();
        for (FieldDef field : layer.fields()) {
            if (field.references() == null) {
                continue;
            }
            KeyIndex keys = new KeyIndex();
            mapping.entries().stream()
                    .filter(e -> field.name().equals(e.target()))
                    .findFirst()
                    .ifPresent(e -> source.records().forEachRemaining(r -> {
                        Object v = r.values().get(e.source());
                        if (v != null) {
                            keys.add(v.toString());
                        }
                    }));
            references.put(field.name(), keys);
        }
        return references;
    }

    private static long cpuMs() {
        return THREADS.getCurrentThreadCpuTime() / 1_000_000;
    }

    private static long median(List<long[]> runs, int column) {
        long[] values = runs.stream().mapToLong(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
