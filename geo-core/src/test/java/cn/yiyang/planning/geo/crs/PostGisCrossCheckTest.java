package cn.yiyang.planning.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * Our transforms against PostGIS 3.3 / PROJ 9 {@code ST_Transform} results recorded in
 * {@code postgis-transforms.csv} (the query that produced them heads the file).
 */
class PostGisCrossCheckTest {

    private record Row(double lon, double lat, int epsg, double x, double y) {}

    @Test
    void forwardWithinOneCentimetreAndInverseWithin1e8Degrees() throws IOException {
        List<Row> rows = read();
        assertThat(rows).hasSize(210);
        assertThat(rows.stream().map(Row::epsg).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(4525, 4526, 4546, 4547, 3857);
        for (Row row : rows) {
            Crs target = Crs.epsg(row.epsg());
            Coordinate lonLat = new Coordinate(row.lon(), row.lat());
            Coordinate ours = CrsTransform.of(Crs.CGCS2000, target).transform(lonLat);
            assertThat(ours.distance(new Coordinate(row.x(), row.y())))
                    .as("%s", row)
                    .isLessThan(0.01);
            Coordinate back = CrsTransform.of(target, Crs.CGCS2000).transform(new Coordinate(row.x(), row.y()));
            assertThat(Math.abs(back.x - row.lon())).as("%s", row).isLessThan(1e-8);
            assertThat(Math.abs(back.y - row.lat())).as("%s", row).isLessThan(1e-8);
        }
    }

    private static List<Row> read() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                PostGisCrossCheckTest.class.getResourceAsStream("postgis-transforms.csv"), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("lon,") && !line.isBlank())
                    .map(line -> line.split(","))
                    .map(f -> new Row(
                            Double.parseDouble(f[0]),
                            Double.parseDouble(f[1]),
                            Integer.parseInt(f[2]),
                            Double.parseDouble(f[3]),
                            Double.parseDouble(f[4])))
                    .toList();
        }
    }
}
