package io.modvault.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightTest {
    private final SingleFlight<String> flights = new SingleFlight<>();

    @Test
    void concurrentCallersForOneKeyShareOneExecution() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            results.add(pool.submit(() -> flights.run("k", () -> {
                runs.incrementAndGet();
                started.countDown();
                awaitQuietly(release);
                return "value";
            })));
            started.await();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> flights.run("k", () -> "second execution " + runs.incrementAndGet())));
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<String> r : results) {
                assertThat(r.get()).isEqualTo("value");
            }
        }
        assertThat(runs).hasValue(1);
        assertThat(flights.inFlightCount()).isZero();
    }

    @Test
    void failureIsSharedButNotRemembered() {
        assertThatThrownBy(() -> flights.run("k", () -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
        assertThat(flights.run("k", () -> "recovered")).isEqualTo("recovered");
    }

    @Test
    void differentKeysRunIndependently() {
        assertThat(flights.run("a", () -> flights.run("b", () -> "nested"))).isEqualTo("nested");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
