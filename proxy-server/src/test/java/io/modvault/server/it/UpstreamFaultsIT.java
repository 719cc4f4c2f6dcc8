package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoCommand;
import io.modvault.core.testing.GoProject;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.Reply;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upstream deadlines, cancellation, the circuit breaker and 4xx passthrough (failures 7 and 11). */
class UpstreamFaultsIT {
    private static final TestModule UPPER = TestModules.get(TestModules.UPPER, "v1.0.0");
    private static final long BOUND_SECONDS = 15;

    @TempDir
    Path temp;

    private FakeUpstream upstream;
    private RunningModvault modvault;
    private final CountDownLatch dripStarted = new CountDownLatch(1);
    private final CountDownLatch dripConnectionClosed = new CountDownLatch(1);

    @BeforeEach
    void startUpstream() {
        upstream = FakeUpstream.start(GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue()));
    }

    @AfterEach
    void stop() {
        if (modvault != null) {
            modvault.close();
        }
        upstream.close();
    }

    private void start(Map<String, String> settings) throws InterruptedException {
        modvault = RunningModvault.start(temp.resolve("data"), upstream.baseUrl(), settings);
    }

    /** Declares a large body and sends one byte per 100 ms until the reader hangs up. */
    private void drip(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 10_000_000);
        OutputStream out = exchange.getResponseBody();
        dripStarted.countDown();
        try {
            for (int i = 0; i < 10_000_000; i++) {
                out.write('z');
                out.flush();
                Thread.sleep(100);
            }
        } catch (IOException e) {
            dripConnectionClosed.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private long tmpFiles() throws IOException {
        Path tmp = temp.resolve("data").resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return files.count();
        }
    }

    private void awaitNoTmpFiles() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (tmpFiles() > 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(tmpFiles()).as("files left in tmp/").isZero();
    }

    @Test
    void slowDripUpstreamIsCutByTheDeadline() throws Exception {
        start(Map.of("MODVAULT_UPSTREAM_TIMEOUT", "700ms", "MODVAULT_UPSTREAM_DEADLINE", "2s"));
        String zip = GoProxyTree.zipPath(UPPER);
        upstream.onPrefix("/" + zip, this::drip);

        HttpResponse<byte[]> cut = modvault.get("/" + zip);

        assertThat(cut.statusCode()).isEqualTo(504);
        assertThat(new String(cut.body(), StandardCharsets.UTF_8))
                .contains(upstream.baseUrl())
                .contains("exceeded the fetch deadline of 2 s");
        assertThat(dripConnectionClosed.await(BOUND_SECONDS, TimeUnit.SECONDS))
                .as("upstream connection closed")
                .isTrue();
        awaitNoTmpFiles();
    }

    @Test
    void abandonedFetchIsCancelled() throws Exception {
        start(Map.of("MODVAULT_UPSTREAM_TIMEOUT", "60s"));
        String zip = GoProxyTree.zipPath(UPPER);
        upstream.onPrefix("/" + zip, this::drip);

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), modvault.port())) {
            client.getOutputStream()
                    .write(("GET /" + zip + " HTTP/1.1\r\nHost: modvault\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            assertThat(dripStarted.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
            while (tmpFiles() == 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(tmpFiles()).as("download under way").isEqualTo(1);
        }

        assertThat(dripConnectionClosed.await(BOUND_SECONDS, TimeUnit.SECONDS))
                .as("upstream connection closed")
                .isTrue();
        awaitNoTmpFiles();
    }

    @Test
    void downUpstreamFailsFastWhileOpen() throws Exception {
        start(Map.of("MODVAULT_UPSTREAM_TIMEOUT", "700ms"));
        String info = GoProxyTree.infoPath(UPPER);
        upstream.on(info, Reply.serve().delayHeaders(Duration.ofSeconds(5)));
        long fullTimeoutNanos = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            assertThat(modvault.get("/" + info).statusCode()).isEqualTo(504);
            fullTimeoutNanos = System.nanoTime() - start;
        }
        int asked = upstream.requests(info);

        long start = System.nanoTime();
        HttpResponse<byte[]> fast = modvault.get("/" + info);
        long fastNanos = System.nanoTime() - start;

        System.out.printf(
                "miss with the breaker open: %.1f ms; a miss paying the full timeout: %.1f ms%n",
                fastNanos / 1e6, fullTimeoutNanos / 1e6);
        assertThat(fast.statusCode()).isEqualTo(504);
        assertThat(new String(fast.body(), StandardCharsets.UTF_8))
                .contains(upstream.baseUrl())
                .contains("marked down after 5 consecutive failures");
        assertThat(upstream.requests(info)).isEqualTo(asked);
        assertThat(new String(modvault.get("/metrics").body(), StandardCharsets.UTF_8))
                .contains("modvault_upstream_state{upstream=\"" + upstream.baseUrl() + "\"} 1.0")
                .contains("modvault_upstream_short_circuited_total{upstream=\"" + upstream.baseUrl() + "\"} 1.0");
    }

    @Test
    void upstream403IsPassedThroughAndRemembered() throws Exception {
        start(Map.of("MODVAULT_NEGATIVE_TTL", "60s"));
        String latest = "example.com/@latest";
        upstream.on(latest, Reply.status(403, "blocked by corporate policy"));

        HttpResponse<byte[]> first = modvault.get("/" + latest);
        HttpResponse<byte[]> second = modvault.get("/" + latest);

        for (HttpResponse<byte[]> answer : java.util.List.of(first, second)) {
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                    .contains(upstream.baseUrl())
                    .contains("403 blocked by corporate policy");
        }
        assertThat(second.headers().firstValue("X-Modvault-Cache")).contains("NEGATIVE");
        assertThat(upstream.requests(latest)).isEqualTo(1);
    }

    /**
     * The go command resolves {@code go get example.test/Upper/Case@latest} by also probing the
     * shorter candidate module paths ({@code example.test}); an upstream refusing those with 403
     * is asked once per path within the negative TTL, however often the go command runs, and the
     * go command still gets the module (a refused prefix is not the module it asked for).
     */
    @Test
    void goCommandsPrefixProbesRefusedWith403ReachTheUpstreamOncePerPath() throws Exception {
        start(Map.of("MODVAULT_NEGATIVE_TTL", "60s"));
        upstream.on(path -> path.startsWith("/example.test/@"), Reply.status(403, "blocked by corporate policy"));
        Path project = GoProject.create(temp.resolve("project"), "example.org/app", Map.of());
        GoCommand go = GoCommand.create(temp.resolve("go")).withProxy(modvault.baseUrl());

        go.run(project, "get", TestModules.UPPER + "@latest").requireSuccess();
        go.run(project, "get", TestModules.UPPER + "@latest").requireSuccess();

        List<String> probes = upstream.requestLog().stream()
                .filter(path -> path.startsWith("/example.test/@"))
                .toList();
        assertThat(probes).as("the refused prefix was probed").isNotEmpty();
        assertThat(probes).as("and each probe reached the upstream once").doesNotHaveDuplicates();
    }
}
