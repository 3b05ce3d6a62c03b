package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import org.postgresql.PGConnection;

/**
 * A PostGIS database in a legacy Chinese encoding (EUC_CN, as older servers in China were set up): the binary COPY of a
 * load sends text in the client's encoding (UTF-8), which the server converts to its own, as for every other statement.
 */
class PostgisLegacyEncodingIT {

    @Test
    void loadsIntoAnEucCnDatabaseKeepTheChineseText() throws Exception {
        try (TestStores.PostgisDatabase db = TestStores.newPostgisDatabase(
                        "ENCODING 'EUC_CN' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
                SpatialStore store = SpatialStore.open(new StoreSettings(db.url(), null, null))) {
            store.migrate();
            String encoding =
                    store.withConnection(c -> c.unwrap(PGConnection.class).getParameterStatus("server_encoding"));
            assertThat(encoding).isEqualTo("EUC_CN");
            JdbcFeatureRepository repo = new JdbcFeatureRepository(store);
            LayerDef road = LayerCatalogue.standard().get("road");
            Feature f = new Feature(
                    null,
                    Map.of(
                            "code",
                            "C001430921-01",
                            "name",
                            "南洲镇\t新建村道",
                            "admin_class",
                            "village",
                            "surface",
                            "cement",
                            "width",
                            4.5),
                    Map.of("修建年份", 2019, "备注", "通组路\\改造"),
                    new WKTReader().read("LINESTRING (112.40 29.36, 112.41 29.37)"));
            repo.load(road, LoadMode.REPLACE, List.of(f).iterator());
            LayerDef inspections = LayerCatalogue.standard().get("road_inspection");
            repo.load(
                    inspections,
                    LoadMode.APPEND,
                    List.of(Feature.of(
                                    Map.of(
                                            "road_code", "C001430921-01",
                                            "inspected_on", LocalDate.of(2025, 7, 1),
                                            "status", "blocked",
                                            "cause", "山体滑坡"),
                                    null))
                            .iterator());

            Feature back = repo.findByKey(road, "C001430921-01").orElseThrow();
            assertThat(back.getString("name")).isEqualTo("南洲镇\t新建村道");
            assertThat(back.get("width")).isEqualTo(4.5);
            assertThat(back.extra()).containsEntry("修建年份", 2019).containsEntry("备注", "通组路\\改造");
            List<Feature> found = new ArrayList<>();
            repo.forEach(inspections, found::add);
            assertThat(found).singleElement().satisfies(i -> {
                assertThat(i.getString("cause")).isEqualTo("山体滑坡");
                assertThat(i.get("inspected_on")).isEqualTo(LocalDate.of(2025, 7, 1));
            });
        }
    }
}
