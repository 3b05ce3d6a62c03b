package cn.yiyang.planning.geo.crs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test oracle: the EPSG names and proj4 definitions shipped in proj4j-epsg's {@code proj4/nad/epsg} file. */
final class Proj4jEpsgRegistry {

    /** One registry entry. */
    record Entry(int code, String name, String proj4) {}

    private static final Pattern LINE = Pattern.compile("<(\\d+)>\\s*(.*?)\\s*<>");
    private static final Map<Integer, Entry> ENTRIES = load();

    private Proj4jEpsgRegistry() {}

    static Map<Integer, Entry> entries() {
        return ENTRIES;
    }

    static Entry get(int code) {
        return ENTRIES.get(code);
    }

    private static Map<Integer, Entry> load() {
        Map<Integer, Entry> entries = new TreeMap<>();
        try (InputStream in = Proj4jEpsgRegistry.class.getResourceAsStream("/proj4/nad/epsg");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String name = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher m = LINE.matcher(line);
                if (line.startsWith("# ")) {
                    name = line.substring(2).strip();
                } else if (m.matches()) {
                    int code = Integer.parseInt(m.group(1));
                    entries.put(code, new Entry(code, name, m.group(2)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
