package cn.yiyang.planning.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The legend entries are defined once, in the map client's styles.js, and titled from the app's
 * translations: every legend key there must have a Chinese and an English text.
 */
class LegendKeysTest {

    private static final Path STYLES = Path.of("..", "map-client", "src", "styles.js");
    private static final Pattern KEY = Pattern.compile("'(legend\\.[a-z0-9.-]+)'");

    @Test
    void everyLegendKeyOfTheMapClientHasBothTranslations() throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher m = KEY.matcher(Files.readString(STYLES));
        while (m.find()) {
            keys.add(m.group(1));
        }
        assertThat(keys).as("legend keys in styles.js").hasSizeGreaterThan(20);
        for (String bundle : new String[] {"translations.properties", "translations_zh_CN.properties"}) {
            Properties p = new Properties();
            try (var in = getClass().getClassLoader().getResourceAsStream("vaadin-i18n/" + bundle)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(p.stringPropertyNames()).as("legend keys in %s", bundle).containsAll(keys);
        }
    }
}
