package cn.yiyang.planning.importer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the test corpus and GDAL are, for the tests. */
final class Corpus {

    /** The committed corpus (tests run in the module's folder). */
    static final Path DIR = Path.of("src/test/resources/corpus");

    private Corpus() {}

    static Path file(String name) {
        Path file = DIR.resolve(name);
        assertThat(file).as("corpus file %s (see corpus/README.md)", name).exists();
        return file;
    }

    /** The files of a corpus folder (a shapefile's parts), sorted. */
    static List<Path> parts(String folder) {
        try (Stream<Path> files = Files.list(file(folder))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    /**
     * GDAL's ogr2ogr, which CI installs (scripts/provision.sh): its absence fails the tests that need it rather
     * than skipping them silently.
     */
    static Path ogr2ogr() {
        Path ogr2ogr = Path.of("/usr/bin/ogr2ogr");
        assertThat(ogr2ogr)
                .as("GDAL's ogr2ogr is required (apt-get install gdal-bin; scripts/provision.sh does)")
                .isExecutable();
        return ogr2ogr;
    }
}
