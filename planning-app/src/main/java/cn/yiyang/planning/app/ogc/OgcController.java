package cn.yiyang.planning.app.ogc;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.LayerState;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.system.ApiProblems;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OGC API – Features under {@code /ogc}: {@code /ogc} (landing), {@code /ogc/conformance}, {@code /ogc/api} (OpenAPI
 * 3.0), {@code /ogc/collections}, {@code /ogc/collections/{layer}}, {@code …/items} and {@code …/items/{id}}, each as
 * JSON (GeoJSON for features) or HTML ({@code f=json|html}, else the Accept header). Items are written as the store
 * returns them, so a 10,000-feature page takes no more memory than a small one. Failures are the API's problems.
 */
@RestController
@ApiProblems({"400 bad_value"})
@RequestMapping("/ogc")
class OgcController {

    private final OgcService ogc;
    private final Messages messages;

    OgcController(OgcService ogc, Messages messages) {
        this.ogc = ogc;
        this.messages = messages;
    }

    @GetMapping({"", "/"})
    void landing(HttpServletRequest req, HttpServletResponse res, Locale locale) throws IOException {
        answer(
                req,
                res,
                locale,
                OgcHtml::landing,
                docs -> docs.landing(text("ogc.html.title", locale), text("ogc.html.description", locale)));
    }

    @GetMapping("/conformance")
    void conformance(HttpServletRequest req, HttpServletResponse res, Locale locale) throws IOException {
        answer(req, res, locale, OgcHtml::conformance, OgcDocuments::conformance);
    }

    /** The OpenAPI 3.0 description of this API, its server the URL it was asked at. */
    @GetMapping("/api")
    void api(HttpServletResponse res) throws IOException {
        ObjectNode api;
        try (InputStream in = new ClassPathResource("ogc/openapi.json").getInputStream()) {
            api = (ObjectNode) OgcDocuments.mapper().readTree(in);
        }
        ((ArrayNode) api.get("servers")).addObject().put("url", documents().base());
        json(res, OgcDocuments.OPENAPI, api);
    }

    @GetMapping("/collections")
    void collections(HttpServletRequest req, HttpServletResponse res, Authentication auth, Locale locale)
            throws IOException {
        List<LayerState> layers = ogc.collections(AppUser.of(auth));
        answer(req, res, locale, page -> page.collections(layers), docs -> docs.collections(layers));
    }

    @ApiProblems({"404 unknown_layer"})
    @GetMapping("/collections/{layer}")
    void collection(
            @PathVariable String layer,
            HttpServletRequest req,
            HttpServletResponse res,
            Authentication auth,
            Locale locale)
            throws IOException {
        LayerState s = ogc.collection(AppUser.of(auth), layer);
        answer(req, res, locale, page -> page.collection(s), docs -> docs.collection(s));
    }

    /** A resource as the HTML page or the JSON document, as the request asks ({@link #html(HttpServletRequest)}). */
    private void answer(
            HttpServletRequest req,
            HttpServletResponse res,
            Locale locale,
            Consumer<OgcHtml> page,
            Function<OgcDocuments, JsonNode> document)
            throws IOException {
        OgcDocuments docs = documents();
        if (html(req)) {
            page.accept(html(res, locale, docs));
        } else {
            json(res, OgcDocuments.JSON, document.apply(docs));
        }
    }

    /** A page of features: GeoJSON with {@code numberMatched}, {@code numberReturned}, next and prev links. */
    @ApiProblems({"403 forbidden", "404 unknown_layer"})
    @GetMapping("/collections/{layer}/items")
    void items(
            @PathVariable String layer,
            HttpServletRequest req,
            HttpServletResponse res,
            Authentication auth,
            Locale locale)
            throws IOException {
        AppUser user = AppUser.of(auth);
        LayerState s = ogc.collection(user, layer);
        Scope scope = ogc.scope(user);
        LayerDef d = scope.view(s.definition());
        ItemsParameters p = ItemsParameters.read(d, req.getParameterMap());
        boolean html = html(req);
        long matched = ogc.matched(s, p, scope);
        int offset = p.offset();
        int limit = p.limit();
        String items = documents().base() + "/collections/" + d.id() + "/items";
        String format = html ? "html" : "json";
        String self = page(items, req, offset, limit, p.after(), format);
        String prev = offset > 0 ? page(items, req, Math.max(0, offset - limit), limit, null, format) : null;
        res.setHeader("Content-Crs", "<" + p.crs().uri() + ">");
        Counter returned;
        if (html) {
            OgcHtml page = html(res, locale, documents());
            page.itemsStart(d, matched, offset, page(items, req, offset, limit, p.after(), "json"));
            returned = new Counter(f -> page.itemRow(d, f));
            ogc.page(s, p, scope, returned);
            page.itemsEnd(prev, next(items, req, p, matched, returned, "html"));
            return;
        }
        res.setContentType(OgcDocuments.GEOJSON);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        GeoJsonWriter writer = new GeoJsonWriter(d, p.crs());
        try (JsonGenerator g = OgcDocuments.mapper().createGenerator(res.getOutputStream())) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeNumberProperty("numberMatched", matched);
            g.writeName("features");
            g.writeStartArray();
            returned = new Counter(f -> writer.feature(g, f));
            ogc.page(s, p, scope, returned);
            g.writeEndArray();
            g.writeNumberProperty("numberReturned", returned.count);
            // the links after the features: the next page starts after the last id written (keyset paging)
            g.writeName("links");
            g.writeStartArray();
            link(g, self, "self", OgcDocuments.GEOJSON);
            link(g, page(items, req, offset, limit, p.after(), "html"), "alternate", OgcDocuments.HTML);
            String next = next(items, req, p, matched, returned, "json");
            if (next != null) {
                link(g, next, "next", OgcDocuments.GEOJSON);
            }
            if (prev != null) {
                link(g, prev, "prev", OgcDocuments.GEOJSON);
            }
            g.writeEndArray();
            g.writeStringProperty("timeStamp", Instant.now().toString());
            g.writeEndObject();
        }
    }

    /** The next page's URL, starting after the last id returned, or null when this page was the last. */
    private static String next(
            String items, HttpServletRequest req, ItemsParameters p, long matched, Counter returned, String format) {
        boolean more = returned.count == p.limit() && p.offset() + (long) p.limit() < matched;
        return more ? page(items, req, p.offset() + p.limit(), p.limit(), returned.lastId, format) : null;
    }

    @ApiProblems({"403 forbidden", "404 unknown_layer unknown_feature"})
    @GetMapping("/collections/{layer}/items/{id}")
    void feature(
            @PathVariable String layer,
            @PathVariable long id,
            HttpServletRequest req,
            HttpServletResponse res,
            Authentication auth,
            Locale locale)
            throws IOException {
        AppUser user = AppUser.of(auth);
        LayerState s = ogc.collection(user, layer);
        Scope scope = ogc.scope(user);
        LayerDef d = scope.view(s.definition());
        OgcCrs crs = ItemsParameters.read(d, Map.of("crs", values(req, "crs"))).crs();
        Feature f = ogc.feature(s, id, scope);
        res.setHeader("Content-Crs", "<" + crs.uri() + ">");
        if (html(req)) {
            html(res, locale, documents()).feature(d, f);
            return;
        }
        res.setContentType(OgcDocuments.GEOJSON);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String self = documents().base() + "/collections/" + d.id() + "/items/" + id;
        try (JsonGenerator g = OgcDocuments.mapper().createGenerator(res.getOutputStream())) {
            // the feature object with its links: written by the collection's writer, links added after
            JsonNode feature = featureNode(d, crs, f);
            ObjectNode out = (ObjectNode) feature;
            ArrayNode links = out.putArray("links");
            OgcDocuments.link(links, self, "self", OgcDocuments.GEOJSON, d.titleZh());
            OgcDocuments.link(links, self + "?f=html", "alternate", OgcDocuments.HTML, d.titleZh());
            OgcDocuments.link(
                    links, documents().base() + "/collections/" + d.id(), "collection", OgcDocuments.JSON, d.titleZh());
            g.writeTree(out);
        }
    }

    private static JsonNode featureNode(LayerDef d, OgcCrs crs, Feature f) {
        StringWriter buffer = new StringWriter();
        try (JsonGenerator g = OgcDocuments.mapper().createGenerator(buffer)) {
            new GeoJsonWriter(d, crs).feature(g, f);
        }
        return OgcDocuments.mapper().readTree(buffer.toString());
    }

    private static String[] values(HttpServletRequest req, String name) {
        String[] v = req.getParameterValues(name);
        return v == null ? new String[0] : v;
    }

    /** Hands features on, counts them and keeps the last one's id. */
    private static final class Counter implements Consumer<Feature> {
        private final Consumer<Feature> sink;
        private long count;
        private Long lastId;

        Counter(Consumer<Feature> sink) {
            this.sink = sink;
        }

        @Override
        public void accept(Feature f) {
            sink.accept(f);
            count++;
            lastId = f.id();
        }
    }

    /** The items URL with the request's parameters, the window ({@code after} when not null) and the format replaced. */
    private static String page(
            String items, HttpServletRequest req, long offset, int limit, Long after, String format) {
        StringJoiner q = new StringJoiner("&");
        req.getParameterMap().forEach((name, vs) -> {
            if (!Set.of("offset", "limit", "after", "f").contains(name)) {
                for (String v : vs) {
                    q.add(enc(name) + "=" + enc(v));
                }
            }
        });
        q.add("offset=" + offset);
        q.add("limit=" + limit);
        if (after != null) {
            q.add("after=" + after);
        }
        q.add("f=" + format);
        return items + "?" + q;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void link(JsonGenerator g, String href, String rel, String type) {
        g.writeStartObject();
        g.writeStringProperty("href", href);
        g.writeStringProperty("rel", rel);
        g.writeStringProperty("type", type);
        g.writeEndObject();
    }

    /** Whether HTML was asked for: {@code f=html}, or no {@code f} and an Accept header naming text/html. */
    private static boolean html(HttpServletRequest req) {
        String f = req.getParameter("f");
        if (f != null) {
            return switch (f.strip().toLowerCase(Locale.ROOT)) {
                case "html" -> true;
                case "json" -> false;
                default -> throw new BadValueException("f", f, "json, html");
            };
        }
        String accept = req.getHeader("Accept");
        return accept != null && accept.contains(OgcDocuments.HTML);
    }

    private OgcHtml html(HttpServletResponse res, Locale locale, OgcDocuments docs) throws IOException {
        res.setContentType("text/html;charset=UTF-8");
        PrintWriter out = new PrintWriter(new OutputStreamWriter(res.getOutputStream(), StandardCharsets.UTF_8));
        return new OgcHtml(out, messages, locale, docs.base());
    }

    private static void json(HttpServletResponse res, String type, JsonNode body) throws IOException {
        res.setContentType(type);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        OgcDocuments.mapper().writeValue(res.getOutputStream(), body);
    }

    private static OgcDocuments documents() {
        return new OgcDocuments(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/ogc")
                .toUriString());
    }

    private String text(String key, Locale locale) {
        return messages.get(key, locale);
    }
}
