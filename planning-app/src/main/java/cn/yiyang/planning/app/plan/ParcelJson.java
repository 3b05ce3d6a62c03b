package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.plan.BalanceService.PlanBalance;
import cn.yiyang.planning.geo.plan.AreaFigure;
import cn.yiyang.planning.geo.plan.BalanceRow;
import cn.yiyang.planning.geo.plan.ParcelArea;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.plan.ConflictJustification;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Parcels, balances and conflicts as the API shows them. */
final class ParcelJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int DECIMALS = 8;

    private ParcelJson() {}

    /** The plan's parcels as a GeoJSON FeatureCollection, each with its class label and ellipsoidal areas. */
    static ObjectNode parcels(List<Feature> parcels, List<ParcelArea> areas, Locale locale) {
        ObjectNode collection = JsonNodeFactory.instance.objectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (int i = 0; i < parcels.size(); i++) {
            Feature f = parcels.get(i);
            AreaFigure area = areas.get(i).area();
            ObjectNode feature = features.addObject().put("type", "Feature").put("id", f.id());
            feature.putObject("properties")
                    .put("plan_code", f.getString("plan_code"))
                    .put("land_use_code", f.getString("land_use_code"))
                    .put("land_use_name", PlanBalance.label(f.getString("land_use_code"), locale))
                    .put("state", f.getString("state"))
                    .put("area_m2", area.squareMetres())
                    .put("area_mu", area.mu())
                    .put("area_ha", area.hectares());
            feature.set("geometry", geometry(f.geometry()));
        }
        return collection;
    }

    static BalanceJson balance(PlanBalance b, Locale locale) {
        return new BalanceJson(
                b.planCode(),
                b.planName(),
                b.balance().level().name(),
                b.balance().rows().stream().map(r -> row(r, locale)).toList(),
                row(b.balance().total(), locale));
    }

    private static BalanceRowJson row(BalanceRow r, Locale locale) {
        return new BalanceRowJson(
                r.code(),
                r.code() == null ? null : PlanBalance.label(r.code(), locale),
                area(r.current(), r.currentShare()),
                area(r.planned(), r.plannedShare()),
                area(r.change(), null));
    }

    private static AreaJson area(AreaFigure a, Double share) {
        return new AreaJson(a.squareMetres(), a.mu(), a.hectares(), share);
    }

    static ConflictJson conflict(PlanConflict c, ParcelReader reader, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        var layer = reader.layer(c.kind().layer());
        ConflictJustification j = c.justification();
        return new ConflictJson(
                c.key(),
                c.parcelId(),
                c.conflict().landUseCode(),
                PlanBalance.label(c.conflict().landUseCode(), locale),
                c.kind().name(),
                en ? c.kind().messageEn() : c.kind().messageZh(),
                layer.id(),
                en ? layer.titleEn() : layer.titleZh(),
                c.constraintId(),
                c.squareMetres(),
                c.mu(),
                List.of(c.location().getX(), c.location().getY()),
                j == null ? null : new JustificationJson(j.text(), j.justifiedBy(), j.justifiedAt()));
    }

    /** The conflicts as a GeoJSON FeatureCollection of their overlaps, for the map. */
    static ObjectNode conflictMap(List<PlanConflict> conflicts, ParcelReader reader, Locale locale) {
        ObjectNode collection = JsonNodeFactory.instance.objectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (PlanConflict c : conflicts) {
            ObjectNode feature = features.addObject().put("type", "Feature").put("id", c.key());
            feature.set("properties", JSON.valueToTree(conflict(c, reader, locale)));
            feature.set("geometry", geometry(c.overlap()));
        }
        return collection;
    }

    private static JsonNode geometry(Geometry g) {
        if (g == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        GeoJsonWriter writer = new GeoJsonWriter(DECIMALS);
        writer.setEncodeCRS(false);
        return JSON.readTree(writer.write(g));
    }

    /**
     * A plan's land-use balance.
     *
     * @param plan the plan's code
     * @param name its name
     * @param level {@code AS_GIVEN} or {@code TOP_LEVEL}
     * @param rows one per class, by code
     * @param total all classes
     */
    record BalanceJson(String plan, String name, String level, List<BalanceRowJson> rows, BalanceRowJson total) {}

    /**
     * One class of the balance.
     *
     * @param code the class code, null in the total
     * @param name its label
     * @param current its current area and share
     * @param planned its planned area and share
     * @param change planned minus current
     */
    record BalanceRowJson(String code, String name, AreaJson current, AreaJson planned, AreaJson change) {}

    /**
     * An area in three units, with its share of the state's total (0 to 1) where it has one.
     *
     * @param m2 square metres on the ellipsoid
     * @param mu 亩
     * @param ha 公顷
     * @param share the share, or null
     */
    record AreaJson(double m2, double mu, double ha, Double share) {}

    /**
     * One conflict.
     *
     * @param key its stable key
     * @param parcelId the parcel's feature id in {@code plan_land_use}
     * @param landUseCode the parcel's class
     * @param landUseName its label
     * @param kind {@code BASIC_FARMLAND}, {@code ECOLOGICAL_REDLINE} or {@code OUTSIDE_TOWN_BOUNDARY}
     * @param message the kind in the reader's language
     * @param constraintLayer the constraint layer's id
     * @param constraintLayerName its title
     * @param constraintId the constraint feature's id, null for the town boundary
     * @param areaM2 the overlap in m²
     * @param areaMu the overlap in 亩
     * @param location {@code [lon, lat]} of a point in the overlap
     * @param justification the approver's, or null
     */
    record ConflictJson(
            String key,
            long parcelId,
            String landUseCode,
            String landUseName,
            String kind,
            String message,
            String constraintLayer,
            String constraintLayerName,
            Long constraintId,
            double areaM2,
            double areaMu,
            List<Double> location,
            JustificationJson justification) {}

    /**
     * An approver's justification.
     *
     * @param text why
     * @param by who
     * @param at when
     */
    record JustificationJson(String text, String by, OffsetDateTime at) {}

    /**
     * The body of a justification.
     *
     * @param text why the plan may be approved despite the conflict
     */
    record JustificationRequest(String text) {}
}
