package cn.yiyang.planning.app.indicator;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The indicator catalogue API on the embedded H2GIS store (a new file database). */
class IndicatorCatalogueApiH2gisIT extends IndicatorCatalogueApiContract {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry r) {
        r.add("planning.db.url", () -> "");
        r.add("planning.data-dir", () -> dataDir.toString());
    }
}
