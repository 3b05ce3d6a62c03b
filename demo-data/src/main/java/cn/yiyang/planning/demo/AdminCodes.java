package cn.yiyang.planning.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The real administrative codes and names of Yiyang: 8 county-level units, 98 townships and 1,446
 * village-level units (NBS 统计用区划代码 2023, from the resources {@code demo/yiyang_townships.csv}
 * and {@code demo/yiyang_villages.csv}; see {@code demo/NOTICE.md}).
 */
record AdminCodes(List<Unit> counties, List<Unit> townships, List<Unit> villages) {

    /**
     * One administrative unit.
     *
     * @param code   the NBS code: 6 digits (county), 9 (township) or 12 (village)
     * @param name   the official name
     * @param parent the code of the unit it belongs to (null for counties)
     */
    record Unit(String code, String name, String parent) {}

    static AdminCodes load() {
        Map<String, Unit> counties = new LinkedHashMap<>();
        List<Unit> townships = new ArrayList<>();
        read("demo/yiyang_townships.csv", row -> {
            counties.putIfAbsent(row[2], new Unit(row[2], row[3], null));
            townships.add(new Unit(row[0], row[1], row[2]));
        });
        List<Unit> villages = new ArrayList<>();
        read("demo/yiyang_villages.csv", row -> villages.add(new Unit(row[0], row[1], row[2])));
        return new AdminCodes(List.copyOf(counties.values()), List.copyOf(townships), List.copyOf(villages));
    }

    private static void read(String resource, Consumer<String[]> rows) {
        try (InputStream in = AdminCodes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    rows.accept(line.strip().split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }
}
