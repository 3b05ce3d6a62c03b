package cn.yiyang.planning.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * County scoping and household-level data over HTTP on the embedded H2GIS store (a new file database). The folder
 * is made here, not by {@code @TempDir}: with one test instance per class, Spring starts before JUnit fills static
 * {@code @TempDir} fields.
 */
class CountyScopeH2gisIT extends CountyScopeContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry r) {
        try {
            Path dataDir = Files.createTempDirectory("county-scope-");
            r.add("planning.db.url", () -> "");
            r.add("planning.data-dir", dataDir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
