package cn.yiyang.planning.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in throttling: counts the wrong passwords per account and per client address within a sliding window (a
 * minute by default); once an account has had {@code maxPerAccount} of them, or an address {@code maxPerAddress},
 * further attempts are refused without checking the password until the oldest failures leave the window. Refused
 * attempts are not counted, so the right password works again one window after the failures. Kept in memory (one
 * process); a restart forgets it.
 */
public final class SignInThrottle {

    /** What is throttled: an account or a client address. */
    public enum Kind {
        ACCOUNT,
        ADDRESS
    }

    /**
     * A throttled account or address, as ADMIN sees it.
     *
     * @param kind     account or address
     * @param key      the account's name or the address
     * @param failures wrong passwords within the window
     * @param until    when attempts are taken again
     */
    public record Lock(Kind kind, String key, int failures, Instant until) {}

    private final Clock clock;
    private final Duration window;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Map<String, Deque<Instant>> accounts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> addresses = new ConcurrentHashMap<>();

    /**
     * @param clock         the time (a test's own)
     * @param window        how long a failure counts
     * @param maxPerAccount failures of one account within the window before its attempts are refused
     * @param maxPerAddress failures from one address within the window before its attempts are refused
     */
    public SignInThrottle(Clock clock, Duration window, int maxPerAccount, int maxPerAddress) {
        this.clock = clock;
        this.window = window;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
    }

    /** When the attempt must be refused unchecked: the time attempts are taken again; else empty. */
    public Optional<Instant> refuses(String account, String address) {
        Instant now = clock.instant();
        Optional<Instant> byAccount = until(accounts, key(account), maxPerAccount, now);
        Optional<Instant> byAddress =
                address == null ? Optional.empty() : until(addresses, address, maxPerAddress, now);
        return byAccount.isPresent() && byAddress.isPresent()
                ? Optional.of(byAccount.get().isAfter(byAddress.get()) ? byAccount.get() : byAddress.get())
                : byAccount.or(() -> byAddress);
    }

    /** Counts a wrong password (or an unknown account) of that name from that address. */
    public void failed(String account, String address) {
        Instant now = clock.instant();
        record(accounts, key(account), now);
        if (address != null) {
            record(addresses, address, now);
        }
    }

    /** A right password: the account's failures are forgotten (the address's stay, they may be another's). */
    public void succeeded(String account) {
        accounts.remove(key(account));
    }

    /** The accounts and addresses refused now, longest lock first. */
    public List<Lock> locks() {
        Instant now = clock.instant();
        List<Lock> out = new ArrayList<>();
        collect(accounts, Kind.ACCOUNT, maxPerAccount, now, out);
        collect(addresses, Kind.ADDRESS, maxPerAddress, now, out);
        out.sort(Comparator.comparing(Lock::until).reversed().thenComparing(Lock::key));
        return out;
    }

    private void collect(Map<String, Deque<Instant>> map, Kind kind, int max, Instant now, List<Lock> out) {
        for (String key : List.copyOf(map.keySet())) {
            Deque<Instant> failures = map.get(key);
            if (failures == null) {
                continue;
            }
            until(map, key, max, now).ifPresent(until -> out.add(new Lock(kind, key, size(failures), until)));
        }
    }

    private Optional<Instant> until(Map<String, Deque<Instant>> map, String key, int max, Instant now) {
        Deque<Instant> failures = map.get(key);
        if (failures == null) {
            return Optional.empty();
        }
        synchronized (failures) {
            prune(failures, now);
            if (failures.isEmpty()) {
                map.remove(key, failures);
                return Optional.empty();
            }
            if (failures.size() < max) {
                return Optional.empty();
            }
            // refused until so many have left the window that fewer than max remain
            return Optional.of(
                    new ArrayList<>(failures).get(failures.size() - max).plus(window));
        }
    }

    private void record(Map<String, Deque<Instant>> map, String key, Instant now) {
        Deque<Instant> failures = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (failures) {
            prune(failures, now);
            failures.addLast(now);
        }
    }

    private void prune(Deque<Instant> failures, Instant now) {
        Instant oldest = now.minus(window);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldest)) {
            failures.removeFirst();
        }
    }

    private static int size(Deque<Instant> failures) {
        synchronized (failures) {
            return failures.size();
        }
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}
