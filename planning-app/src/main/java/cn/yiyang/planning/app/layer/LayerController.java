package cn.yiyang.planning.app.layer;

import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.app.system.ApiProblems;
import cn.yiyang.planning.layers.catalogue.Code;
import cn.yiyang.planning.layers.catalogue.CodeList;
import cn.yiyang.planning.layers.catalogue.CodeTrait;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The layer catalogue as JSON: {@code GET /api/v1/layers} lists every layer with its feature count
 * and extent; {@code GET /api/v1/layers/{id}} adds its fields, code lists and aliases, and what each
 * code means (its rank in an ordered list, its traits such as {@code hardened}). The count and extent are
 * of the caller's counties' features only ({@link DataScopes}).
 */
@RestController
@RequestMapping("/api/v1/layers")
class LayerController {

    private static final String CRS = "EPSG:4490";
    private final LayerService layers;
    private final DataScopes scopes;

    LayerController(LayerService layers, DataScopes scopes) {
        this.layers = layers;
        this.scopes = scopes;
    }

    @GetMapping
    CatalogueJson list(Authentication auth) {
        return new CatalogueJson(
                CRS,
                layers.holdsSyntheticData(),
                layers.layers(scopes.of(AppUser.of(auth))).stream()
                        .map(LayerController::summary)
                        .toList());
    }

    @ApiProblems({"404 unknown_layer"})
    @GetMapping("/{id}")
    LayerDetailJson get(@PathVariable String id, Authentication auth) {
        LayerState s = layers.layer(id, scopes.of(AppUser.of(auth)));
        LayerDef d = s.definition();
        LayerJson l = summary(s);
        return new LayerDetailJson(
                l.id(),
                l.titleZh(),
                l.titleEn(),
                l.theme(),
                l.geometryType(),
                l.crs(),
                l.featureCount(),
                l.extent(),
                l.synthetic(),
                d.keyField(),
                d.fields().stream().map(LayerController::field).toList());
    }

    private static LayerJson summary(LayerState s) {
        LayerDef d = s.definition();
        return new LayerJson(
                d.id(),
                d.titleZh(),
                d.titleEn(),
                new ThemeJson(
                        d.theme().name().toLowerCase(Locale.ROOT),
                        d.theme().titleZh(),
                        d.theme().titleEn()),
                d.geometry().hasGeometry() ? d.geometry().jtsType() : null,
                CRS,
                s.featureCount(),
                extent(s.extent()),
                s.synthetic());
    }

    private static double[] extent(Envelope e) {
        return e == null ? null : new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }

    private static FieldJson field(FieldDef f) {
        return new FieldJson(
                f.name(),
                f.type().name().toLowerCase(Locale.ROOT),
                f.titleZh(),
                f.titleEn(),
                f.required(),
                f.codeList() == null ? null : codeList(f.codeList()),
                f.aliases(),
                f.references());
    }

    private static CodeListJson codeList(CodeList l) {
        return new CodeListJson(
                l.id(),
                l.ordered(),
                l.codes().stream().map(LayerController::code).toList());
    }

    private static CodeJson code(Code c) {
        return new CodeJson(
                c.value(),
                c.titleZh(),
                c.titleEn(),
                c.aliases(),
                c.ranked() ? c.rank() : null,
                c.traits().stream().map(CodeTrait::id).toList());
    }

    record CatalogueJson(String crs, boolean synthetic, List<LayerJson> layers) {}

    record ThemeJson(String id, String titleZh, String titleEn) {}

    /** {@code extent} is [minLon, minLat, maxLon, maxLat] in EPSG:4490, null when empty. */
    record LayerJson(
            String id,
            String titleZh,
            String titleEn,
            ThemeJson theme,
            String geometryType,
            String crs,
            long featureCount,
            double[] extent,
            boolean synthetic) {}

    /** A layer with its fields. */
    record LayerDetailJson(
            String id,
            String titleZh,
            String titleEn,
            ThemeJson theme,
            String geometryType,
            String crs,
            long featureCount,
            double[] extent,
            boolean synthetic,
            String keyField,
            List<FieldJson> fields) {}

    record FieldJson(
            String name,
            String type,
            String titleZh,
            String titleEn,
            boolean required,
            CodeListJson codeList,
            List<String> aliases,
            String references) {}

    /** {@code ordered}: the codes rank 1, 2, … from the highest (technical grades, tiers). */
    record CodeListJson(String id, boolean ordered, List<CodeJson> codes) {}

    /** {@code rank}: the place in an ordered list (1 the highest), null otherwise; {@code traits}: what it means. */
    record CodeJson(
            String value, String titleZh, String titleEn, List<String> aliases, Integer rank, List<String> traits) {}
}
