package cn.yiyang.planning.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Message arguments made before the reader is known, rendered in the reader's language. */
class LocalizedTest {

    private final Messages messages = new Messages();

    @Test
    void titlesAndKeysAreRenderedInTheLanguageOfTheMessage() {
        Localized road = Localized.of("农村公路", "Roads");
        Localized status = Localized.key("import.status.RUNNING");
        assertThat(messages.get("api.error.forbidden.write", Messages.ZH, "LEADER", road))
                .contains("农村公路");
        assertThat(messages.get("api.error.forbidden.write", Messages.EN, "LEADER", road))
                .contains("\"Roads\"");
        assertThat(messages.get("api.error.import-not-confirmable", Messages.EN, status))
                .startsWith("The import is " + messages.get("import.status.RUNNING", Messages.EN) + " ");
        assertThat(messages.get("api.error.import-not-confirmable", Messages.ZH, status))
                .contains(messages.get("import.status.RUNNING", Messages.ZH));
        assertThat(road.in(Locale.US)).isEqualTo("Roads");
        assertThat(road.in(Locale.FRENCH)).as("Chinese unless English").isEqualTo("农村公路");
    }
}
