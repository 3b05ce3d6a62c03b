package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.importer.source.SourceRecord;
import cn.yiyang.planning.importer.testsupport.MemorySource;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The process {@link KillHalfwayContract} kills: replaces the road layer with a generated file
 * through {@link ImportService}, prints {@code HALFWAY} when half the rows are in the open
 * transaction, then slows down so that the kill lands in the middle of the load.
 *
 * <p>Arguments: JDBC URL, user ({@code -} for none), password ({@code -} for none), rows before
 * HALFWAY.
 */
public final class KillHalfwayChild {

    private KillHalfwayChild() {}

    public static void main(String[] args) throws Exception {
        String user = args[1].equals("-") ? null : args[1];
        String password = args[2].equals("-") ? null : args[2];
        long halfway = Long.parseLong(args[3]);
        MemorySource source = MemorySource.builder("半途.shp")
                .fields(ImportContract.ROAD_FIELDS)
                .generate(halfway * 2, row -> {
                    if (row == halfway) {
                        System.out.println("HALFWAY");
                        System.out.flush();
                    }
                    if (row > halfway) {
                        sleep();
                    }
                    return new SourceRecord(
                            row, Map.of("路段编码", "K" + row, "行政等级", "村道"), MemorySource.roadLine(row), null);
                })
                .build();
        Path upload = Files.createTempFile("halfway", ".zip");
        Files.writeString(upload, "halfway");
        SpatialStore store = SpatialStore.open(new StoreSettings(args[0], user, password));
        ImportService service = ImportService.over(store, source.factory(), ImportSettings.DEFAULT);
        ImportJob job = service.submit(ImportRequest.builder("road", "kill-test")
                .file(upload, "半途.zip")
                .mode(LoadMode.REPLACE)
                .build());
        System.out.println("JOB " + job.id());
        System.out.flush();
        ImportJob end = service.await(job.id(), Duration.ofMinutes(10));
        System.out.println("DONE " + end.status());
        System.out.flush();
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
