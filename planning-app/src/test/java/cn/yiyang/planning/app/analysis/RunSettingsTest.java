package cn.yiyang.planning.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run's settings: defaults, given values, and each way a request can be wrong, named by the setting. */
class RunSettingsTest {

    private static final List<SettingSpec> SPECS = List.of(
            SettingSpec.number("mainDistanceM", 100, 0, 5_000, "m"),
            SettingSpec.integer("testIntervalMonths", 6, 1, 60, "months"),
            SettingSpec.flag("strict", false),
            SettingSpec.asOf());
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void absentSettingsTakeTheirDefaultsAndTodayInChina() {
        RunSettings s = RunSettings.resolve(SPECS, null, TODAY);
        assertThat(s.number("mainDistanceM")).isEqualTo(100.0);
        assertThat(s.integer("testIntervalMonths")).isEqualTo(6);
        assertThat(s.flag("strict")).isFalse();
        assertThat(s.asOf()).isEqualTo(TODAY);
        assertThat(s.values())
                .containsExactly(
                        Map.entry("mainDistanceM", 100.0),
                        Map.entry("testIntervalMonths", 6),
                        Map.entry("strict", false),
                        Map.entry("asOf", "2026-12-07"));
    }

    @Test
    void givenSettingsAreReadAsTheirTypesAndANullMeansTheDefault() {
        Map<String, Object> given = new HashMap<>();
        given.put("mainDistanceM", 250);
        given.put("testIntervalMonths", 12.0);
        given.put("strict", true);
        given.put("asOf", "2026-06-30");
        RunSettings s = RunSettings.resolve(SPECS, given, TODAY);
        assertThat(s.number("mainDistanceM")).isEqualTo(250.0);
        assertThat(s.integer("testIntervalMonths")).isEqualTo(12);
        assertThat(s.flag("strict")).isTrue();
        assertThat(s.asOf()).isEqualTo(LocalDate.of(2026, 6, 30));
        given.put("mainDistanceM", null);
        assertThat(RunSettings.resolve(SPECS, given, TODAY).number("mainDistanceM"))
                .isEqualTo(100.0);
        assertThat(RunSettings.resolve(SPECS, Map.of("mainDistanceM", 0), TODAY).number("mainDistanceM"))
                .as("the ends of a range are allowed")
                .isZero();
    }

    @Test
    void eachWrongSettingIsRefusedByName() {
        assertThatThrownBy(() -> RunSettings.resolve(SPECS, Map.of("mainDistanceM", 5_001), TODAY))
                .isInstanceOfSatisfying(BadSettingException.class, e -> {
                    assertThat(e.setting()).isEqualTo("mainDistanceM");
                    assertThat(e.code()).isEqualTo("bad_setting");
                    assertThat(e.arguments()).containsExactly("mainDistanceM", "5001", "0", "5000");
                });
        assertThatThrownBy(() -> RunSettings.resolve(SPECS, Map.of("mainDistanceM", "far"), TODAY))
                .isInstanceOfSatisfying(
                        BadSettingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("api.error.bad-setting-value"));
        assertThatThrownBy(() -> RunSettings.resolve(SPECS, Map.of("testIntervalMonths", 6.5), TODAY))
                .isInstanceOfSatisfying(
                        BadSettingException.class, e -> assertThat(e.setting()).isEqualTo("testIntervalMonths"));
        assertThatThrownBy(() -> RunSettings.resolve(SPECS, Map.of("strict", "yes"), TODAY))
                .isInstanceOfSatisfying(
                        BadSettingException.class, e -> assertThat(e.setting()).isEqualTo("strict"));
        assertThatThrownBy(() -> RunSettings.resolve(SPECS, Map.of("asOf", "2026/06/30"), TODAY))
                .isInstanceOfSatisfying(
                        BadSettingException.class, e -> assertThat(e.setting()).isEqualTo("asOf"));
        assertThatThrownBy(() -> RunSettings.resolve(SPECS, Map.of("mainDistance", 50), TODAY))
                .isInstanceOfSatisfying(BadSettingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("api.error.unknown-setting");
                    assertThat(e.arguments())
                            .containsExactly("mainDistance", "mainDistanceM, testIntervalMonths, strict, asOf");
                });
        assertThatThrownBy(() -> RunSettings.resolve(SPECS, Map.of("mainDistanceM", Double.NaN), TODAY))
                .isInstanceOf(BadSettingException.class);
    }
}
