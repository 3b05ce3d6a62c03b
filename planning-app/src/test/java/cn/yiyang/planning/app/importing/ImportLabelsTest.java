package cn.yiyang.planning.app.importing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.importer.issue.Severity;
import cn.yiyang.planning.importer.job.ImportStatus;
import cn.yiyang.planning.importer.job.RejectPolicy;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.importer.source.Detection;
import cn.yiyang.planning.importer.source.SourceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The import page names the engine's values through keys built from them ({@code import.status.SUCCEEDED}
 * …), which TranslationsTest cannot see in the code: every value has its text in both languages.
 */
class ImportLabelsTest {

    @Test
    void everyEngineValueTheImportPageShowsHasAChineseAndAnEnglishText() throws IOException {
        Map<String, Enum<?>[]> shown = Map.of(
                "import.status", ImportStatus.values(),
                "import.detection", Detection.values(),
                "import.format", SourceFormat.values(),
                "import.mode", ImportMode.values(),
                "import.reject-policy", RejectPolicy.values(),
                "import.severity", Severity.values(),
                "import.decision", FieldMapping.Decision.values());
        List<String> keys = new ArrayList<>(
                List.of("import.mapping." + FieldMapping.EXTRA, "import.mapping." + FieldMapping.IGNORE));
        shown.forEach((prefix, values) -> {
            for (Enum<?> v : values) {
                keys.add(prefix + "." + v.name());
            }
        });
        for (String bundle :
                List.of("vaadin-i18n/translations.properties", "vaadin-i18n/translations_zh_CN.properties")) {
            assertThat(load(bundle).stringPropertyNames()).as(bundle).containsAll(keys);
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ImportLabelsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
