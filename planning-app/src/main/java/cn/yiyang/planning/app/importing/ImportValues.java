package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.importer.job.RejectPolicy;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's text values for an import (the command line's spellings), refusing bad ones with
 * {@link BadValueException}. CRS and encoding texts go through the engine's
 * {@link cn.yiyang.planning.importer.job.RequestValues}.
 */
final class ImportValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FIELD_MAP_EXAMPLE = "{\"LXMC\":\"name\",\"BZ\":\"EXTRA\"}";

    private ImportValues() {}

    /** {@code replace}, {@code append} or {@code upsert} (any case); null or blank: null. */
    static ImportMode mode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ImportMode.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadValueException("mode", text, "replace, append, upsert");
        }
    }

    /** {@code skip} ({@code skip_invalid}) or {@code all} ({@code all_or_nothing}); null or blank: null. */
    static RejectPolicy rejectPolicy(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "skip", "skip_invalid" -> RejectPolicy.SKIP_INVALID;
            case "all", "all_or_nothing" -> RejectPolicy.ALL_OR_NOTHING;
            default -> throw new BadValueException("rejectPolicy", text, "skip, all");
        };
    }

    /** {@code true} or {@code false} (also 1/0, yes/no, on/off); null or blank: null. */
    static Boolean flag(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new BadValueException(parameter, text, "true, false");
        };
    }

    /** A JSON object of source field → target ({@code EXTRA}, {@code IGNORE} or a field); null or blank: null. */
    static Map<String, String> fieldMap(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (!node.isObject()) {
                throw new BadValueException("fieldMap", json, FIELD_MAP_EXAMPLE);
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (var e : node.properties()) {
                if (!e.getValue().isString() && !e.getValue().isNull()) {
                    throw new BadValueException("fieldMap", json, FIELD_MAP_EXAMPLE);
                }
                map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString());
            }
            return map;
        } catch (JacksonException e) {
            throw new BadValueException("fieldMap", json, FIELD_MAP_EXAMPLE);
        }
    }
}
