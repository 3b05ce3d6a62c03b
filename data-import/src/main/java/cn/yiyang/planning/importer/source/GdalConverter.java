package cn.yiyang.planning.importer.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Converts a file that GDAL reads (FileGDB, DXF, MapInfo TAB/MIF, KML, GML, GPX, …) into a GeoPackage with
 * {@code ogr2ogr -f GPKG}, so that {@link GeoPackageSource} reads it. Attribute encodings and CRSs are GDAL's
 * business on the way in; the GeoPackage records the CRS GDAL found.
 */
final class GdalConverter {

    /** Longer than any conversion of an upload within the size limit should take on a small server. */
    private static final long TIMEOUT_MINUTES = 10;

    private final Path ogr2ogr;

    GdalConverter(Path ogr2ogr) {
        this.ogr2ogr = ogr2ogr;
    }

    /**
     * @param input    the file (or FileGDB folder)
     * @param fileName its name as the user knows it, for GDAL's driver guess by extension
     * @param workDir  a private folder for the output
     * @return the GeoPackage, or empty when GDAL cannot read the input
     */
    Optional<Path> toGeoPackage(Path input, String fileName, Path workDir) {
        try {
            Path source = input;
            String extension = extension(fileName);
            if (!Files.isDirectory(input)
                    && !extension.isEmpty()
                    && !input.getFileName().toString().endsWith(extension)) {
                source = workDir.resolve("gdal-input" + extension);
                Files.copy(input, source);
            }
            Path output = workDir.resolve("gdal-output.gpkg");
            Path log = workDir.resolve("ogr2ogr.log");
            Process process = new ProcessBuilder(
                            List.of(ogr2ogr.toString(), "-f", "GPKG", output.toString(), source.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 && Files.isRegularFile(output) ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Writes each sheet of an Excel workbook to a CSV file named after the sheet (UTF-8 with a byte-order mark; the
     * first row is the header; date cells as yyyy/MM/dd), in a new folder under {@code workDir}.
     *
     * @return the CSV files, sorted by name, or empty when GDAL cannot read the workbook
     */
    Optional<List<Path>> sheetsToCsv(Path workbook, Path workDir) {
        try {
            Path source = workbook;
            if (!workbook.getFileName().toString().endsWith(".xlsx")) {
                source = workDir.resolve("gdal-input.xlsx");
                Files.copy(workbook, source);
            }
            Path output = workDir.resolve("sheets");
            Path log = workDir.resolve("ogr2ogr.log");
            Process process = new ProcessBuilder(List.of(
                            ogr2ogr.toString(),
                            "-f",
                            "CSV",
                            "-oo",
                            "HEADERS=FORCE",
                            "-lco",
                            "WRITE_BOM=YES",
                            output.toString(),
                            source.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            if (process.exitValue() != 0 || !Files.isDirectory(output)) {
                return Optional.empty();
            }
            try (Stream<Path> files = Files.list(output)) {
                return Optional.of(files.filter(f -> f.getFileName().toString().endsWith(".csv"))
                        .sorted()
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String extension(String fileName) {
        String name = fileName.substring(fileName.replace('\\', '/').lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
    }
}
