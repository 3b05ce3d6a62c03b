package cn.yiyang.planning.importer.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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

    private static String extension(String fileName) {
        String name = fileName.substring(fileName.replace('\\', '/').lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
    }
}
