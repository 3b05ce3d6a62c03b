package cn.yiyang.planning.importer.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Opt-in ({@code -Dimport.benchmark=true}, rows with {@code -Dimport.benchmark.rows}, default a
 * million): household points through the importer into PostGIS in a JVM limited to a 512 MB heap.
 */
@EnabledIfSystemProperty(named = "import.benchmark", matches = "true")
class ImportBenchmarkIT {

    @Test
    void aMillionPointsLoadWithin512MegabytesOfHeap() throws Exception {
        String rows = System.getProperty("import.benchmark.rows", "1000000");
        try (TestStore test = TestStores.postgis()) {
            Process child = ChildJvm.start(ImportBenchmarkChild.class, List.of("-Xmx512m"),
                    List.of(test.jdbcUrl(), rows, System.getProperty("import.benchmark.dry", "load")));
            String result = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    System.out.println(line);
                    if (line.startsWith("RESULT ")) {
                        result = line;
                    }
                }
            }
            assertThat(child.waitFor()).isZero();
            assertThat(result).startsWith("RESULT SUCCEEDED " + rows + " 0 ");
        }
    }
}
