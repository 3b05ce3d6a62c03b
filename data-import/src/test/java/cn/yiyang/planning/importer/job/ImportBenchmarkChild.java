package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.importer.source.SourceRecord;
import cn.yiyang.planning.importer.testsupport.MemorySource;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports {@code n} generated household points with ten attributes (as a GBK shapefile's reader
 * would give them: text and numbers) through {@link ImportService}, in a JVM started with the heap
 * limit under test. Prints {@code RESULT rows seconds peakHeapMB}.
 *
 * <p>Arguments: JDBC URL (credentials in it), rows, and {@code dry} for a dry run (no load: the
 * cost of reading and checking alone).
 */
public final class ImportBenchmarkChild {

    private static final String[] FIELDS = {"户编号", "村代码", "家庭人口", "卫生厕所", "脱贫属性", "饮水来源", "户主姓名",
            "联系电话", "建房年份", "备注"};
    private static final String[] VILLAGES = {"430921100201", "430921100202", "430921100203", "430903100201"};
    private static final String[] STATUS = {"一般户", "脱贫户", "监测户"};
    private static final String[] WATER = {"城乡一体化", "千人以上", "千人以下", "分散供水"};

    private ImportBenchmarkChild() {
    }

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[1]);
        MemorySource source = MemorySource.builder("农户.shp").fields(FIELDS).generate(n, row -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("户编号", "H" + row);
            v.put("村代码", VILLAGES[(int) (row % VILLAGES.length)]);
            v.put("家庭人口", (double) (1 + row % 7));
            v.put("卫生厕所", row % 3 == 0 ? "否" : "是");
            v.put("脱贫属性", STATUS[(int) (row % STATUS.length)]);
            v.put("饮水来源", WATER[(int) (row % WATER.length)]);
            v.put("户主姓名", "张" + (row % 1000));
            v.put("联系电话", "1380000" + (row % 10_000));
            v.put("建房年份", (double) (1980 + row % 40));
            v.put("备注", row % 10 == 0 ? "危房改造" : "");
            double x = 111.0 + (row % 1000) * 0.0015;
            double y = 28.1 + (row / 1000 % 1000) * 0.0012;
            return new SourceRecord(row, v, MemorySource.point(x, y), null);
        }).build();
        Path upload = Files.createTempFile("bench", ".zip");
        Files.writeString(upload, "benchmark");
        try (SpatialStore store = SpatialStore.open(new StoreSettings(args[0], null, null))) {
            var village = LayerCatalogue.standard().get("village");
            List<Feature> villages = new ArrayList<>();
            for (String code : VILLAGES) {
                villages.add(Feature.of(Map.of("code", code, "name", "村" + code, "township_code",
                        code.substring(0, 9)), null));
            }
            new JdbcFeatureRepository(store).load(village, LoadMode.REPLACE, villages.iterator());
            try (ImportService service = ImportService.over(store, source.factory(), ImportSettings.DEFAULT)) {
                long start = System.nanoTime();
                ImportJob job = service.submit(ImportRequest.builder("household", "benchmark").file(upload, "农户.zip")
                        .mode(LoadMode.REPLACE).dryRun(args.length > 2 && args[2].equals("dry")).build());
                job = service.await(job.id(), Duration.ofHours(1));
                double seconds = (System.nanoTime() - start) / 1e9;
                long peak = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        peak += pool.getPeakUsage().getUsed();
                    }
                }
                System.out.printf("RESULT %s %d %d %.1f %d%n", job.status(), job.imported(), job.rejected(), seconds,
                        peak / (1024 * 1024));
            }
        }
    }
}
