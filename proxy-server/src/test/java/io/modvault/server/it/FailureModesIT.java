package io.modvault.server.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.Reply;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Failure cases against a real server and a scriptable upstream, each named after what it prevents. */
class FailureModesIT {
    private static final TestModule UPPER = TestModules.get(TestModules.UPPER, "v1.0.0");

    @TempDir
    Path temp;

    private GoProxyTree tree;
    private FakeUpstream upstream;
    private RunningModvault modvault;

    @BeforeEach
    void start() throws InterruptedException {
        tree = GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue());
        upstream = FakeUpstream.start(tree);
        modvault = RunningModvault.start(
                temp.resolve("data"),
                upstream.baseUrl(),
                Map.of("MODVAULT_LIST_TTL", "0s", "MODVAULT_UPSTREAM_TIMEOUT", "700ms"));
    }

    @AfterEach
    void stop() {
        modvault.close();
        upstream.close();
    }

    @Test
    void servesStaleListWhenUpstreamFails() throws Exception {
        String list = GoProxyTree.listPath(TestModules.UPPER);
        HttpResponse<byte[]> fresh = modvault.get("/" + list);
        assertThat(fresh.statusCode()).isEqualTo(200);
        upstream.on(list, Reply.status(500, "upstream exploded"));
        HttpResponse<byte[]> stale = modvault.get("/" + list);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(fresh.body());
        assertThat(stale.headers().firstValue("X-Modvault-Cache")).contains("STALE");
        assertThat(stale.headers().firstValue("X-Modvault-Stale-Reason").orElseThrow())
                .contains(upstream.baseUrl());
    }

    @Test
    void droppedZipConnectionStoresNothingAndTheNextRequestRefetches() throws Exception {
        String zip = GoProxyTree.zipPath(UPPER);
        upstream.on(zip, Reply.serve().dropAfter(100), 1);
        HttpResponse<byte[]> failed = modvault.get("/" + zip);
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(new String(failed.body(), UTF_8)).contains(upstream.baseUrl());
        assertThat(failed.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
        HttpResponse<byte[]> retried = modvault.get("/" + zip);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(Files.readAllBytes(tree.file(zip)));
        assertThat(upstream.requests(zip)).isEqualTo(2);
    }

    @Test
    void fiftyConcurrentColdRequestsForOneZipMakeExactlyOneUpstreamRequest() throws Exception {
        Path big = tree.addSized(TestModules.get(TestModules.NOMOD, "v1.0.0"), 2_000_000, new Random(7));
        String zip = tree.root().relativize(big).toString();
        upstream.on(zip, Reply.serve().delayHeaders(Duration.ofMillis(300)));
        List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> modvault.get("/" + zip)));
            }
            byte[] expected = Files.readAllBytes(big);
            for (Future<HttpResponse<byte[]>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
                assertThat(answer.get().body()).isEqualTo(expected);
            }
        }
        assertThat(upstream.requests(zip)).isEqualTo(1);
    }

    @Test
    void upstreamTimeoutAnswers504() throws Exception {
        String mod = GoProxyTree.modPath(UPPER);
        upstream.on(mod, Reply.serve().delayHeaders(Duration.ofSeconds(3)));
        HttpResponse<byte[]> answer = modvault.get("/" + mod);
        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(new String(answer.body(), UTF_8)).contains("timed out").contains(upstream.baseUrl());
    }

    @Test
    void upstreamNotFoundAnswers404WithItsReasonAndIsRemembered() throws Exception {
        String missing = "example.test/!upper/!case/@v/v9.9.9.info";
        HttpResponse<byte[]> first = modvault.get("/" + missing);
        HttpResponse<byte[]> second = modvault.get("/" + missing);
        assertThat(first.statusCode()).isEqualTo(404);
        assertThat(second.statusCode()).isEqualTo(404);
        assertThat(second.headers().firstValue("X-Modvault-Cache")).contains("NEGATIVE");
        assertThat(upstream.requests(missing)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/example.test/../../etc/passwd/@v/list",
                "/example.test/%2e%2e/%2e%2e/etc/@v/v1.0.0.zip",
                "/example.test/Upper/Case/@v/list",
                "/example.test/!upper/!case/@v/v1.0.zip",
                "/example.test/!upper/!case/@v/v1.0.0-RC1.mod",
                "/example.test/!upper/!case/@v/not-a-version.mod",
                "/example.test/x%2fy/@v/list",
            })
    void malformedPathsGet400AndCauseNoUpstreamRequest(String rawPath) throws Exception {
        RawHttp.Answer answer = RawHttp.get(modvault.port(), rawPath);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text().strip()).isNotEmpty().doesNotContain("\n");
        assertThat(upstream.totalRequests()).isZero();
    }

    @Test
    void fourKilobytePathGets400AndCausesNoUpstreamRequest() throws Exception {
        RawHttp.Answer answer = RawHttp.get(modvault.port(), "/example.test/" + "a".repeat(4096) + "/@v/list");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(upstream.totalRequests()).isZero();
    }

    @Test
    void zipsCarryImmutableCachingAndHonourRangeAndIfNoneMatch() throws Exception {
        String zip = GoProxyTree.zipPath(UPPER);
        byte[] bytes = Files.readAllBytes(tree.file(zip));
        HttpResponse<byte[]> full = modvault.get("/" + zip);
        assertThat(full.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(full.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        String etag = full.headers().firstValue("ETag").orElseThrow();
        assertThat(modvault.get("/" + zip, "If-None-Match", etag).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> part = modvault.get("/" + zip, "Range", "bytes=10-19");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 10, 20));
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 10-19/" + bytes.length);
        HttpResponse<byte[]> head = modvault.send("HEAD", "/" + zip);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(bytes.length);
        assertThat(modvault.get("/" + zip).headers().firstValue("X-Modvault-Cache"))
                .contains("HIT");
    }

    @Test
    void gracefulShutdownFinishesTheDownloadInFlight() throws Exception {
        Path big = tree.addSized(TestModules.get(TestModules.LEGACY, "v1.0.0"), 1_000_000, new Random(3));
        String zip = tree.root().relativize(big).toString();
        upstream.on(zip, Reply.serve().delayChunks(Duration.ofMillis(10), 16 * 1024));
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<HttpResponse<byte[]>> download = pool.submit(() -> modvault.get("/" + zip));
            Thread.sleep(300);
            modvault.close();
            HttpResponse<byte[]> finished = download.get();
            assertThat(finished.statusCode()).isEqualTo(200);
            assertThat(finished.body()).isEqualTo(Files.readAllBytes(big));
        }
        assertThat(catchThrowable(() -> modvault.get("/" + zip)))
                .as("no longer accepting")
                .isNotNull();
    }

    @Test
    void smallArtifactsCarryTheirContentTypes() throws Exception {
        assertThat(modvault.get("/" + GoProxyTree.infoPath(UPPER)).headers().firstValue("Content-Type"))
                .contains("application/json");
        assertThat(modvault.get("/" + GoProxyTree.modPath(UPPER)).headers().firstValue("Content-Type"))
                .contains("text/plain; charset=utf-8");
        assertThat(modvault.get("/" + GoProxyTree.listPath(TestModules.UPPER))
                        .headers()
                        .firstValue("Content-Type"))
                .contains("text/plain; charset=utf-8");
        assertThat(modvault.get("/" + GoProxyTree.latestPath(TestModules.PRE))
                        .headers()
                        .firstValue("Content-Type"))
                .contains("application/json");
    }
}
