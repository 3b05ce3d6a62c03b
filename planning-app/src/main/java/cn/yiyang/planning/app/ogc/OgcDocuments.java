package cn.yiyang.planning.app.ogc;

import cn.yiyang.planning.app.layer.LayerState;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OGC API's JSON documents other than items: the landing page, conformance and collections, with their links
 * made absolute from the API's base URL ({@code http://host/ogc}).
 */
final class OgcDocuments {

    static final String JSON = "application/json";
    static final String GEOJSON = "application/geo+json";
    static final String HTML = "text/html";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final String base;

    /** @param base the API's absolute URL without a trailing slash, e.g. {@code http://localhost:8080/ogc} */
    OgcDocuments(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    ObjectNode landing(String title, String description) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("title", title);
        n.put("description", description);
        ArrayNode links = n.putArray("links");
        link(links, base, "self", JSON, title);
        link(links, base + "?f=html", "alternate", HTML, title);
        link(links, base + "/api", "service-desc", OPENAPI, "OpenAPI 3.0");
        link(links, base + "/conformance", "conformance", JSON, "Conformance");
        link(links, base + "/collections", "data", JSON, "Collections");
        return n;
    }

    ObjectNode conformance() {
        ObjectNode n = MAPPER.createObjectNode();
        ArrayNode classes = n.putArray("conformsTo");
        CONFORMANCE.forEach(classes::add);
        return n;
    }

    ObjectNode collections(List<LayerState> layers) {
        ObjectNode n = MAPPER.createObjectNode();
        ArrayNode links = n.putArray("links");
        link(links, base + "/collections", "self", JSON, "Collections");
        link(links, base + "/collections?f=html", "alternate", HTML, "Collections");
        ArrayNode list = n.putArray("collections");
        layers.forEach(l -> list.add(collection(l)));
        ArrayNode crs = n.putArray("crs");
        OgcCrs.uris().forEach(crs::add);
        return n;
    }

    /**
     * One collection: Chinese title, English description, the feature count ({@code numberMatched} of all its
     * items), the spatial extent in CRS84, the CRSs it answers in and the one it is stored in.
     */
    ObjectNode collection(LayerState s) {
        LayerDef d = s.definition();
        String href = base + "/collections/" + d.id();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", d.id());
        n.put("title", d.titleZh());
        n.put("description", d.titleEn());
        n.put("itemType", "feature");
        ArrayNode links = n.putArray("links");
        link(links, href, "self", JSON, d.titleZh());
        link(links, href + "?f=html", "alternate", HTML, d.titleZh());
        link(links, href + "/items", "items", GEOJSON, d.titleZh());
        link(links, href + "/items?f=html", "items", HTML, d.titleZh());
        Envelope e = s.extent();
        if (d.geometry().hasGeometry()) {
            ObjectNode spatial = n.putObject("extent").putObject("spatial");
            ArrayNode box = spatial.putArray("bbox").addArray();
            if (e != null) {
                box.add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY());
            } else {
                box.add(-180.0).add(-90.0).add(180.0).add(90.0); // empty layer: the whole world, as the spec asks
            }
            spatial.put("crs", OgcCrs.CRS84.uri());
            ArrayNode crs = n.putArray("crs");
            OgcCrs.uris().forEach(crs::add);
            n.put("storageCrs", OgcCrs.CGCS2000.uri());
            n.put("geometryType", d.geometry().jtsType());
        }
        n.put("featureCount", s.featureCount());
        return n;
    }

    static void link(ArrayNode links, String href, String rel, String type, String title) {
        links.addObject().put("href", href).put("rel", rel).put("type", type).put("title", title);
    }

    static JsonMapper mapper() {
        return MAPPER;
    }
}
