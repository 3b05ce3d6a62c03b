package cn.yiyang.planning.app.ogc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** OGC API – Features on the embedded H2GIS store (a new file database). */
class OgcApiH2gisIT extends OgcApiContract {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry r) {
        r.add("planning.db.url", () -> "");
        r.add("planning.data-dir", () -> dataDir.toString());
    }
}
