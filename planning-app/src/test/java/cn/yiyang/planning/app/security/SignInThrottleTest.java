package cn.yiyang.planning.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's counting on a clock of its own: per account, per address, and the window. */
class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final MovingClock clock = new MovingClock();
    private final SignInThrottle throttle = new SignInThrottle(clock, Duration.ofMinutes(1), 10, 50);

    @Test
    void tenFailuresOfAnAccountWithinAMinuteRefuseTheEleventhUntilTheyLeaveTheWindow() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.refuses("water", "10.0.0." + i))
                    .as("attempt %d", i + 1)
                    .isEmpty();
            throttle.failed("water", "10.0.0." + i);
            clock.advance(Duration.ofSeconds(2));
        }
        // 20 s after the first failure: the 11th attempt is refused until the first failure is a minute old
        assertThat(throttle.refuses("water", "10.0.0.99")).contains(T0.plusSeconds(60));
        assertThat(throttle.refuses("WATER ", "10.0.0.99"))
                .as("names compare as sign-in does")
                .isPresent();
        assertThat(throttle.refuses("planner", "10.0.0.99"))
                .as("another account")
                .isEmpty();
        assertThat(throttle.locks())
                .containsExactly(new SignInThrottle.Lock(SignInThrottle.Kind.ACCOUNT, "water", 10, T0.plusSeconds(60)));

        clock.advance(Duration.ofSeconds(40)); // T0 + 60 s: the first failure leaves the window
        assertThat(throttle.refuses("water", "10.0.0.99")).isEmpty();
        assertThat(throttle.locks()).isEmpty();
    }

    @Test
    void refusedAttemptsAreNotCountedSoTheLockEndsOneWindowAfterTheFailures() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("leader", "10.0.0.1");
        }
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(500));
            assertThat(throttle.refuses("leader", "10.0.0.1")).isPresent();
        }
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.refuses("leader", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressIsRefusedAfterFiftyFailuresWhateverTheAccounts() {
        for (int i = 0; i < 50; i++) {
            throttle.failed("guess" + i, "203.0.113.7");
        }
        assertThat(throttle.refuses("admin", "203.0.113.7")).contains(T0.plusSeconds(60));
        assertThat(throttle.refuses("admin", "203.0.113.8")).isEmpty();
        assertThat(throttle.locks())
                .containsExactly(
                        new SignInThrottle.Lock(SignInThrottle.Kind.ADDRESS, "203.0.113.7", 50, T0.plusSeconds(60)));
    }

    @Test
    void aRightPasswordForgetsTheAccountsFailuresButNotTheAddresss() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("sewage", "10.0.0.1");
        }
        throttle.succeeded("sewage");
        throttle.failed("sewage", "10.0.0.1");
        assertThat(throttle.refuses("sewage", "10.0.0.2")).isEmpty();
        assertThat(throttle.locks()).isEmpty();
    }
}
