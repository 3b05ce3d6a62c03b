package cn.yiyang.planning.app.map;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * A link into the map page from elsewhere (the import page's "view on the map"):
 * {@code /?extent=minLon,minLat,maxLon,maxLat&layer=id} opens the map on that extent (EPSG:4490)
 * with that layer shown. Parameters that do not parse, or an extent outside lon/lat bounds, are
 * ignored: the page then opens as usual.
 *
 * @param extent the extent to show, or null
 * @param layer  the layer to show, or null
 */
public record MapLink(Envelope extent, String layer) {

    /** The link as a URL relative to the app. */
    public static String to(Envelope extent, String layer) {
        return "?extent=" + extent.getMinX() + "," + extent.getMinY() + "," + extent.getMaxX() + "," + extent.getMaxY()
                + (layer == null ? "" : "&layer=" + layer);
    }

    /** The link the query parameters carry, if any. */
    public static Optional<MapLink> parse(Map<String, List<String>> parameters) {
        Envelope extent = first(parameters, "extent").map(MapLink::envelope).orElse(null);
        String layer = first(parameters, "layer")
                .filter(l -> l.matches("[a-z][a-z0-9_]{0,62}"))
                .orElse(null);
        return extent == null && layer == null ? Optional.empty() : Optional.of(new MapLink(extent, layer));
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    private static Envelope envelope(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            return null;
        }
        double[] v = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        boolean lonLat = v[0] >= -180 && v[2] <= 180 && v[1] >= -90 && v[3] <= 90 && v[0] <= v[2] && v[1] <= v[3];
        return lonLat ? new Envelope(v[0], v[2], v[1], v[3]) : null;
    }
}
