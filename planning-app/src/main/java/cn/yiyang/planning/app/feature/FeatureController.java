package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.system.ApiProblems;
import cn.yiyang.planning.layers.feature.VersionedFeature;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Single features over HTTP: {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} (JSON Merge Patch) and
 * {@code DELETE} on {@code /api/v1/layers/{layer}/features[/{id}]}, {@code GET …/{id}?asOf=…} (the feature as it
 * was then) and {@code GET …/{id}/history}. Features are
 * GeoJSON in EPSG:4490; the version travels as the {@code ETag} and comes back as {@code If-Match}.
 */
@RestController
@ApiProblems("404 unknown_layer")
@RequestMapping("/api/v1/layers/{layer}/features")
class FeatureController {

    static final String MERGE_PATCH = "application/merge-patch+json";
    /** {@code "3"} or a weak {@code W/"3"}: the version; anything else matches no version. */
    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    private final FeatureEditService edits;

    FeatureController(FeatureEditService edits) {
        this.edits = edits;
    }

    @ApiProblems({"400 bad_value", "404 unknown_feature"})
    @GetMapping("/{id}")
    ResponseEntity<JsonNode> get(
            @PathVariable String layer,
            @PathVariable long id,
            @RequestParam(name = AsOf.PARAMETER, required = false) String asOf,
            Authentication auth) {
        AppUser user = AppUser.of(auth);
        // as of a time: the version it had then, in the ETag too (a write naming it is stale if it changed since)
        VersionedFeature feature =
                asOf == null ? edits.get(user, layer, id) : edits.asOf(user, layer, id, AsOf.parse(asOf));
        return withVersion(ResponseEntity.ok(), feature);
    }

    @ApiProblems({"403 forbidden", "409 derived_layer", "422 invalid_feature"})
    @PostMapping
    ResponseEntity<JsonNode> create(
            @PathVariable String layer, @RequestBody JsonNode feature, Authentication auth, Locale locale) {
        AcceptedWrite written = edits.create(AppUser.of(auth), layer, feature);
        return accepted(
                ResponseEntity.created(URI.create("/api/v1/layers/" + layer + "/features/"
                        + written.feature().id())),
                written,
                locale);
    }

    @VersionedWrite
    @ApiProblems("422 invalid_feature")
    @PutMapping("/{id}")
    ResponseEntity<JsonNode> replace(
            @PathVariable String layer,
            @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody JsonNode feature,
            Authentication auth,
            Locale locale) {
        return accepted(
                ResponseEntity.ok(), edits.replace(AppUser.of(auth), layer, id, version(ifMatch), feature), locale);
    }

    @VersionedWrite
    @ApiProblems("422 invalid_feature")
    @PatchMapping(
            path = "/{id}",
            consumes = {MERGE_PATCH, "application/json"})
    ResponseEntity<JsonNode> patch(
            @PathVariable String layer,
            @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody JsonNode patch,
            Authentication auth,
            Locale locale) {
        return accepted(ResponseEntity.ok(), edits.patch(AppUser.of(auth), layer, id, version(ifMatch), patch), locale);
    }

    @VersionedWrite
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String layer,
            @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication auth) {
        edits.delete(AppUser.of(auth), layer, id, version(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @ApiProblems("404 unknown_feature")
    @GetMapping("/{id}/history")
    List<FeatureJson.HistoryEntryJson> history(@PathVariable String layer, @PathVariable long id, Authentication auth) {
        return edits.history(AppUser.of(auth), layer, id).stream()
                .map(FeatureJson::entry)
                .toList();
    }

    /** An accepted write: the feature with its version and, beside it, the warnings of its checks. */
    private static ResponseEntity<JsonNode> accepted(
            ResponseEntity.BodyBuilder response, AcceptedWrite written, Locale locale) {
        ObjectNode body = FeatureJson.feature(written.feature());
        ArrayNode warnings = body.putArray("warnings");
        for (InvalidFeatureException.Problem w : written.warnings(locale)) {
            ObjectNode warning = warnings.addObject()
                    .put("field", w.field())
                    .put("code", w.code())
                    .put("message", w.message());
            if (w.location() != null) {
                warning.putArray("location")
                        .add(w.location().get(0))
                        .add(w.location().get(1));
            }
        }
        written.properties().forEach((name, value) -> body.set(name, FeatureJson.tree(value)));
        return response.eTag("\"" + written.feature().version() + "\"").body(body);
    }

    private static ResponseEntity<JsonNode> withVersion(ResponseEntity.BodyBuilder response, VersionedFeature f) {
        return response.eTag("\"" + f.version() + "\"").body(FeatureJson.feature(f));
    }

    /**
     * The version {@code If-Match} names: null without the header (428), 0 for a tag that is no version ({@code *}
     * too: a write must say which version it started from), which is stale for every feature (412).
     */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher m = ENTITY_TAG.matcher(ifMatch);
        return m.matches() ? Long.parseLong(m.group(1)) : 0L;
    }
}
