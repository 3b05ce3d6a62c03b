package cn.yiyang.planning.importer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcImportRecordRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * All or nothing when the process dies: a child JVM replaces the road layer through the importer
 * and is killed ({@code destroyForcibly}, SIGKILL) half-way through the load. Afterwards the layer
 * holds exactly the rows it held before, the import's record says RUNNING until
 * {@link ImportService#recoverInterrupted()} marks it FAILED, and the layer takes a new load.
 */
abstract class KillHalfwayContract {

    static final long HALFWAY = 20_000;
    private final LayerDef road = LayerCatalogue.standard().get("road");

    /** A store with the schema, open. */
    abstract SpatialStore openStore() throws Exception;

    /** Releases the store so that the child can use it (an H2 file is locked by one process). */
    abstract void releaseStore(SpatialStore store) throws Exception;

    /** The child's arguments: URL, user, password (- for none). */
    abstract List<String> childConnection();

    /** Checks, while the child runs, that its load is under way in the store (where the store lets us look). */
    void assertLoadUnderWay() throws Exception {}

    /** Drops what {@link #openStore()} made. */
    abstract void dropStore() throws Exception;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aLoadKilledHalfWayLeavesExactlyTheOldRows() throws Exception {
        Set<String> before;
        try {
            SpatialStore store = openStore();
            new JdbcFeatureRepository(store)
                    .load(
                            road,
                            LoadMode.REPLACE,
                            List.of(
                                            ImportContract.roadFeature("OLD1"),
                                            ImportContract.roadFeature("OLD2"),
                                            ImportContract.roadFeature("OLD3"))
                                    .iterator());
            before = codes(store);
            releaseStore(store);

            Process child = startChild();
            String jobId = awaitHalfway(child);
            assertLoadUnderWay();
            Thread.sleep(300);
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            SpatialStore after = openStore();
            assertThat(codes(after)).isEqualTo(before).containsExactly("OLD1", "OLD2", "OLD3");
            var records = new JdbcImportRecordRepository(after);
            assertThat(records.find(jobId).orElseThrow().status()).isEqualTo("RUNNING");
            try (ImportService service = ImportService.over(
                    after,
                    (f, n, o) -> {
                        throw new AssertionError("nothing to open");
                    },
                    ImportSettings.DEFAULT)) {
                assertThat(service.recoverInterrupted()).isEqualTo(1);
                assertThat(service.find(jobId).orElseThrow().status()).isEqualTo(ImportStatus.FAILED);
            }
            // nothing of the killed load holds a lock any more
            new JdbcFeatureRepository(after)
                    .load(
                            road,
                            LoadMode.REPLACE,
                            List.of(ImportContract.roadFeature("NEW1")).iterator());
            assertThat(codes(after)).containsExactly("NEW1");
            releaseStore(after);
        } finally {
            dropStore();
        }
    }

    private Set<String> codes(SpatialStore store) {
        Set<String> codes = new TreeSet<>();
        new JdbcFeatureRepository(store).forEach(road, (Feature f) -> codes.add(f.getString("code")));
        return codes;
    }

    private Process startChild() throws Exception {
        List<String> args = new ArrayList<>(childConnection());
        args.add(Long.toString(HALFWAY));
        return ChildJvm.start(KillHalfwayChild.class, List.of("-Xmx256m"), args);
    }

    /** Reads the child's output until it is half-way; returns the import's id. */
    private static String awaitHalfway(Process child) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // the child was killed
            } finally {
                lines.add("<eof>");
            }
        });
        reader.setDaemon(true);
        reader.start();
        String jobId = null;
        boolean halfway = false;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (jobId == null || !halfway) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals("<eof>") || line.startsWith("DONE")) {
                child.destroyForcibly();
                fail("the child ended (or timed out) before it was killed: " + line);
            }
            if (line.startsWith("JOB ")) {
                jobId = line.substring(4).strip();
            } else if (line.equals("HALFWAY")) {
                halfway = true;
            }
        }
        return jobId;
    }

    static Path tempDir() throws Exception {
        return Files.createTempDirectory("kill-halfway");
    }
}
