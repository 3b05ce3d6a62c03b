package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * Opens an uploaded file as a {@link FeatureSource}, recognising its format by its content, never by its name:
 * a zip (PK\3\4), a GeoPackage (the SQLite header and the GeoPackage tables), a shapefile (file code 9994: its
 * parts must come together, zipped or as several files), GeoJSON (a FeatureCollection or a Feature) or
 * newline-delimited GeoJSON (one Feature per line, RFC 8142's record separators allowed), and CSV (text whose
 * first row is a delimited header). Anything else is converted with {@code ogr2ogr} into a GeoPackage when GDAL
 * is installed, else refused with UNSUPPORTED_FORMAT.
 *
 * <p>Uploads are treated as hostile: sizes are checked against {@link UploadLimits}, and zips are unpacked into
 * a private temporary folder with zip-slip and zip-bomb checks. A zip may hold nested folders; when it holds
 * several datasets, {@link SourceOptions#table()} chooses one by its path in the zip (or its file name, or that
 * without extension), else the open fails with CHOOSE_TABLE listing them. Temporary files are deleted when the
 * source is closed (or at once when opening fails).
 *
 * <p>File-level failures throw {@link ImportException} with the issue (row 0): EMPTY_FILE, UNSUPPORTED_FORMAT,
 * MISSING_PART, CORRUPT_FILE, TOO_LARGE, ZIP_SLIP, ZIP_BOMB, CHOOSE_TABLE, NO_SUCH_TABLE, CRS_LEGACY_DATUM,
 * CRS_UNSUPPORTED, CSV_NO_GEOMETRY_COLUMNS. A missing CRS does not throw: the description then has
 * {@link Detection#UNKNOWN} and a NO_CRS issue, and the caller asks the user and opens again with
 * {@link SourceOptions#crs()}.
 *
 * <pre>{@code
 * try (FeatureSource source = new SourceOpener().open(upload, "道路.zip", SourceOptions.DETECT)) {
 *     SourceDescription d = source.describe();
 *     source.records().forEachRemaining(...);
 * }
 * }</pre>
 */
public final class SourceOpener {

    private final UploadLimits limits;
    private final Path ogr2ogr;

    /** An opener with the default limits and GDAL's {@code ogr2ogr} if it is on the PATH. */
    public SourceOpener() {
        this(UploadLimits.DEFAULT);
    }

    /** An opener with these limits and GDAL's {@code ogr2ogr} if it is on the PATH. */
    public SourceOpener(UploadLimits limits) {
        this(limits, findOnPath("ogr2ogr").orElse(null));
    }

    /**
     * @param limits  the upload limits
     * @param ogr2ogr GDAL's {@code ogr2ogr} executable for other formats, or null to read only the built-in ones
     */
    public SourceOpener(UploadLimits limits, Path ogr2ogr) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ogr2ogr = ogr2ogr;
    }

    /**
     * Opens one uploaded file.
     *
     * @param upload       where the upload is stored (any name)
     * @param originalName the name the user uploaded it under, used in issues and as the table name
     * @param options      the user's choices, {@link SourceOptions#DETECT} for none
     * @return the source; close it to release its files
     * @throws ImportException for a file that cannot be read (see the class comment)
     */
    public FeatureSource open(Path upload, String originalName, SourceOptions options) {
        checkSize(List.of(upload), List.of(originalName));
        ContentSniffer.Kind kind = ContentSniffer.sniff(upload);
        return switch (kind) {
            case ZIP ->
                isWorkbook(upload)
                        ? openWorkbook(upload, originalName, options)
                        : openZip(upload, originalName, options);
            default -> openFile(upload, originalName, kind, options, null);
        };
    }

    /** Whether a zip is an Excel workbook (OOXML: it has {@code xl/workbook.xml}). */
    private static boolean isWorkbook(Path zip) {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.getEntry("xl/workbook.xml") != null;
        } catch (IOException e) {
            return false; // a broken zip: the unzip reports it
        }
    }

    /**
     * An Excel workbook: its sheets written to CSV by GDAL, then the one sheet (or the one {@code options.table()}
     * names, else CHOOSE_TABLE) read as a CSV. Without GDAL: UNSUPPORTED_FORMAT.
     */
    private FeatureSource openWorkbook(Path workbook, String name, SourceOptions options) {
        if (ogr2ogr == null) {
            throw new ImportException(ImportIssue.ofFile(
                    name, IssueCode.UNSUPPORTED_FORMAT, "Excel workbook (.xlsx) without GDAL's ogr2ogr"));
        }
        TempDir work = TempDir.create();
        try {
            List<Path> sheets = new GdalConverter(ogr2ogr)
                    .sheetsToCsv(workbook, work.path())
                    .filter(list -> !list.isEmpty())
                    .orElseThrow(() -> new ImportException(
                            ImportIssue.ofFile(name, IssueCode.CORRUPT_FILE, "Excel workbook GDAL cannot read")));
            List<String> names = sheets.stream()
                    .map(p -> ShapefileSource.baseName(p.getFileName().toString()))
                    .toList();
            Path chosen;
            if (options.table() != null) {
                int i = names.indexOf(options.table().strip());
                if (i < 0) {
                    throw new ImportException(ImportIssue.ofFile(name, IssueCode.NO_SUCH_TABLE, options.table()));
                }
                chosen = sheets.get(i);
            } else if (sheets.size() == 1) {
                chosen = sheets.get(0);
            } else {
                throw new ImportException(ImportIssue.ofFile(name, IssueCode.CHOOSE_TABLE, String.join(", ", names)));
            }
            return CsvSource.sheet(chosen, name, options, work, names);
        } catch (RuntimeException e) {
            work.close();
            throw e;
        }
    }

    /**
     * Opens several uploaded files that belong together, typically the parts of one shapefile (.shp, .shx,
     * .dbf, .prj, .cpg). They are copied into a private folder under their original file names (any folder in
     * a name is dropped) and opened as the contents of a zip would be.
     *
     * @param files         where the uploads are stored
     * @param originalNames their names as uploaded, in the same order (the extensions tell the parts apart)
     * @param options       the user's choices
     * @return the source; close it to release its files
     * @throws ImportException as {@link #open(Path, String, SourceOptions)}
     */
    public FeatureSource open(List<Path> files, List<String> originalNames, SourceOptions options) {
        if (files.size() != originalNames.size() || files.isEmpty()) {
            throw new IllegalArgumentException("one original name per file, and at least one file: " + files.size()
                    + " files, " + originalNames.size() + " names");
        }
        if (files.size() == 1) {
            return open(files.get(0), originalNames.get(0), options);
        }
        checkSize(files, originalNames);
        TempDir temp = TempDir.create();
        try {
            for (int i = 0; i < files.size(); i++) {
                String name = safeFileName(originalNames.get(i), i);
                Files.copy(files.get(i), temp.path().resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            return openFolder(temp, String.join(", ", originalNames), options);
        } catch (IOException e) {
            temp.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            temp.close();
            throw e;
        }
    }

    private FeatureSource openZip(Path zip, String originalName, SourceOptions options) {
        TempDir temp = TempDir.create();
        try {
            new SafeUnzip(limits).unpack(zip, originalName, temp.path());
            return openFolder(temp, originalName, options);
        } catch (RuntimeException e) {
            temp.close();
            throw e;
        }
    }

    /** Opens the one dataset in the folder, or the one {@code options.table()} names. */
    private FeatureSource openFolder(TempDir temp, String uploadName, SourceOptions options) {
        Datasets found = Datasets.find(temp.path(), ogr2ogr != null);
        List<Datasets.Dataset> datasets = found.datasets();
        if (datasets.isEmpty()) {
            if (!found.orphanParts().isEmpty()) {
                throw new ImportException(
                        ImportIssue.ofFile(found.orphanParts().get(0), IssueCode.MISSING_PART, ".shp"));
            }
            throw new ImportException(
                    found.isEmpty()
                            ? ImportIssue.ofFile(uploadName, IssueCode.EMPTY_FILE)
                            : ImportIssue.ofFile(
                                    uploadName,
                                    IssueCode.UNSUPPORTED_FORMAT,
                                    "no shapefile, GeoPackage, GeoJSON or CSV inside"));
        }
        Datasets.Dataset chosen;
        SourceOptions inner = options;
        if (datasets.size() == 1) {
            chosen = datasets.get(0);
        } else if (options.table() == null) {
            throw new ImportException(ImportIssue.ofFile(
                    uploadName,
                    IssueCode.CHOOSE_TABLE,
                    String.join(
                            ", ", datasets.stream().map(Datasets.Dataset::name).toList())));
        } else {
            chosen = Datasets.choose(datasets, options.table())
                    .orElseThrow(() -> new ImportException(
                            ImportIssue.ofFile(uploadName, IssueCode.NO_SUCH_TABLE, options.table())));
            inner = new SourceOptions(options.encoding(), options.crs(), null, options.withoutGeometry());
        }
        return openFile(chosen.path(), chosen.name(), chosen.kind(), inner, temp);
    }

    /** Opens one file of a recognised kind; {@code temp} (may be null) is handed to the source to delete. */
    private FeatureSource openFile(
            Path file, String name, ContentSniffer.Kind kind, SourceOptions options, TempDir temp) {
        try {
            return switch (kind) {
                case EMPTY, EMPTY_ZIP -> throw new ImportException(ImportIssue.ofFile(name, IssueCode.EMPTY_FILE));
                case SHAPEFILE_MAIN -> openShapefile(file, name, options, temp);
                case DBF -> throw new ImportException(ImportIssue.ofFile(name, IssueCode.MISSING_PART, ".shp"));
                case SQLITE -> GeoPackageSource.open(file, name, SourceFormat.GEOPACKAGE, options, temp);
                case GEOJSON -> GeoJsonSource.open(file, name, options, temp);
                case GEOJSON_SEQ -> GeoJsonSeqSource.open(file, name, options, temp);
                case TEXT_TABLE -> CsvSource.open(file, name, options, temp);
                case ZIP, JSON_OTHER, WKT_TEXT, OTHER_TEXT, BINARY -> convertOrRefuse(file, name, kind, options, temp);
            };
        } catch (RuntimeException e) {
            if (temp != null) {
                temp.close();
            }
            throw e;
        }
    }

    private static FeatureSource openShapefile(Path file, String name, SourceOptions options, TempDir temp) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (temp == null) {
            List<String> missing = lower.endsWith(".shx") ? List.of(".shp", ".dbf") : List.of(".shx", ".dbf");
            throw new ImportException(ImportIssue.ofFile(name, IssueCode.MISSING_PART, String.join(", ", missing)));
        }
        return ShapefileSource.open(file, name, options, temp);
    }

    private FeatureSource convertOrRefuse(
            Path file, String name, ContentSniffer.Kind kind, SourceOptions options, TempDir temp) {
        if (ogr2ogr == null || kind == ContentSniffer.Kind.ZIP || kind == ContentSniffer.Kind.WKT_TEXT) {
            throw new ImportException(ImportIssue.ofFile(name, IssueCode.UNSUPPORTED_FORMAT, kind.description()));
        }
        TempDir work = temp != null ? temp : TempDir.create();
        try {
            Path gpkg = new GdalConverter(ogr2ogr)
                    .toGeoPackage(file, name, work.path())
                    .orElseThrow(() -> new ImportException(
                            ImportIssue.ofFile(name, IssueCode.UNSUPPORTED_FORMAT, kind.description())));
            return GeoPackageSource.open(gpkg, name, SourceFormat.GDAL, options, work);
        } catch (RuntimeException e) {
            work.close();
            throw e;
        }
    }

    private void checkSize(List<Path> files, List<String> names) {
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            try {
                long size = Files.size(files.get(i));
                total += size;
                if (size > limits.maxUploadBytes() || total > limits.maxUploadBytes()) {
                    throw new ImportException(ImportIssue.ofFile(
                            names.get(i),
                            IssueCode.TOO_LARGE,
                            UploadLimits.megabytes(total),
                            UploadLimits.megabytes(limits.maxUploadBytes())));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The file-name part of an uploaded name, never a path: folders, {@code ..} and separators are dropped. */
    private static String safeFileName(String originalName, int index) {
        String normal = originalName == null ? "" : originalName.replace('\\', '/');
        String name = normal.substring(normal.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0) {
            return "upload-" + index;
        }
        return name;
    }

    private static Optional<Path> findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
