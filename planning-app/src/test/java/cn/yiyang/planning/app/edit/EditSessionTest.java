package cn.yiyang.planning.app.edit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the server keeps of an editing session: versions, typed values, parts split off a feature. */
class EditSessionTest {

    private final EditSession session =
            new EditSession(LayerCatalogue.standard().get("water_work"));

    private static EditedFeature stored(long version, String name) {
        return new EditedFeature(7, version, Map.of("code", "W7", "name", name), null);
    }

    @Test
    void theFirstVersionAnEditStartsFromCountsUntilItIsRebased() {
        session.startFrom("7", stored(1, "甲"));
        session.startFrom("7", stored(2, "乙"));
        assertThat(session.base("7")).map(EditedFeature::version).contains(1L);

        session.conflict("7");
        session.rebase("7", stored(2, "乙"));
        assertThat(session.base("7")).map(EditedFeature::version).contains(2L);
        assertThat(session.conflicts()).isEmpty();
    }

    @Test
    void typedValuesWinOverStoredOnesAndSurviveUntilSaved() {
        session.startFrom("7", stored(1, "甲"));
        assertThat(session.values("7")).containsEntry("name", "甲");

        session.typed("7", Map.of("code", "W7", "name", "丙"));
        session.conflict("7");
        assertThat(session.values("7")).containsEntry("name", "丙");

        session.saved("7");
        assertThat(session.hasTyped("7")).isFalse();
        assertThat(session.base("7")).isEmpty();
        assertThat(session.conflicts()).isEmpty();
    }

    @Test
    void aPartSplitOffTakesTheFeaturesAttributesButNotItsKey() {
        session.startFrom("7", stored(1, "甲"));
        session.typed("7", Map.of("code", "W7", "name", "丁"));
        session.copyOf("n1", "7");

        assertThat(session.values("n1")).containsEntry("name", "丁").doesNotContainKey("code");
        assertThat(session.values("n2")).isEmpty(); // drawn: nothing yet
    }
}
