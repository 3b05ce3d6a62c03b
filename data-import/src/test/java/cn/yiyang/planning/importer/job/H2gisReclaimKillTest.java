package cn.yiyang.planning.importer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded file store killed (SIGKILL) while it replaces a result layer run after run, after it has freed the
 * chunks of earlier runs and written into their space ({@code EmbeddedReclaim}, issue 14): it opens again, and the
 * layer holds exactly one run's rows, all of them.
 */
class H2gisReclaimKillTest {

    private static final int ROWS = 40_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aStoreKilledWhileItReusesFreedSpaceOpensWithOneWholeRun() throws Exception {
        // Killed at three points of a run: early, in the middle and late (a run takes about a second here).
        long[] delays = {150, 500, 900};
        for (int k = 0; k < delays.length; k++) {
            String path = dir.resolve("store" + k).toString();
            Process child =
                    ChildJvm.start(ReclaimKillChild.class, List.of("-Xmx256m"), List.of(path, Integer.toString(ROWS)));
            int reached = awaitRun(child, 4);
            Thread.sleep(delays[k]);
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            try (SpatialStore store = SpatialStore.open(StoreSettings.embedded(path))) {
                store.migrate(); // finishes a swap of the rows the kill interrupted
                String rows = store.withConnection(c -> {
                    try (Statement st = c.createStatement();
                            ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT run_id), MIN(run_id)"
                                    + " FROM access_household__rows")) {
                        rs.next();
                        return rs.getLong(1) + " rows of " + rs.getLong(2) + " run: " + rs.getString(3);
                    }
                });
                assertThat(rows)
                        .as("killed %d ms after run %d", delays[k], reached)
                        .startsWith(ROWS + " rows of 1 run: run-");
                int run = Integer.parseInt(rows.substring(rows.lastIndexOf('-') + 1));
                assertThat(run).as("no finished run is lost").isGreaterThanOrEqualTo(reached);
            }
        }
    }

    /**
     * Reads the child's output until it has finished run {@code run}; returns it, once sure that the store has
     * written into freed space by then (its file under three times its size after the first run).
     */
    private static int awaitRun(Process child, int run) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        long first = 0;
        String line;
        while ((line = out.readLine()) != null) {
            long size = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            first = first == 0 ? size : first;
            if (line.startsWith("RUN " + run + " ")) {
                assertThat(size)
                        .as("file after run %d, after run 0: %d", run, first)
                        .isLessThan(3 * first);
                return run;
            }
        }
        child.destroyForcibly();
        return fail("the child ended before run " + run);
    }
}
