package cn.yiyang.planning.app.exporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The WKT definitions exports write for EPSG:4490 and the Gauss-Kruger CRSs (GeoPackage's {@code gpkg_spatial_ref_sys},
 * a Shapefile's {@code .prj} in ESRI's dialect), as GDAL 3.6 / PROJ writes them ({@code export/crs-wkt.properties}).
 */
final class CrsWkt {

    private static final Properties WKT = load();

    private CrsWkt() {}

    /** OGC WKT 1, for GeoPackage. */
    static String ogc(int epsg) {
        return get("ogc." + epsg);
    }

    /** ESRI WKT, for a Shapefile's .prj. */
    static String esri(int epsg) {
        return get("esri." + epsg);
    }

    private static String get(String key) {
        String v = WKT.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("no WKT for " + key);
        }
        return v;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = CrsWkt.class.getResourceAsStream("/export/crs-wkt.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
