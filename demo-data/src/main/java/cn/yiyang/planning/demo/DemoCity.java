package cn.yiyang.planning.demo;

import cn.yiyang.planning.layers.feature.Feature;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Geometry;

/**
 * A generated synthetic Yiyang: the features of every catalogue layer, in EPSG:4490 (x =
 * longitude, y = latitude), with attribute values of the catalogue's types and code values.
 *
 * <p>Households, the bulk of the data, are not held: {@link #features(String) features("household")}
 * generates them again on each call, identically.
 *
 * <p>The administrative codes and names are real; every boundary, position and number is
 * synthetic (see {@link #NOTICE}), and must be labelled so wherever it is shown.
 */
public final class DemoCity {

    /** The label for these data, in Chinese and English. */
    public static final String NOTICE = "演示数据：行政区划代码和名称取自国家统计局统计用区划代码（2023），"
            + "其余边界、位置和数值均为合成数据，不反映实际情况。"
            + " / Demo data: the administrative codes and names are real (NBS 2023); every boundary, position "
            + "and number is SYNTHETIC and describes nothing real.";

    /** The layer whose features are generated on demand. */
    static final String HOUSEHOLD = "household";

    private final long seed;
    private final DemoScale scale;
    private final Geometry outline;
    private final Map<String, List<Feature>> layers;
    private final long households;
    private final Supplier<Stream<Feature>> householdFeatures;
    private final List<String> isolatedRoadFragments;
    private final List<String> brokenRoadLinks;
    private final Set<String> disconnectedRoads;

    DemoCity(
            long seed,
            DemoScale scale,
            Geometry outline,
            Map<String, List<Feature>> layers,
            long households,
            Supplier<Stream<Feature>> householdFeatures,
            List<String> isolatedRoadFragments,
            List<String> brokenRoadLinks,
            Set<String> disconnectedRoads) {
        this.seed = seed;
        this.scale = scale;
        this.outline = outline;
        this.layers = layers;
        this.households = households;
        this.householdFeatures = householdFeatures;
        this.isolatedRoadFragments = List.copyOf(isolatedRoadFragments);
        this.brokenRoadLinks = List.copyOf(brokenRoadLinks);
        this.disconnectedRoads = Set.copyOf(disconnectedRoads);
    }

    public long seed() {
        return seed;
    }

    public DemoScale scale() {
        return scale;
    }

    /** The synthetic city outline (EPSG:4490), which the counties tile. */
    public Geometry outline() {
        return outline.copy();
    }

    /** The ids of the layers this city fills, in catalogue order. */
    public List<String> layerIds() {
        return List.copyOf(layers.keySet());
    }

    /** The number of features of a layer (0 for a layer this city does not fill). */
    public long count(String layerId) {
        if (HOUSEHOLD.equals(layerId)) {
            return households;
        }
        List<Feature> fs = layers.get(layerId);
        return fs == null ? 0 : fs.size();
    }

    /**
     * The features of a layer, in a fixed order (empty for a layer this city does not fill).
     * Households are generated as the stream is consumed.
     */
    public Stream<Feature> features(String layerId) {
        if (HOUSEHOLD.equals(layerId)) {
            return householdFeatures.get();
        }
        List<Feature> fs = layers.get(layerId);
        return fs == null ? Stream.empty() : fs.stream();
    }

    /** Codes of the short hardened road fragments deliberately connected to nothing. */
    public List<String> isolatedRoadFragments() {
        return isolatedRoadFragments;
    }

    /** Codes of the village roads that deliberately stop short of the network. */
    public List<String> brokenRoadLinks() {
        return brokenRoadLinks;
    }

    /**
     * Codes of every road deliberately not connected to the main network: the isolated fragments,
     * the broken links and the roads of the villages behind them.
     */
    public Set<String> disconnectedRoads() {
        return disconnectedRoads;
    }

    @Override
    public String toString() {
        return "DemoCity[" + scale + ", seed " + seed + ", " + households + " households]";
    }
}
