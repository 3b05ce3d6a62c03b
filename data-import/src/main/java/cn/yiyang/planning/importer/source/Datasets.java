package cn.yiyang.planning.importer.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The datasets in a folder (an unpacked zip, or the files of one upload), in nested folders too. A shapefile is
 * a .shp with its parts beside it; a GeoPackage or GeoJSON file is recognised by content whatever its name;
 * CSV only under a .csv/.tsv name (so a readme is not taken for data); with GDAL, also MapInfo, DXF, KML, GML,
 * GPX files and FileGDB folders. macOS's {@code __MACOSX} folder and hidden files are ignored.
 *
 * @param datasets    the datasets, by path
 * @param orphanParts shapefile parts (.dbf, .shx) whose .shp is missing, by path
 * @param isEmpty     whether the folder holds no file at all
 */
record Datasets(List<Dataset> datasets, List<String> orphanParts, boolean isEmpty) {

    /**
     * One dataset.
     *
     * @param path where it is
     * @param name its path in the folder, with {@code /} separators (the entry path of a zip)
     * @param kind what it holds
     */
    record Dataset(Path path, String name, ContentSniffer.Kind kind) {}

    private static final Set<String> SHAPEFILE_PARTS = Set.of(
            "shx", "dbf", "prj", "cpg", "sbn", "sbx", "qix", "fix", "xml", "atx", "ain", "aih", "ixs", "mxs", "qmd");
    private static final Set<String> GDAL_EXTENSIONS = Set.of("tab", "mif", "dxf", "kml", "gml", "gpx");

    static Datasets find(Path root, boolean withGdal) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !ignored(root.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Dataset> datasets = new ArrayList<>();
        Set<String> shapefileBases = new HashSet<>();
        Set<Path> gdbFolders = new HashSet<>();
        for (Path file : files) {
            String name = name(root, file);
            String extension = extension(name);
            Path gdb = gdbFolder(root, file);
            if (gdb != null) {
                if (withGdal && gdbFolders.add(gdb)) {
                    datasets.add(new Dataset(gdb, name(root, gdb), ContentSniffer.Kind.BINARY));
                }
                continue;
            }
            if (extension.equals("shp")) {
                shapefileBases.add(base(name));
                datasets.add(new Dataset(file, name, ContentSniffer.Kind.SHAPEFILE_MAIN));
            } else if (SHAPEFILE_PARTS.contains(extension)) {
                continue;
            } else if (withGdal && GDAL_EXTENSIONS.contains(extension)) {
                datasets.add(new Dataset(file, name, ContentSniffer.Kind.OTHER_TEXT));
            } else {
                ContentSniffer.Kind kind = ContentSniffer.sniff(file);
                boolean csv =
                        kind == ContentSniffer.Kind.TEXT_TABLE && (extension.equals("csv") || extension.equals("tsv"));
                if (csv
                        || kind == ContentSniffer.Kind.SQLITE
                        || kind == ContentSniffer.Kind.GEOJSON
                        || kind == ContentSniffer.Kind.GEOJSON_SEQ) {
                    datasets.add(new Dataset(file, name, kind));
                }
            }
        }
        List<String> orphans = files.stream()
                .map(f -> name(root, f))
                .filter(n -> List.of("dbf", "shx").contains(extension(n)) && !shapefileBases.contains(base(n)))
                .toList();
        return new Datasets(List.copyOf(datasets), orphans, files.isEmpty());
    }

    /** The dataset a user's table choice names: its path, else its file name, else that without extension. */
    static Optional<Dataset> choose(List<Dataset> datasets, String table) {
        String wanted = table.replace('\\', '/').strip();
        for (Function<Dataset, String> key : List.<Function<Dataset, String>>of(
                Dataset::name, d -> fileName(d.name()), d -> ShapefileSource.baseName(d.name()))) {
            List<Dataset> matches = datasets.stream()
                    .filter(d -> key.apply(d).equalsIgnoreCase(wanted))
                    .toList();
            if (matches.size() == 1) {
                return Optional.of(matches.get(0));
            }
        }
        return Optional.empty();
    }

    private static boolean ignored(Path relative) {
        for (Path segment : relative) {
            String s = segment.toString();
            if (s.equals("__MACOSX") || s.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Path gdbFolder(Path root, Path file) {
        for (Path dir = file.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
            if (dir.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gdb")) {
                return dir;
            }
        }
        return null;
    }

    private static String name(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static String fileName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String extension(String name) {
        String file = fileName(name);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static String base(String name) {
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
    }
}
