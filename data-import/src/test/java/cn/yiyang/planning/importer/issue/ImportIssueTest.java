package cn.yiyang.planning.importer.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ImportIssueTest {

    @Test
    void everyCodeHasAChineseAndAnEnglishText() throws IOException {
        Properties en = load("importer/messages.properties");
        Properties zh = load("importer/messages_zh_CN.properties");
        for (IssueCode code : IssueCode.values()) {
            assertThat(en.getProperty(code.messageKey()))
                    .as("English text of %s", code)
                    .isNotBlank();
            assertThat(zh.getProperty(code.messageKey()))
                    .as("Chinese text of %s", code)
                    .isNotBlank();
        }
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(en.stringPropertyNames()).hasSize(IssueCode.values().length);
    }

    @Test
    void messagesNameWhatAndWhereInTheUsersLanguage() {
        ImportIssue dup = ImportIssue.ofRow("道路.shp", 12, "code", IssueCode.DUPLICATE_KEY, "C001", 3);
        assertThat(dup.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("编码“C001”重复（首次出现在第 3 行）。");
        assertThat(dup.message(Locale.US)).isEqualTo("The key \"C001\" appears again (first in row 3).");
        assertThat(dup.message(null)).startsWith("编码");
        assertThat(dup.severity()).isEqualTo(Severity.ERROR);

        ImportIssue legacy =
                ImportIssue.ofFile("dlg.zip", IssueCode.CRS_LEGACY_DATUM, "Xian 1980 / 3-degree GK CM 111E");
        assertThat(legacy.row()).isZero();
        assertThat(legacy.message(Locale.ENGLISH)).contains("Xi'an 1980", "Xian 1980 / 3-degree GK CM 111E");
        assertThat(Arrays.stream(IssueCode.values())
                        .map(c -> ImportIssue.ofFile("f", c, "a", "b", "c", "d", "e", "f")
                                .message(Locale.ENGLISH)))
                .noneMatch(m -> m.contains("{"));
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (var in = ImportIssueTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
