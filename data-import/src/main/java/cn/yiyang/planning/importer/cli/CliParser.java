package cn.yiyang.planning.importer.cli;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.job.RejectPolicy;
import cn.yiyang.planning.importer.job.RequestValues;
import cn.yiyang.planning.layers.feature.LoadMode;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses the import command line; every mistake is a {@link UsageException}. */
final class CliParser {

    private static final Set<String> FLAGS = Set.of("--dry-run", "--repair", "--help", "-h");
    private static final Set<String> VALUED = Set.of(
            "--db",
            "--db-user",
            "--db-password",
            "--layer",
            "--file",
            "--crs",
            "--encoding",
            "--table",
            "--mode",
            "--field-map",
            "--reject-policy",
            "--user",
            "--lang",
            "--report");

    private CliParser() {}

    /** The language asked for, looked for before anything else so that errors use it. */
    static Locale language(String... args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--lang")
                    && args[i + 1].strip().toLowerCase(Locale.ROOT).startsWith("en")) {
                return Locale.ENGLISH;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    static CliOptions parse(String... args) throws UsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (FLAGS.contains(a)) {
                flags.add(a);
            } else if (VALUED.contains(a)) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("cli.missing_value", a);
                }
                values.computeIfAbsent(a, k -> new ArrayList<>()).add(args[++i]);
            } else {
                throw new UsageException("cli.unknown_option", a);
            }
        }
        Locale locale = language(args);
        if (flags.contains("--help") || flags.contains("-h")) {
            return new CliOptions(
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    LoadMode.APPEND,
                    Map.of(),
                    RejectPolicy.SKIP_INVALID,
                    false,
                    false,
                    null,
                    locale,
                    null,
                    true);
        }
        String db = required(values, "--db");
        String layer = required(values, "--layer");
        List<Path> files = new ArrayList<>();
        for (String f : values.getOrDefault("--file", List.of())) {
            Path p = Path.of(f);
            if (!Files.isReadable(p) || Files.isDirectory(p)) {
                throw new UsageException("cli.no_file", f);
            }
            files.add(p);
        }
        if (files.isEmpty()) {
            throw new UsageException("cli.missing_option", "--file");
        }
        String lang = one(values, "--lang");
        if (lang != null && !Set.of("zh", "en", "zh-cn", "zh_cn").contains(lang.toLowerCase(Locale.ROOT))) {
            throw new UsageException("cli.bad_value", "--lang", lang, "zh, en");
        }
        return new CliOptions(
                db,
                one(values, "--db-user"),
                one(values, "--db-password"),
                layer,
                files,
                crs(one(values, "--crs")),
                encoding(one(values, "--encoding")),
                one(values, "--table"),
                mode(one(values, "--mode")),
                fieldMap(one(values, "--field-map")),
                rejectPolicy(one(values, "--reject-policy")),
                flags.contains("--dry-run"),
                flags.contains("--repair"),
                userName(one(values, "--user")),
                locale,
                report(one(values, "--report")),
                false);
    }

    private static String required(Map<String, List<String>> values, String option) throws UsageException {
        String v = one(values, option);
        if (v == null || v.isBlank()) {
            throw new UsageException("cli.missing_option", option);
        }
        return v;
    }

    private static String one(Map<String, List<String>> values, String option) {
        List<String> v = values.get(option);
        return v == null ? null : v.getLast();
    }

    private static Crs crs(String value) throws UsageException {
        try {
            return RequestValues.crs(value, "--crs");
        } catch (ImportException e) {
            throw new UsageException(e.issue());
        }
    }

    private static Charset encoding(String value) throws UsageException {
        try {
            return RequestValues.encoding(value, "--encoding");
        } catch (ImportException e) {
            throw new UsageException(e.issue());
        }
    }

    private static LoadMode mode(String value) throws UsageException {
        if (value == null) {
            return LoadMode.APPEND;
        }
        try {
            return LoadMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("cli.bad_value", "--mode", value, "replace, append, upsert");
        }
    }

    private static RejectPolicy rejectPolicy(String value) throws UsageException {
        if (value == null) {
            return RejectPolicy.SKIP_INVALID;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "skip", "skip_invalid" -> RejectPolicy.SKIP_INVALID;
            case "all", "all_or_nothing" -> RejectPolicy.ALL_OR_NOTHING;
            default -> throw new UsageException("cli.bad_value", "--reject-policy", value, "skip, all");
        };
    }

    private static Map<String, String> fieldMap(String value) throws UsageException {
        if (value == null) {
            return Map.of();
        }
        try {
            JsonNode node = JsonMapper.builder().build().readTree(value);
            if (!node.isObject()) {
                throw new UsageException("cli.bad_value", "--field-map", value, "{\"道路名称\":\"name\"}");
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (var e : node.properties()) {
                if (!e.getValue().isString() && !e.getValue().isNull()) {
                    throw new UsageException("cli.bad_value", "--field-map", value, "{\"道路名称\":\"name\"}");
                }
                map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString());
            }
            return map;
        } catch (JacksonException e) {
            throw new UsageException("cli.bad_value", "--field-map", value, "{\"道路名称\":\"name\"}");
        }
    }

    private static Path report(String value) {
        return value == null ? null : Path.of(value);
    }

    private static String userName(String value) {
        if (value != null && !value.isBlank()) {
            return value;
        }
        String os = System.getProperty("user.name");
        return os == null || os.isBlank() ? "cli" : os;
    }
}
