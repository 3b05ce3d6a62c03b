package cn.yiyang.planning.app.importing;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The import API on the embedded H2GIS store (a new file database; uploads beside it). */
class ImportApiH2gisIT extends ImportApiContract {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry r) {
        r.add("planning.db.url", () -> "");
        r.add("planning.data-dir", () -> dataDir.toString());
    }
}
