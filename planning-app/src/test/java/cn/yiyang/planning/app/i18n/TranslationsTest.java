package cn.yiyang.planning.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when a text lacks a translation, when code asks for a key no bundle has, or
 * when a Java source of the app holds a hard-coded Chinese text instead of a translation key.
 */
class TranslationsTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern KEY_USE = Pattern.compile("(?:getTranslation|tr|messages\\.get)\\(\"([a-z0-9.-]+)\"");
    /** Message keys named outside a translation call: problems' keys ({@code ProblemException}, actions). */
    private static final Pattern PROBLEM_KEY = Pattern.compile("\"(api\\.error\\.[a-z0-9.-]+)\"");

    private static final Pattern CJK_LITERAL = Pattern.compile("\"[^\"\\n]*[\\u4e00-\\u9fff][^\"\\n]*\"");

    @Test
    void chineseAndEnglishHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties en = load("vaadin-i18n/translations.properties");
        Properties zh = load("vaadin-i18n/translations_zh_CN.properties");
        assertThat(zh.stringPropertyNames())
                .as("keys with no English text or no Chinese text")
                .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (Properties p : List.of(en, zh)) {
            p.forEach((k, v) -> assertThat(v.toString()).as("text of %s", k).isNotBlank());
        }
        zh.forEach((k, v) -> assertThat(v.toString())
                .as("Chinese text of %s", k)
                .containsPattern("[\\u4e00-\\u9fff]|^[\\x20-\\x7e]+$"));
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Set<String> known = load("vaadin-i18n/translations.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        for (Path file : javaSources()) {
            String source = Files.readString(file);
            for (Pattern use : List.of(KEY_USE, PROBLEM_KEY)) {
                Matcher m = use.matcher(source);
                while (m.find()) {
                    String key = m.group(1);
                    // "prefix." + value: a family of keys, at least one of which must exist
                    boolean found =
                            key.endsWith(".") ? known.stream().anyMatch(k -> k.startsWith(key)) : known.contains(key);
                    if (!found) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing)
                .as("translation keys used in code but missing from the bundles")
                .isEmpty();
    }

    @Test
    void noHardCodedChineseTextInTheAppSources() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaSources()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                    continue;
                }
                Matcher m = CJK_LITERAL.matcher(line);
                if (m.find()) {
                    found.add(file.getFileName() + ":" + (i + 1) + " " + m.group());
                }
            }
        }
        assertThat(found)
                .as("user-visible text belongs in vaadin-i18n/translations*.properties")
                .isEmpty();
    }

    @Test
    void messagesFallBackToChineseAndFormatArguments() {
        Messages m = new Messages();
        assertThat(m.get("api.error.unknown-layer", Locale.GERMAN, "x")).contains("图层“x”");
        assertThat(m.get("api.error.unknown-layer", Locale.US, "x")).contains("There is no layer \"x\"");
        assertThat(m.get("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key");
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
