package cn.yiyang.planning.layers.testsupport;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Two counties side by side for the county-scoping tests: 南县 430921 west of 112.5°E, 安化县 430923 east of it,
 * both between 28°N and 28.5°N.
 */
public final class TwoCounties {

    private TwoCounties() {}

    /** Replaces the county layer by the two counties. */
    public static void load(FeatureRepository features) {
        WKTReader wkt = new WKTReader();
        try {
            features.load(
                    LayerCatalogue.standard().get(LayerIds.COUNTY),
                    LoadMode.REPLACE,
                    List.of(
                                    Feature.of(
                                            Map.of("code", "430921", "name", "南县"),
                                            wkt.read("POLYGON ((112 28, 112.5 28, 112.5 28.5, 112 28.5, 112 28))")),
                                    Feature.of(
                                            Map.of("code", "430923", "name", "安化县"),
                                            wkt.read("POLYGON ((112.5 28, 113 28, 113 28.5, 112.5 28.5, 112.5 28))")))
                            .iterator());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
