package cn.yiyang.planning.demo;

import cn.yiyang.planning.demo.Model.City;
import cn.yiyang.planning.demo.Model.County;
import cn.yiyang.planning.demo.Model.NaturalVillage;
import cn.yiyang.planning.demo.Model.Township;
import cn.yiyang.planning.demo.Model.TownshipKind;
import cn.yiyang.planning.demo.Model.Village;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a believable synthetic Yiyang, the same for the same seed and scale.
 *
 * <pre>{@code
 * DemoCity city = new DemoCityGenerator(DemoCityGenerator.DEFAULT_SEED, DemoScale.SMALL).generate();
 * }</pre>
 *
 * <p>The 8 counties, 98 townships and 1,446 villages carry their real NBS codes and names; their
 * boundaries are synthetic, grown from a hand-drawn sketch (county seats at their real positions)
 * so that villages nest exactly in townships and townships in counties. Everything else – natural
 * villages, households, roads, water and sewage works, cold chain and courier points, village
 * plans, the 三区三线 – is generated on top, with the gaps a real inventory has, so that coverage
 * maps and indicator dashboards have something true to show. See {@link DemoCity#NOTICE}.
 */
public final class DemoCityGenerator {

    /** The seed the application uses. */
    public static final long DEFAULT_SEED = 20211130L;

    private static final Logger LOG = LoggerFactory.getLogger(DemoCityGenerator.class);

    private final long seed;
    private final DemoScale scale;

    public DemoCityGenerator(long seed, DemoScale scale) {
        this.seed = seed;
        this.scale = Objects.requireNonNull(scale, "scale");
    }

    public DemoCity generate() {
        long start = System.nanoTime();
        AdminCodes codes = AdminCodes.load();
        City city = AdminGeography.build(codes, Rng.of(seed, "admin"));
        LOG.info(
                "demo {}: administrative geography ({} counties, {} townships, {} villages) in {} ms",
                scale,
                city.counties.size(),
                city.townships.size(),
                city.villages.size(),
                millis(start));

        Settlements settlements = new Settlements(seed, scale);
        settlements.naturalVillages(city);
        VillageProfiles.assign(city, Rng.of(seed, "profiles"));
        Layers out = new Layers();
        administrative(city, out);
        for (NaturalVillage nv : city.naturalVillages) {
            out.add(
                    "natural_village",
                    Geo.point(nv.location),
                    "code",
                    nv.code,
                    "name",
                    nv.name,
                    "village_code",
                    nv.village.code,
                    "households",
                    nv.households,
                    "population",
                    nv.population);
        }
        new RoadLayout(seed, city, settlements, out).build();
        new WaterSupply(seed, city, out).build();
        new Sewage(seed, city, out).build();
        new Logistics(seed, city, out).build();
        Constraints constraints = new Constraints(seed, city, out);
        constraints.townBoundaries();
        constraints.redLines();
        constraints.farmland();
        new Planning(seed, city, out, constraints).build();

        long households =
                city.naturalVillages.stream().mapToLong(nv -> nv.households).sum();
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        for (LayerDef layer : LayerCatalogue.standard().sourceLayers()) { // not the derived ones
            if (layer.id().equals(DemoCity.HOUSEHOLD)) {
                layers.put(layer.id(), List.of());
            } else {
                layers.put(layer.id(), List.copyOf(out.get(layer.id())));
            }
        }
        List<NaturalVillage> nvs = List.copyOf(city.naturalVillages);
        DemoCity result = new DemoCity(
                seed,
                scale,
                Geo.toDegrees(city.outline),
                layers,
                households,
                () -> nvs.stream().flatMap(nv -> households(settlements, nv)),
                city.isolatedFragments,
                city.brokenLinks,
                city.disconnectedRoads);
        LOG.info(
                "demo {}: generated {} natural villages, {} households (on demand), {} roads in {} ms",
                scale,
                nvs.size(),
                households,
                result.count("road"),
                millis(start));
        return result;
    }

    private static void administrative(City city, Layers out) {
        for (County c : city.counties) {
            out.add("county", c.area, "code", c.code, "name", c.name);
        }
        for (Township t : city.townships) {
            out.add("township", t.area, "code", t.code, "name", t.name, "county_code", t.county.code);
            String seatName = t.name
                    + switch (t.kind) {
                        case STREET -> "办事处";
                        case TOWN, XIANG -> "人民政府";
                        case SPECIAL -> "管理机构";
                    };
            out.add("township_seat", Geo.point(t.seat), "township_code", t.code, "name", seatName);
        }
        for (Village v : city.villages) {
            out.add(
                    "village",
                    v.area,
                    "code",
                    v.code,
                    "name",
                    v.name,
                    "township_code",
                    v.township.code,
                    "poverty_exited",
                    v.povertyExited,
                    "key_support",
                    v.keySupport,
                    "demonstration",
                    v.demonstration,
                    "village_class",
                    v.villageClass,
                    "urban_rural_code",
                    v.urbanRural,
                    "population",
                    v.population,
                    "households",
                    v.households,
                    "collective_income",
                    v.collectiveIncome,
                    "has_cultural_centre",
                    v.culturalCentre);
        }
        if (city.townships.stream().noneMatch(t -> t.kind == TownshipKind.STREET)) {
            throw new IllegalStateException("no urban sub-districts: the administrative codes are incomplete");
        }
    }

    private static Stream<Feature> households(Settlements settlements, NaturalVillage nv) {
        return settlements.households(nv).stream()
                .map(h -> Feature.of(
                        Layers.attributes(
                                "code",
                                h.code(),
                                "village_code",
                                nv.village.code,
                                "natural_village_code",
                                nv.code,
                                "population",
                                h.members(),
                                "sanitary_toilet",
                                h.toilet(),
                                "poverty_status",
                                h.povertyStatus(),
                                "water_source",
                                h.waterSource()),
                        Geo.pointDegrees(h.location())));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
