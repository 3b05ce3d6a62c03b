package cn.yiyang.planning.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.AnalysisRunRepository;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.store.JdbcAnalysisRunRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application's start on PostGIS with runs a stopped process left unfinished, and the first run
 * ({@code planning.road-access.run-on-start}): the runs left over are marked failed before anything can queue a run
 * (not in a constructor, but as the application starts), and the first run, queued once the demo city is loaded, is
 * not taken for one of them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=true",
            "planning.demo.scale=small",
            "planning.tianditu.key=",
            "planning.road-access.run-on-start=true"
        })
class RoadAccessStartIT {

    /** Of another analysis, so that the store holds no road-access run and the first run is due. */
    private static final String LEFT_OVER = "left-by-the-last-process";

    private static TestStore db;

    @TempDir
    static Path dataDir;

    @Autowired
    RoadAccessService service;

    @Autowired
    AnalysisRunRepository runs;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry r) {
        db = TestStores.postgis();
        AnalysisRunRepository before = new JdbcAnalysisRunRepository(db.store());
        AnalysisRun queued = AnalysisRun.queued(LEFT_OVER, "other_analysis", "planner", null);
        before.create(queued);
        before.update(queued.started(queued.createdAt(), null));
        r.add("planning.db.url", db::jdbcUrl);
        r.add("planning.data-dir", () -> dataDir.toString());
    }

    @AfterAll
    static void drop() throws Exception {
        db.close();
    }

    @Test
    void runsLeftOverAreMarkedFailedAndTheFirstRunIsNot() throws Exception {
        AnalysisRun leftOver = runs.find(LEFT_OVER).orElseThrow();
        assertThat(leftOver.status()).isEqualTo(RunStatus.FAILED);
        assertThat(leftOver.message()).isEqualTo(AnalysisRun.INTERRUPTED);

        List<AnalysisRun> recent = service.recent(5);
        assertThat(recent)
                .as("the first run, queued at start")
                .singleElement()
                .extracting(AnalysisRun::requestedBy)
                .isEqualTo("scheduler");
        AnalysisRun first = recent.getFirst();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!first.status().settled() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            first = service.get(first.id());
        }
        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(AccessRunSummary.of(first).orElseThrow().households()).isGreaterThan(10_000);
    }
}
