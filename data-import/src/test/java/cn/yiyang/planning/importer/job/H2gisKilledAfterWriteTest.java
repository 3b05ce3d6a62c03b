package cn.yiyang.planning.importer.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
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
 * A write the embedded file store has returned from is in its file: a process killed (SIGKILL) at once after an
 * edit and a result layer's replace keeps both. H2 on its own keeps a commit in memory for up to half a second
 * (its write delay), and a kill in that time lost it; a kill soon after a new store's first migration even left a
 * store whose next start failed to migrate (a column added, its migration not recorded).
 */
class H2gisKilledAfterWriteTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aProcessKilledRightAfterItsWritesReturnedKeepsThem() throws Exception {
        for (int k = 0; k < 3; k++) {
            String path = dir.resolve("store" + k).toString();
            Process child = ChildJvm.start(KilledAfterWriteChild.class, List.of("-Xmx256m"), List.of(path));
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            OutputStream in = child.getOutputStream();
            int last = -1;
            String line;
            while ((line = out.readLine()) != null) {
                last = Integer.parseInt(line.substring("WROTE ".length()));
                if (last == 2 + k) {
                    break;
                }
                in.write('\n');
                in.flush();
            }
            child.destroyForcibly(); // while it waits, within H2's write delay of its last commit
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(last).as("the child's last write").isEqualTo(2 + k);

            try (SpatialStore store = SpatialStore.open(StoreSettings.embedded(path))) {
                store.migrate();
                String found = store.withConnection(c -> {
                    try (Statement st = c.createStatement();
                            ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM road WHERE code LIKE 'K%'),"
                                    + " (SELECT MIN(run_id) FROM access_household__rows)")) {
                        rs.next();
                        return rs.getLong(1) + " roads, " + rs.getString(2);
                    }
                });
                assertThat(found).as("killed after write %d", last).isEqualTo((last + 1) + " roads, run-" + last);
            }
        }
    }
}
