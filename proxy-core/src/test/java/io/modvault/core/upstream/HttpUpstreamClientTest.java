package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.upstream.UpstreamResult.Failed;
import io.modvault.core.upstream.UpstreamResult.Found;
import io.modvault.core.upstream.UpstreamResult.NotFound;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpUpstreamClientTest {

    private static final String LIST = "example.com/m/@v/list";

    @TempDir
    Path tmp;

    private LoopbackHttpServer server;
    private HttpTransport transport;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackHttpServer.start();
        transport = HttpTransport.create(new HttpUpstreamSettings(
                Duration.ofSeconds(2), Duration.ofSeconds(5), Optional.empty(), "modvault/test"));
    }

    @AfterEach
    void stop() {
        server.close();
        transport.close();
    }

    private HttpUpstreamClient client() {
        return new HttpUpstreamClient(server.base(), transport);
    }

    @Test
    void returnsBodyOf200AsFoundNamedByBaseUrl() {
        server.handle("/" + LIST, ex -> LoopbackHttpServer.respond(ex, 200, "text/plain", "v1.0.0\nv1.1.0\n"));

        UpstreamResult<byte[]> result = client().fetchBytes(LIST, 1024);

        assertThat(result).isInstanceOf(Found.class);
        assertThat(result.upstream()).isEqualTo(server.base().toString());
        assertThat(new String(((Found<byte[]>) result).body(), StandardCharsets.UTF_8))
                .isEqualTo("v1.0.0\nv1.1.0\n");
    }

    @Test
    void sendsUserAgentAndEscapesPathLikeGoUnderBasePath() {
        String raw = "/gp/github.com/%21burnt%21sushi/toml/@v/v0.3.1+incompatible.info";
        server.handle(raw, ex -> LoopbackHttpServer.respond(ex, 200, "application/json", "{}"));
        HttpUpstreamClient client = new HttpUpstreamClient(URI.create(server.base() + "/gp/"), transport);

        UpstreamResult<byte[]> result =
                client.fetchBytes("github.com/!burnt!sushi/toml/@v/v0.3.1+incompatible.info", 100);

        assertThat(result).isInstanceOf(Found.class);
        assertThat(client.name()).isEqualTo(server.base() + "/gp/");
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.rawPath()).isEqualTo(raw);
            assertThat(r.header("User-Agent")).isEqualTo("modvault/test");
            assertThat(r.header("Authorization")).isNull();
        });
    }

    @Test
    void maps404ToNotFoundWithFirstLineOfPlainTextBody() {
        server.handle(
                "/" + LIST,
                ex -> LoopbackHttpServer.respond(
                        ex,
                        404,
                        "text/plain; charset=utf-8",
                        "  not found: example.com/m@v9.9.9: invalid version  \nsecond line\n"));

        UpstreamResult<byte[]> result = client().fetchBytes(LIST, 1024);

        assertThat(result)
                .isEqualTo(new NotFound<byte[]>(
                        server.base().toString(), 404, "not found: example.com/m@v9.9.9: invalid version"));
    }

    @Test
    void maps410WithNonTextBodyToNotFoundWithStatusText() {
        server.handle("/" + LIST, ex -> LoopbackHttpServer.respond(ex, 410, "application/json", "{\"gone\":1}"));

        assertThat(client().fetchBytes(LIST, 1024))
                .isEqualTo(new NotFound<byte[]>(server.base().toString(), 410, "Gone"));
    }

    @Test
    void mapsOtherStatusesToFailedNamingStatusUrlAndDetailAnd5xxAsUnavailable() {
        server.handle("/" + LIST, ex -> LoopbackHttpServer.respond(ex, 502, "text/plain", "origin unreachable\n"));
        server.handle("/a/@v/list", ex -> LoopbackHttpServer.respond(ex, 500, null, ""));
        server.handle("/b/@v/list", ex -> LoopbackHttpServer.respond(ex, 429, "text/html", "<h1>slow down</h1>"));

        assertThat(client().fetchBytes(LIST, 1024))
                .isEqualTo(new Failed<byte[]>(
                        server.base().toString(),
                        "502 Bad Gateway from " + server.base() + "/" + LIST + ": origin unreachable",
                        false,
                        true));
        assertThat(client().fetchBytes("a/@v/list", 1024))
                .isEqualTo(new Failed<byte[]>(
                        server.base().toString(),
                        "500 Internal Server Error from " + server.base() + "/a/@v/list",
                        false,
                        true));
        assertThat(client().fetchBytes("b/@v/list", 1024))
                .isEqualTo(new Failed<byte[]>(
                        server.base().toString(), "429 Too Many Requests from " + server.base() + "/b/@v/list", false));
    }

    @Test
    void maps403And400ToRefusedWithTheirStatusAndText() {
        server.handle(
                "/" + LIST, ex -> LoopbackHttpServer.respond(ex, 403, "text/plain", "module blocked by policy\n"));
        server.handle("/a/@v/list", ex -> LoopbackHttpServer.respond(ex, 400, "text/html", "<h1>bad</h1>"));

        assertThat(client().fetchBytes(LIST, 1024))
                .isEqualTo(
                        new UpstreamResult.Refused<byte[]>(server.base().toString(), 403, "module blocked by policy"));
        assertThat(client().fetchBytes("a/@v/list", 1024))
                .isEqualTo(new UpstreamResult.Refused<byte[]>(server.base().toString(), 400, "Bad Request"));
    }

    @Test
    void treatsSuccessStatusesOtherThan200AsFailed() {
        server.handle("/" + LIST, ex -> LoopbackHttpServer.respond(ex, 204, null, ""));

        UpstreamResult<byte[]> result = client().fetchBytes(LIST, 1024);

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed<byte[]>) result).reason()).startsWith("204 No Content from ");
    }

    @Test
    void followsSameSchemeRedirects() {
        server.handle("/" + LIST, ex -> {
            ex.getResponseHeaders().set("Location", "/elsewhere/list");
            LoopbackHttpServer.respond(ex, 302, null, "");
        });
        server.handle("/elsewhere/list", ex -> LoopbackHttpServer.respond(ex, 200, null, "v1.0.0\n"));

        assertThat(client().fetchBytes(LIST, 1024)).isInstanceOf(Found.class);
    }

    @Test
    void failsAtOnceWhenContentLengthExceedsLimit() {
        server.handle("/big.zip", ex -> LoopbackHttpServer.respond(ex, 200, "application/zip", "x".repeat(5000)));

        UpstreamResult<byte[]> result = client().fetchBytes("big.zip", 4999);

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed<byte[]>) result).reason())
                .contains("exceeds the limit of 4999 bytes (Content-Length 5000)");
        assertThat(client().fetchBytes("big.zip", 5000)).isInstanceOf(Found.class);
    }

    @Test
    void refusesCredentialsOverPlainHttpWithoutSendingARequest() {
        URI base = URI.create("http://alice:s3cret@127.0.0.1:" + server.base().getPort() + "/gp");
        HttpUpstreamClient client = new HttpUpstreamClient(base, transport);

        UpstreamResult<byte[]> result = client.fetchBytes(LIST, 1024);

        assertThat(result)
                .isEqualTo(new Failed<byte[]>(
                        "http://127.0.0.1:" + server.base().getPort() + "/gp",
                        "refusing to pass credentials to insecure URL: http://127.0.0.1:"
                                + server.base().getPort() + "/gp",
                        false));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void neverShowsCredentialsInName() {
        HttpUpstreamClient client =
                new HttpUpstreamClient(URI.create("https://alice:s3cret@corp.example/gp"), transport);

        assertThat(client.name()).isEqualTo("https://corp.example/gp");
        assertThat(client.toString()).doesNotContain("s3cret").doesNotContain("alice");
    }

    @Test
    void reportsConnectionRefusedAsFailedNamingUrl() throws IOException {
        int port;
        try (ServerSocket unused = new ServerSocket(0)) {
            port = unused.getLocalPort();
        }
        HttpUpstreamClient client = new HttpUpstreamClient(URI.create("http://127.0.0.1:" + port), transport);

        UpstreamResult<byte[]> result = client.fetchBytes(LIST, 1024);

        assertThat(result).isInstanceOf(Failed.class);
        Failed<byte[]> failed = (Failed<byte[]>) result;
        assertThat(failed.timedOut()).isFalse();
        assertThat(failed.reason()).startsWith("GET http://127.0.0.1:" + port + "/" + LIST + ": ");
    }

    @Test
    void rejectsPathsThatCouldLeaveTheBaseWithoutSendingARequest() {
        for (String path : new String[] {"../x/@v/list", "a/../../x", "/abs", "a//b", "a\\b", ""}) {
            assertThat(client().fetchBytes(path, 1024)).as(path).isInstanceOf(Failed.class);
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void streamsFileTruncatingTargetAndHashingContent() throws Exception {
        byte[] zip = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(42).nextBytes(zip);
        server.handle("/m/@v/v1.0.0.zip", ex -> {
            ex.sendResponseHeaders(200, zip.length);
            try (var out = ex.getResponseBody()) {
                out.write(zip);
            }
        });
        Path target = tmp.resolve("download.zip");
        Files.write(target, new byte[5 * 1024 * 1024]);

        UpstreamResult<DownloadedFile> result = client().fetchFile("m/@v/v1.0.0.zip", target, zip.length);

        assertThat(result).isInstanceOf(Found.class);
        DownloadedFile file = ((Found<DownloadedFile>) result).body();
        assertThat(file.file()).isEqualTo(target);
        assertThat(file.size()).isEqualTo(zip.length);
        assertThat(file.sha256Hex()).isEqualTo(Hashes.sha256Hex(zip));
        assertThat(Files.readAllBytes(target)).isEqualTo(zip);
    }

    @Test
    void rejectsNonHttpBasesAndBasesWithQueries() {
        assertThatThrownBy(() -> new HttpUpstreamClient(URI.create("file:///x"), transport))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpUpstreamClient(URI.create("https://a.example/?q=1"), transport))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpUpstreamClient(URI.create("https:///nohost"), transport))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
