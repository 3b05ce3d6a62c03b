package cn.yiyang.planning.app.layer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Layer versions and summaries on the embedded store: read once, again on a check, listeners told. */
class LayerVersionsTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final LayerDef seats = catalogue.get("township_seat");
    private final LayerDef roads = catalogue.get("road");
    private TestStores.TestStore store;
    private FeatureRepository repo;
    private LayerVersions versions;

    @BeforeEach
    void store() {
        store = TestStores.h2gis();
        repo = new JdbcFeatureRepository(store.store());
        versions = new LayerVersions(repo);
        loadSeats(2);
    }

    @AfterEach
    void drop() throws Exception {
        store.close();
    }

    private void loadSeats(int n) {
        repo.load(
                seats,
                LoadMode.REPLACE,
                IntStream.range(0, n)
                        .mapToObj(i -> Feature.of(
                                Map.of("township_code", "43092110" + i, "name", "镇" + i),
                                GF.createPoint(new Coordinate(112.1 + i * 0.1, 28.5))))
                        .iterator());
    }

    @Test
    void aVersionAndASummaryAreReadOnceAndKeptUntilTheNextCheck() {
        long v = versions.version(seats);
        assertThat(versions.summary(seats).featureCount()).isEqualTo(2);

        loadSeats(3); // behind the app's back
        assertThat(versions.version(seats))
                .as("no store read on the request path")
                .isEqualTo(v);
        assertThat(versions.summary(seats).featureCount())
                .as("the summary of the known version")
                .isEqualTo(2);

        assertThat(versions.changed()).containsExactly("township_seat");
        assertThat(versions.version(seats)).isNotEqualTo(v).isEqualTo(repo.version(seats));
        assertThat(versions.summary(seats).featureCount()).isEqualTo(3);
        assertThat(versions.summary(seats).extent().getMaxX()).isEqualTo(112.3, Assertions.within(1e-9));
    }

    @Test
    void listenersHearOnlyOfLayersWithANewVersionUntilTheyStop() {
        versions.version(seats);
        versions.version(roads);
        List<Set<String>> heard = new ArrayList<>();
        Runnable stop = versions.addListener(heard::add);
        versions.addListener(ids -> {
            throw new IllegalStateException("a broken listener");
        });

        versions.check(); // nothing changed
        loadSeats(1);
        versions.check();
        assertThat(heard).containsExactly(Set.of("township_seat"));

        stop.run();
        loadSeats(2);
        assertThat(versions.changed("township_seat", "village")).containsExactly("township_seat");
        assertThat(heard).hasSize(1);
    }

    @Test
    void aLayerChangedLaterIsReadAgainByItsNextAskerAndListenersHearOfItOnAThreadOfItsOwn() throws Exception {
        long v = versions.version(seats);
        BlockingQueue<Set<String>> heard = new LinkedBlockingQueue<>();
        Thread caller = Thread.currentThread();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        versions.addListener(ids -> {
            threads.add(Thread.currentThread());
            heard.add(ids);
        });

        loadSeats(3);
        versions.changedLater("township_seat");
        assertThat(versions.version(seats))
                .as("the next asker reads the store, not the version known before")
                .isNotEqualTo(v)
                .isEqualTo(repo.version(seats));
        assertThat(versions.summary(seats).featureCount()).isEqualTo(3);
        assertThat(heard.poll(10, TimeUnit.SECONDS)).containsExactly("township_seat");
        assertThat(threads).doesNotContain(caller);

        versions.changedLater("village"); // never asked for: nothing to read, nobody told
        assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
}
