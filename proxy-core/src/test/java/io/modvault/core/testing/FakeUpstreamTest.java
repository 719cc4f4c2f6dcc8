package io.modvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeUpstreamTest {

    private static final TestModule UPPER_1_0 = TestModules.get(TestModules.UPPER, "v1.0.0");

    @TempDir
    Path temp;

    private GoProxyTree tree;
    private FakeUpstream upstream;
    private HttpClient client;

    @BeforeEach
    void startUpstream() {
        tree = GoProxyTree.write(temp.resolve("proxy"), TestModules.catalogue());
        upstream = FakeUpstream.start(tree);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stopUpstream() {
        upstream.close();
        client.close();
    }

    private HttpResponse<byte[]> get(String rawPath) throws IOException, InterruptedException {
        return client.send(request(rawPath).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String rawPath) {
        return HttpRequest.newBuilder(URI.create(upstream.baseUrl() + rawPath)).timeout(Duration.ofSeconds(20));
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesTheTreeForBangAndPercentEncodedSpellings() throws Exception {
        HttpResponse<byte[]> bang = get("/example.test/!upper/!case/@v/list");
        HttpResponse<byte[]> percent = get("/example.test/%21upper/%21case/@v/v1.0.0.zip");

        assertThat(bang.statusCode()).isEqualTo(200);
        assertThat(text(bang)).isEqualTo("v1.0.0\nv1.1.0\n");
        assertThat(percent.statusCode()).isEqualTo(200);
        assertThat(percent.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(percent.body()).isEqualTo(Files.readAllBytes(tree.file(GoProxyTree.zipPath(UPPER_1_0))));
    }

    @Test
    void keepsThePlusOfIncompatibleVersions() throws Exception {
        HttpResponse<byte[]> info = get("/example.test/legacy/@v/v2.0.0+incompatible.info");

        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(text(info)).contains("\"Version\":\"v2.0.0+incompatible\"");
        assertThat(upstream.requests("example.test/legacy/@v/v2.0.0+incompatible.info"))
                .isEqualTo(1);
    }

    @Test
    void servesAnEmptyListWithContentLengthZero() throws Exception {
        HttpResponse<byte[]> list = get("/example.test/pseudo/@v/list");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).isEmpty();
        assertThat(list.headers().firstValue("Content-Length")).hasValue("0");
    }

    @Test
    void answersNotFoundForUnknownAndNonCanonicalPaths() throws Exception {
        assertThat(get("/example.test/@v/list").statusCode()).isEqualTo(404);
        assertThat(get("/example.test/Upper/Case/@v/list").statusCode()).isEqualTo(404);
        assertThat(get("/example.test/nomod/@v/../../nomod/@v/list").statusCode())
                .isEqualTo(404);
        assertThat(text(get("/nowhere/@latest"))).startsWith("not found: /nowhere/@latest");
    }

    @Test
    void countsRequestsPerPathWhateverTheSpelling() throws Exception {
        get("/example.test/!upper/!case/@v/list");
        get("/example.test/%21upper/%21case/@v/list");
        get("/example.test/nomod/@v/v1.0.0.mod");
        get("/missing/@v/list");

        assertThat(upstream.requests(GoProxyTree.listPath(TestModules.UPPER))).isEqualTo(2);
        assertThat(upstream.requests("/example.test/%21upper/%21case/@v/list")).isEqualTo(2);
        assertThat(upstream.requests("/example.test/nomod/@v/v1.0.0.mod")).isEqualTo(1);
        assertThat(upstream.requests("/example.test/nomod/@v/v1.0.0.zip")).isZero();
        assertThat(upstream.totalRequests()).isEqualTo(4);
        assertThat(upstream.requestLog())
                .containsExactly(
                        "/example.test/!upper/!case/@v/list",
                        "/example.test/!upper/!case/@v/list",
                        "/example.test/nomod/@v/v1.0.0.mod",
                        "/missing/@v/list");

        upstream.resetCounts();
        assertThat(upstream.totalRequests()).isZero();
    }

    @Test
    void countsConcurrentRequestsExactly() throws Exception {
        var futures = new java.util.ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<Void>>>();
        for (int i = 0; i < 40; i++) {
            futures.add(client.sendAsync(
                    request("/example.test/nomod/@v/list").build(), HttpResponse.BodyHandlers.discarding()));
        }
        for (var future : futures) {
            assertThat(future.get().statusCode()).isEqualTo(200);
        }

        assertThat(upstream.requests("/example.test/nomod/@v/list")).isEqualTo(40);
        assertThat(upstream.requestLog()).hasSize(40);
    }

    @Test
    void dropAfterDeclaresTheFullLengthButTruncatesTheBody() throws Exception {
        String zip = GoProxyTree.zipPath(UPPER_1_0);
        upstream.on(zip, Reply.serve().dropAfter(100));

        assertThatThrownBy(() -> get("/" + zip)).isInstanceOf(IOException.class);
        assertThat(upstream.requests(zip)).isEqualTo(1);
    }

    @Test
    void droppedResponsesReachTheClientAsHeadersThenTruncation() throws Exception {
        long full = Files.size(tree.file(GoProxyTree.zipPath(UPPER_1_0)));
        upstream.on(GoProxyTree.zipPath(UPPER_1_0), Reply.serve().dropAfter(100));

        HttpResponse<java.io.InputStream> response = client.send(
                request("/" + GoProxyTree.zipPath(UPPER_1_0)).build(), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(full);
        int received = 0;
        try (var body = response.body()) {
            while (body.read() >= 0) {
                received++;
            }
            throw new AssertionError("the body ended normally after " + received + " of " + full + " bytes");
        } catch (IOException expected) {
            assertThat(received).isEqualTo(100);
        }
    }

    @Test
    void scriptedStatusAnswersWithPlainText() throws Exception {
        upstream.on("/example.test/nomod/@v/list", Reply.status(503, "upstream is sad"));

        HttpResponse<byte[]> response = get("/example.test/nomod/@v/list");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(text(response)).isEqualTo("upstream is sad");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    void limitedScriptFallsBackToNormalContent() throws Exception {
        upstream.on("/example.test/nomod/@v/list", Reply.status(500, "once"), 1);

        assertThat(get("/example.test/nomod/@v/list").statusCode()).isEqualTo(500);
        assertThat(text(get("/example.test/nomod/@v/list"))).isEqualTo("v1.0.0\n");
    }

    @Test
    void newestMatchingRuleWinsAndRulesCanBeCleared() throws Exception {
        upstream.on(p -> p.endsWith(".mod"), Reply.status(404, "no mods"));
        upstream.on("/example.test/nomod/@v/v1.0.0.mod", Reply.status(410, "gone"));

        assertThat(get("/example.test/nomod/@v/v1.0.0.mod").statusCode()).isEqualTo(410);
        assertThat(get("/example.test/pre/@v/v0.9.0-rc.1.mod").statusCode()).isEqualTo(404);
        upstream.clearRules();
        assertThat(get("/example.test/nomod/@v/v1.0.0.mod").statusCode()).isEqualTo(200);
    }

    @Test
    void tamperedReplyReplacesTheBody() throws Exception {
        byte[] evil = "module evil.test/x\n".getBytes(StandardCharsets.UTF_8);
        upstream.on(GoProxyTree.modPath(UPPER_1_0), Reply.tampered(evil));

        HttpResponse<byte[]> response = get("/" + GoProxyTree.modPath(UPPER_1_0));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(evil);
    }

    @Test
    void headerDelayStallsTheResponseUntilTheClientGivesUp() {
        upstream.on("/example.test/nomod/@v/list", Reply.serve().delayHeaders(Duration.ofSeconds(30)));

        assertThatThrownBy(() -> client.send(
                        request("/example.test/nomod/@v/list")
                                .timeout(Duration.ofMillis(300))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void chunkDelaySlowsTheBodyButDeliversItWhole() throws Exception {
        TestModule big = TestModules.get(TestModules.UPPER, "v1.1.0");
        byte[] expected = Files.readAllBytes(tree.file(GoProxyTree.zipPath(big)));
        int chunk = expected.length / 4 + 1;
        upstream.on(GoProxyTree.zipPath(big), Reply.serve().delayChunks(Duration.ofMillis(150), chunk));

        long started = System.nanoTime();
        HttpResponse<byte[]> response = get("/" + GoProxyTree.zipPath(big));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.body()).isEqualTo(expected);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void stopRefusesConnectionsAndStartServesAgainOnTheSamePort() throws Exception {
        String baseUrl = upstream.baseUrl();
        assertThat(get("/example.test/nomod/@v/list").statusCode()).isEqualTo(200);

        upstream.stop();
        assertThat(upstream.isRunning()).isFalse();
        assertThatThrownBy(() -> get("/example.test/nomod/@v/list")).isInstanceOf(ConnectException.class);

        upstream.start();
        assertThat(upstream.baseUrl()).isEqualTo(baseUrl);
        assertThat(get("/example.test/nomod/@v/list").statusCode()).isEqualTo(200);
        assertThat(upstream.requests("/example.test/nomod/@v/list")).isEqualTo(2);
    }

    @Test
    void prefixHandlerServesMountedChecksumDatabasePaths() throws Exception {
        upstream.onPrefix("/sumdb/sum.example.test/", exchange -> {
            byte[] body = ("sumdb saw " + exchange.getRequestURI().getRawPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });

        HttpResponse<byte[]> supported = get("/sumdb/sum.example.test/supported");
        HttpResponse<byte[]> other = get("/sumdb/sum.golang.org/supported");

        assertThat(text(supported)).isEqualTo("sumdb saw /sumdb/sum.example.test/supported");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(upstream.requests("/sumdb/sum.example.test/supported")).isEqualTo(1);
    }

    @Test
    void streamsLargeZipsFromDisk() throws Exception {
        TestModule base = TestModules.simple("example.test/big", "v1.0.0", java.time.Instant.EPOCH, "big", true);
        Path zip = tree.addSized(base, 3 << 20, new Random(3));

        HttpResponse<byte[]> response = get("/" + GoProxyTree.zipPath(base));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(zip));
    }
}
