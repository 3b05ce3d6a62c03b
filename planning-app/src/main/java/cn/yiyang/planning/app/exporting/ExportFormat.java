package cn.yiyang.planning.app.exporting;

import cn.yiyang.planning.app.system.BadValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a layer exports to, with the file extension and media type of the download. */
public enum ExportFormat {
    GPKG("gpkg", "application/geopackage+sqlite3"),
    SHP("zip", "application/zip"),
    GEOJSON("geojson", "application/geo+json"),
    CSV("csv", "text/csv;charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The id the API uses: {@code gpkg}, {@code shp}, {@code geojson}, {@code csv}, {@code xlsx}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws BadValueException for an unknown format */
    public static ExportFormat of(String id) {
        return Arrays.stream(values())
                .filter(f -> f.id().equalsIgnoreCase(id == null ? "" : id.strip()))
                .findFirst()
                .orElseThrow(() -> new BadValueException(
                        "format",
                        id,
                        Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", "))));
    }
}
