package io.modvault.core.prewarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import io.modvault.core.protocol.ProxyRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PrewarmerTest {
    private static final RetryPolicy NO_WAIT = new RetryPolicy(3, Duration.ZERO, d -> {});
    private final Map<String, FetchOutcome> answers = new ConcurrentHashMap<>();
    private final List<String> asked = Collections.synchronizedList(new ArrayList<>());

    private FetchOutcome answer(ProxyRequest request) {
        asked.add(request.upstreamPath());
        return answers.getOrDefault(request.upstreamPath(), FetchOutcome.Failed.withStatus(404, "not found"));
    }

    private static PrewarmItem.Version item(String path, String version) {
        return PrewarmItem.Version.complete(new ModuleCoordinate(ModulePath.of(path), version), path + "@" + version);
    }

    private void serve(String path, String version, boolean stored) {
        String base = path + "/@v/" + version;
        answers.put(base + ".info", new FetchOutcome.Delivered(10, stored, "{}".getBytes(StandardCharsets.UTF_8)));
        answers.put(base + ".mod", new FetchOutcome.Delivered(20, stored, new byte[0]));
        answers.put(base + ".zip", new FetchOutcome.Delivered(300, stored, new byte[0]));
    }

    private PrewarmReport run(int jobs, List<PrewarmItem> items) {
        return new Prewarmer(this::answer, NO_WAIT, jobs, Clock.systemUTC()).run(items, PrewarmListener.NONE);
    }

    @Test
    void fetchedAndPresentItemsAreToldApartAndCounted() {
        serve("example.test/a", "v1.0.0", false);
        serve("example.test/b", "v1.0.0", true);
        PrewarmReport report = run(2, List.of(item("example.test/a", "v1.0.0"), item("example.test/b", "v1.0.0")));
        assertThat(report.items())
                .extracting(ItemResult::status)
                .containsExactly(ItemResult.Status.FETCHED, ItemResult.Status.PRESENT);
        assertThat(report.bytes()).isEqualTo(660);
        assertThat(report.fetchedBytes()).isEqualTo(330);
        assertThat(report.succeeded()).isTrue();
    }

    @Test
    void aFailingArtifactNamesItselfAndStopsItsItem() {
        serve("example.test/a", "v1.0.0", false);
        answers.put("example.test/a/@v/v1.0.0.mod", FetchOutcome.Failed.withStatus(410, "gone"));
        PrewarmReport report = run(1, List.of(item("example.test/a", "v1.0.0")));
        assertThat(report.items().get(0).reason()).contains(".mod: gone");
        assertThat(asked).doesNotContain("example.test/a/@v/v1.0.0.zip");
        assertThat(report.succeeded()).isFalse();
    }

    @Test
    void latestIsResolvedThenItsVersionFetched() {
        answers.put(
                "example.test/a/@latest",
                new FetchOutcome.Delivered(
                        40,
                        false,
                        "{\"Version\":\"v1.1.0\",\"Time\":\"2024-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8)));
        serve("example.test/a", "v1.1.0", true);
        PrewarmReport report = run(
                1, List.of(new PrewarmItem.Query(ModulePath.of("example.test/a"), "latest", "example.test/a@latest")));
        ItemResult result = report.items().get(0);
        assertThat(result.item()).isEqualTo("example.test/a@v1.1.0");
        assertThat(result.origin()).isEqualTo("example.test/a@latest");
        assertThat(result.status())
                .as("the version's artifacts were all stored")
                .isEqualTo(ItemResult.Status.PRESENT);
        assertThat(asked).first().isEqualTo("example.test/a/@latest");
    }

    @Test
    void otherQueriesResolveThroughTheirInfoAndAWrongMajorIsAFailure() {
        answers.put(
                "example.test/a/@v/main.info",
                new FetchOutcome.Delivered(40, false, "{\"Version\":\"v2.0.0\"}".getBytes(StandardCharsets.UTF_8)));
        PrewarmReport report =
                run(1, List.of(new PrewarmItem.Query(ModulePath.of("example.test/a"), "main", "example.test/a@main")));
        assertThat(report.items().get(0).reason().orElseThrow()).startsWith("resolving main: ");
    }

    @Test
    @Timeout(10)
    void atMostJobsItemsRunAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ArtifactFetcher slow = request -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return new FetchOutcome.Delivered(1, false, new byte[0]);
        };
        List<PrewarmItem> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(item("example.test/m" + i, "v1.0.0"));
        }
        PrewarmReport report = new Prewarmer(slow, NO_WAIT, 4, Clock.systemUTC()).run(items, PrewarmListener.NONE);
        assertThat(report.items()).hasSize(40);
        assertThat(most.get()).isBetween(2, 4);
    }

    @Test
    @Timeout(10)
    void cancelStopsTheRunAndLeavesUnfinishedItemsOutOfTheReport() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(2);
        ArtifactFetcher blocking = request -> {
            inFlight.countDown();
            try {
                Thread.sleep(60_000);
                return new FetchOutcome.Delivered(1, false, new byte[0]);
            } catch (InterruptedException e) {
                return new FetchOutcome.Failed(0, "interrupted", false);
            }
        };
        Prewarmer prewarmer = new Prewarmer(blocking, NO_WAIT, 2, Clock.systemUTC());
        List<PrewarmItem> items = List.of(
                item("example.test/a", "v1.0.0"), item("example.test/b", "v1.0.0"), item("example.test/c", "v1.0.0"));
        Thread canceller = Thread.ofVirtual().start(() -> {
            try {
                inFlight.await();
            } catch (InterruptedException e) {
                return;
            }
            prewarmer.cancel();
        });
        PrewarmReport report = prewarmer.run(items, PrewarmListener.NONE);
        canceller.join();
        assertThat(report.interrupted()).isTrue();
        assertThat(report.items()).isEmpty();
        assertThat(report.summaryLines())
                .containsExactly(
                        "prewarm interrupted: 0 of 3 items done: 0 fetched, 0 already present, 0 failed; 0 B fetched (0 B in all) in "
                                + Units.duration(report.elapsed()));
    }
}
