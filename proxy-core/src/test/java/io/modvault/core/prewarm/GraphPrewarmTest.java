package io.modvault.core.prewarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.protocol.ProxyRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class GraphPrewarmTest {
    private static final RetryPolicy NO_WAIT = new RetryPolicy(3, Duration.ZERO, d -> {});

    @TempDir
    Path temp;

    private final Map<String, String> goMods = new ConcurrentHashMap<>();
    private final Map<String, Integer> asked = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    private FetchOutcome answer(ProxyRequest request) {
        String path = request.upstreamPath();
        asked.merge(path, 1, Integer::sum);
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchOutcome.Failed(0, "interrupted", false);
        } finally {
            inFlight.decrementAndGet();
        }
        if (path.endsWith(".mod")) {
            String goMod = goMods.get(path);
            return goMod == null
                    ? FetchOutcome.Failed.withStatus(503, "503 for " + path)
                    : new FetchOutcome.Delivered(goMod.length(), false, goMod.getBytes(StandardCharsets.UTF_8));
        }
        return new FetchOutcome.Delivered(100, false, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private void publish(String module, String version, String... requires) {
        StringBuilder text = new StringBuilder("module " + module + "\n\ngo 1.21\n");
        for (String require : requires) {
            text.append("require ").append(require).append('\n');
        }
        goMods.put(module + "/@v/" + version + ".mod", text.toString());
    }

    private PrewarmReport prewarm(String... inputs) {
        List<PrewarmItem> items = PrewarmInputs.standard(note -> {}).expand(List.of(inputs), () -> null);
        return new Prewarmer(this::answer, NO_WAIT, 8, Clock.systemUTC()).run(items, PrewarmListener.NONE);
    }

    @Test
    void listenerHearsEachGraphBeingReadBeforeTheRunStarts() throws IOException {
        publish("example.test/a", "v1.0.0");
        Path goMod = Files.writeString(
                temp.resolve("go.mod"), "module example.test/app\n\ngo 1.21\n\nrequire example.test/a v1.0.0\n");
        List<String> events = new CopyOnWriteArrayList<>();
        List<PrewarmItem> items = PrewarmInputs.standard(note -> {}).expand(List.of(goMod.toString()), () -> null);

        new Prewarmer(this::answer, NO_WAIT, 8, Clock.systemUTC()).run(items, new PrewarmListener() {
            @Override
            public void readingGraph(String origin) {
                events.add("reading " + origin);
            }

            @Override
            public void started(int count) {
                events.add("started " + count);
            }
        });

        assertThat(events).containsExactly("reading " + goMod, "started 1");
    }

    @Test
    void aGoModExpandsToItsGraphFetchingEachGoModOnceInParallelAndReportingIt() throws IOException {
        StringBuilder roots = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            publish("example.test/m" + i, "v1.0.0", "example.test/shared v1.0.0");
            publish("example.test/m" + i, "v1.1.0");
            roots.append("require example.test/m").append(i).append(" v1.1.0\n");
        }
        publish("example.test/shared", "v1.0.0");
        publish("example.test/x", "v1.0.0", "example.test/m0 v1.0.0");
        Path goMod = Files.writeString(
                temp.resolve("go.mod"),
                "module example.test/app\n\ngo 1.16\n\n" + roots + "require example.test/x v1.0.0\n");

        PrewarmReport report = prewarm(goMod.toString());

        assertThat(report.succeeded()).isTrue();
        assertThat(asked).allSatisfy((path, times) -> assertThat(times).as(path).isEqualTo(1));
        assertThat(asked)
                .as("m0 v1.0.0 is in the graph but v1.1.0 is selected: its .mod only")
                .containsKey("example.test/m0/@v/v1.0.0.mod")
                .doesNotContainKey("example.test/m0/@v/v1.0.0.zip");
        assertThat(report.items())
                .extracting(ItemResult::item)
                .contains("example.test/m0@v1.0.0", "example.test/m0@v1.1.0", "example.test/shared@v1.0.0")
                .hasSize(15);
        assertThat(report.items()).allSatisfy(item -> {
            assertThat(item.status()).isEqualTo(ItemResult.Status.FETCHED);
            assertThat(item.origin()).isEqualTo(goMod.toString());
        });
        assertThat(mostInFlight.get())
                .as("the graph's go.mod files load in parallel")
                .isGreaterThan(2);
    }

    @Test
    void aGoModThatCannotBeFetchedIsAFailedItemAndTheRestRuns() throws IOException {
        publish("example.test/a", "v1.0.0");
        Path goMod = Files.writeString(
                temp.resolve("go.mod"),
                "module example.test/app\n\ngo 1.21\n\nrequire (\n\texample.test/a v1.0.0\n\texample.test/gone v1.0.0\n)\n");

        PrewarmReport report = prewarm(goMod.toString());

        assertThat(report.succeeded()).isFalse();
        assertThat(report.summaryLines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("FAILED example.test/gone@v1.0.0 (from " + goMod + "): ")
                        .contains("503 for example.test/gone/@v/v1.0.0.mod"));
        assertThat(asked.get("example.test/gone/@v/v1.0.0.mod"))
                .as("retried while loading the graph, not again when reported")
                .isEqualTo(3);
        assertThat(report.items())
                .filteredOn(item -> item.item().equals("example.test/a@v1.0.0"))
                .extracting(ItemResult::status)
                .containsExactly(ItemResult.Status.FETCHED);
    }

    @Test
    @Timeout(10)
    void cancellingWhileTheGraphLoadsEndsTheRunAtOnceWithNothingReported() throws Exception {
        CountDownLatch asking = new CountDownLatch(1);
        ArtifactFetcher hanging = request -> {
            asking.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new FetchOutcome.Failed(0, "interrupted", false);
        };
        Path goMod = Files.writeString(
                temp.resolve("go.mod"), "module example.test/app\n\ngo 1.21\n\nrequire example.test/a v1.0.0\n");
        List<PrewarmItem> items = PrewarmInputs.standard(note -> {}).expand(List.of(goMod.toString()), () -> null);
        Prewarmer prewarmer = new Prewarmer(hanging, NO_WAIT, 4, Clock.systemUTC());
        Thread.ofVirtual().start(() -> {
            try {
                asking.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            prewarmer.cancel();
        });

        PrewarmReport report = prewarmer.run(items, PrewarmListener.NONE);

        assertThat(report.interrupted()).isTrue();
        assertThat(report.items()).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
