package cn.yiyang.planning.app.exporting;

import cn.yiyang.planning.layers.feature.Feature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes one export file feature by feature: {@link #write} for each feature in order, then {@link #finish}, which
 * completes the file on the output stream.
 */
interface ExportWriter {

    void write(Feature feature) throws IOException;

    void finish() throws IOException;

    /**
     * The writer of the request's format.
     *
     * @param out the download
     * @param tmp a directory for the formats written to a file first (GeoPackage, Shapefile)
     */
    static ExportWriter open(ExportRequest request, OutputStream out, Path tmp) throws IOException {
        return switch (request.format()) {
            case GEOJSON -> new GeoJsonExport(request, out);
            case CSV -> new TableExport.CsvFile(request, out);
            case XLSX -> new TableExport.Xlsx(request, out);
            case GPKG -> new GeoPackageExport(request, out, tmp);
            case SHP -> new ShapefileExport(request, out, tmp);
        };
    }

    /** The feature's geometry in the request's CRS (x first), or null. */
    static Geometry geometry(ExportRequest request, Feature f) {
        return f.geometry() == null ? null : request.crs().fromStored().transform(f.geometry());
    }

    /** A value as text: ISO dates, {@code true}/{@code false}, numbers as Java writes them; null stays null. */
    static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
