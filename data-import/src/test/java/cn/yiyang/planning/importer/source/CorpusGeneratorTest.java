package cn.yiyang.planning.importer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed corpus is what {@link CorpusGenerator} makes: byte for byte, except the GeoPackage (SQLite
 * files carry timestamps), whose tables and row counts are compared. Run with {@code -Dcorpus.write=true} to
 * rewrite the corpus after changing the generator.
 */
class CorpusGeneratorTest {

    @Test
    void committedCorpusIsWhatTheGeneratorMakes(@TempDir Path fresh) throws IOException {
        if (Boolean.getBoolean("corpus.write")) {
            CorpusGenerator.generate(Corpus.DIR, Corpus.ogr2ogr());
        }
        CorpusGenerator.generate(fresh, Corpus.ogr2ogr());
        List<String> expected = files(fresh);
        assertThat(files(Corpus.DIR)).filteredOn(f -> !f.equals("README.md")).containsExactlyElementsOf(expected);
        for (String name : expected) {
            if (name.endsWith(".gpkg")) {
                assertThat(tables(Corpus.DIR.resolve(name))).as(name).isEqualTo(tables(fresh.resolve(name)));
            } else {
                assertThat(Files.readAllBytes(Corpus.DIR.resolve(name)))
                        .as(name)
                        .isEqualTo(Files.readAllBytes(fresh.resolve(name)));
            }
        }
        assertThat(files(Corpus.DIR)).contains("README.md");
        String readme = Files.readString(Corpus.DIR.resolve("README.md"));
        expected.stream()
                .map(n -> n.contains("/") ? n.substring(0, n.indexOf('/')) : n)
                .forEach(n -> assertThat(readme).as("README.md lists %s", n).contains("`" + n));
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static List<String> tables(Path gpkg) {
        GeoPackage geoPackage = GeoPackageManager.open(false, gpkg.toFile(), false);
        try {
            return geoPackage.getFeatureTables().stream()
                    .map(t -> t + ":" + geoPackage.getFeatureDao(t).count())
                    .toList();
        } finally {
            geoPackage.close();
        }
    }
}
