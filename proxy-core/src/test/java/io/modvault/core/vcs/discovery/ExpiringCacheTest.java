package io.modvault.core.vcs.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.storage.MutableClock;
import io.modvault.core.vcs.VcsException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ExpiringCache<String> cache =
            new ExpiringCache<>(clock, Duration.ofMinutes(10), Duration.ofMinutes(1), 3);
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String value) {
        loads.incrementAndGet();
        return value;
    }

    private String fail(VcsException.Kind kind) {
        loads.incrementAndGet();
        throw new VcsException(kind, "failed " + kind);
    }

    @Test
    void reusesAnAnswerUntilItsTtlEnds() {
        assertThat(cache.get("k", () -> load("a"))).isEqualTo("a");
        clock.advance(Duration.ofMinutes(9));
        assertThat(cache.get("k", () -> load("b"))).isEqualTo("a");
        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.get("k", () -> load("c"))).isEqualTo("c");
        assertThat(loads).hasValue(2);
    }

    @Test
    void remembersNotFoundAndAuthFailuresForTheShorterTtl() {
        for (VcsException.Kind kind : new VcsException.Kind[] {VcsException.Kind.NOT_FOUND, VcsException.Kind.AUTH}) {
            String key = kind.name();
            assertThatThrownBy(() -> cache.get(key, () -> fail(kind))).hasMessage("failed " + kind);
            assertThatThrownBy(() -> cache.get(key, () -> load("x")))
                    .isInstanceOf(VcsException.class)
                    .hasFieldOrPropertyWithValue("kind", kind);
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.get("AUTH", () -> load("fixed"))).isEqualTo("fixed");
        assertThat(loads).hasValue(3);
    }

    @Test
    void retriesFailuresAndTimeoutsAtOnce() {
        assertThatThrownBy(() -> cache.get("k", () -> fail(VcsException.Kind.FAILED)))
                .isInstanceOf(VcsException.class);
        assertThatThrownBy(() -> cache.get("k", () -> fail(VcsException.Kind.TIMEOUT)))
                .isInstanceOf(VcsException.class);
        assertThat(cache.get("k", () -> load("ok"))).isEqualTo("ok");
        assertThat(loads).hasValue(3);
    }

    @Test
    void concurrentLookupsOfOneKeyShareOneLoad() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = pool.submit(() -> cache.get("k", () -> {
                started.countDown();
                await(release);
                return load("shared");
            }));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            Future<String> second = pool.submit(() -> cache.get("k", () -> load("own")));
            Thread.sleep(50);
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("shared");
            assertThat(second.get(5, TimeUnit.SECONDS)).isIn("shared", "own");
        }
        assertThat(cache.get("k", () -> load("later"))).isEqualTo("shared");
    }

    @Test
    void staysWithinItsBoundDroppingTheOldest() {
        for (String key : new String[] {"a", "b", "c", "d"}) {
            cache.get(key, () -> load(key));
        }

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("a", () -> load("reloaded"))).isEqualTo("reloaded");
        assertThat(cache.get("d", () -> load("x"))).isEqualTo("d");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
