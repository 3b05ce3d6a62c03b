package cn.yiyang.planning.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The problem codes the app answers are the ones the README's table lists, all in lower snake case: a new
 * problem fails the build until it is documented.
 */
class ProblemCodesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path README = Path.of("../README.md");
    /** A code beside its status (a ProblemException, the handler), set as a property, or written by hand. */
    private static final List<Pattern> CODE_USES = List.of(
            Pattern.compile("HttpStatus\\.[A-Z_]+,\\s*\"([a-z0-9_]+)\""),
            Pattern.compile("setProperty\\(\"code\", \"([a-z0-9_]+)\"\\)"),
            Pattern.compile("\\\\\"code\\\\\":\\\\\"([a-z0-9_]+)\\\\\""));

    @Test
    void everyCodeInTheSourcesIsInTheReadmesTable() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern use : CODE_USES) {
                    Matcher m = use.matcher(source);
                    while (m.find()) {
                        codes.add(m.group(1));
                    }
                }
            }
        }
        for (StoreException.Reason r : StoreException.Reason.values()) {
            codes.add("store_" + r.name().toLowerCase(Locale.ROOT));
        }
        assertThat(codes)
                .as("codes found in the sources")
                .contains(
                        "forbidden",
                        "bad_value",
                        "bad_tile",
                        "unauthenticated",
                        "bad_request",
                        "basemap_rate_limited",
                        "register_entry_closed");
        String table = problemTable();
        Set<String> missing = new TreeSet<>();
        for (String code : codes) {
            if (!table.contains("`" + code + "`")) {
                missing.add(code);
            }
        }
        assertThat(missing).as("problem codes missing from the README's table").isEmpty();
    }

    private static String problemTable() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("### Problem codes");
        assertThat(start).as("README section Problem codes").isNotNegative();
        int end = readme.indexOf("\n#", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
