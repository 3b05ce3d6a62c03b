package cn.yiyang.planning.app.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.access.Indicators;
import cn.yiyang.planning.layers.analysis.CatalogueIndicator;
import cn.yiyang.planning.layers.analysis.IndicatorUnit;
import cn.yiyang.planning.layers.store.JdbcIndicatorCatalogueRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalogue (V16) agrees with the code: every indicator geo-core's {@link Indicators} names has a row of the same
 * kind (a count is lower-is-better and counted, a share is a rate), the names are the ones the pages already show
 * (translations), and every indicator that no analysis computes is manual with a level and an owner.
 */
class IndicatorCatalogueTest {

    @Test
    void everyIndicatorOfTheRegistryIsInTheCatalogueWithTheSameMeaning() throws Exception {
        Map<String, CatalogueIndicator> rows;
        try (TestStores.TestStore store = TestStores.h2gis()) {
            rows = new JdbcIndicatorCatalogueRepository(store.store())
                    .indicators().stream().collect(Collectors.toMap(CatalogueIndicator::id, Function.identity()));
        }
        Properties zh = bundle("vaadin-i18n/translations_zh_CN.properties");
        Properties en = bundle("vaadin-i18n/translations.properties");
        for (Indicator i : Indicators.all()) {
            CatalogueIndicator row = rows.get(i.id());
            assertThat(row).as(i.id()).isNotNull();
            assertThat(row.manual()).as(i.id()).isFalse();
            assertThat(row.higherIsBetter()).as(i.id()).isEqualTo(!i.count());
            assertThat(row.unit()).as(i.id()).isEqualTo(i.count() ? IndicatorUnit.COUNT : IndicatorUnit.RATE);
            if (zh.containsKey("indicator." + i.id())) {
                assertThat(row.nameZh()).as(i.id()).isEqualTo(zh.getProperty("indicator." + i.id()));
                assertThat(row.nameEn()).as(i.id()).isEqualTo(en.getProperty("indicator." + i.id()));
            }
        }
        List<CatalogueIndicator> others = rows.values().stream()
                .filter(r -> Indicators.byId(r.id()).isEmpty())
                .toList();
        assertThat(others).hasSize(13).allSatisfy(r -> {
            assertThat(r.manual()).as(r.id()).isTrue();
            assertThat(r.entryLevel()).as(r.id()).isNotNull();
            assertThat(r.owner()).as(r.id()).isNotNull();
        });
    }

    private static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = IndicatorCatalogueTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
