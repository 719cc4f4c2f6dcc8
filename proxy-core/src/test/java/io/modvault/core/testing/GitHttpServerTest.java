package io.modvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loopback git server, driven by a proxy-configured HTTP client and by the system git. */
class GitHttpServerTest {

    /** A protocol v2 {@code ls-refs} request in pkt-line framing: command, flush. */
    private static final String LS_REFS = "0014command=ls-refs\n0000";

    @TempDir
    static Path temp;

    private static GitHttpServer server;
    private static String mainCommit;
    private static HttpClient viaProxy;
    private static HttpClient direct;

    @BeforeAll
    static void start() {
        Path root = temp.resolve("repos");
        GitRepoBuilder repo = GitRepoBuilder.init(temp.resolve("work/repo"), "org/repo")
                .write("go.mod", "module git.example.test/org/repo\n")
                .commit("one", Instant.parse("2024-01-01T00:00:00Z"))
                .tag("v1.0.0");
        repo.publish(root);
        mainCommit = repo.head();
        GitRepoBuilder.init(temp.resolve("work/private"), "org/private")
                .write("a.txt", "a\n")
                .commit("one", Instant.parse("2024-01-01T00:00:00Z"))
                .publish(root);
        server = GitHttpServer.start(root).requireBasicAuth("org/private", "alice", "s3cret");
        viaProxy = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", server.port())))
                .build();
        direct = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clean() {
        server.setAvailable(true);
        server.resetLog();
    }

    private static HttpResponse<String> get(HttpClient client, String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void goGetPageNamesTheRepositoryRootForAnyPackageBelowIt() throws Exception {
        HttpResponse<String> response = get(viaProxy, "http://git.example.test/org/repo/sub/pkg?go-get=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(response.body())
                .contains("<meta name=\"go-import\" content=\"git.example.test/org/repo git"
                        + " http://git.example.test/org/repo.git\">");
        assertThat(server.requestLog())
                .containsExactly(new GitRequest(
                        "GET", "git.example.test", "/org/repo/sub/pkg", "go-get=1", true, Optional.empty(), 200));
    }

    @Test
    void goGetForAPathWithoutRepositoryIsNotFound() throws Exception {
        assertThat(get(viaProxy, "http://git.example.test/org/missing?go-get=1").statusCode())
                .isEqualTo(404);
        assertThat(get(viaProxy, "http://git.example.test/org?go-get=1").statusCode())
                .isEqualTo(404);
        assertThat(get(viaProxy, "http://git.example.test/org/repo.git?go-get=1")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void originFormRequestsAreServedToo() throws Exception {
        HttpResponse<String> response = get(direct, server.proxyUrl() + "/org/repo?go-get=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("git.example.test/org/repo git http://git.example.test/org/repo.git");
        GitRequest logged = server.requestLog().getFirst();
        assertThat(logged.absoluteForm()).isFalse();
        assertThat(logged.host()).isEqualTo("127.0.0.1:" + server.port());
    }

    @Test
    void smartHttpAdvertisementComesFromGitHttpBackend() throws Exception {
        HttpResponse<String> response =
                get(viaProxy, "http://git.example.test/org/repo.git/info/refs?service=git-upload-pack");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("application/x-git-upload-pack-advertisement");
        assertThat(response.body())
                .startsWith("001e# service=git-upload-pack\n")
                .contains(mainCommit + " refs/heads/main");
    }

    @Test
    void dumbProtocolFilesKeepTheLengthHttpBackendDeclares() throws Exception {
        HttpResponse<String> response = get(viaProxy, "http://git.example.test/org/repo.git/HEAD");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ref: refs/heads/main\n");
        assertThat(response.headers().firstValue("Content-Length")).contains("21");
    }

    @Test
    void cgiStatusOfHttpBackendIsPassedOn() throws Exception {
        // http-backend itself refuses an unknown service with "Status: 403 Forbidden".
        HttpResponse<String> response =
                get(viaProxy, "http://git.example.test/org/repo.git/info/refs?service=git-frobnicate");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(server.requestLog().getFirst().status()).isEqualTo(403);
    }

    @Test
    void gitLsRemoteAndCloneWorkThroughTheProxy() {
        Map<String, String> proxy = Map.of("http_proxy", server.proxyUrl());

        String refs = GitRunner.run(temp, proxy, "ls-remote", GitHttpServer.repoUrl("org/repo"));
        GitRunner.run(temp, proxy, "clone", "-q", GitHttpServer.repoUrl("org/repo"), "clone-" + System.nanoTime());

        assertThat(refs).contains(mainCommit + "\trefs/heads/main", mainCommit + "\trefs/tags/v1.0.0");
        assertThat(server.requestLog())
                .allSatisfy(r -> assertThat(r.absoluteForm()).isTrue())
                .anyMatch(r -> r.method().equals("POST") && r.path().equals("/org/repo.git/git-upload-pack"));
        assertThat(server.requests("/org/repo.git/"))
                .isEqualTo(server.requestLog().size());
    }

    @Test
    void gzippedRequestBodyIsInflatedByHttpBackend() throws Exception {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(LS_REFS.getBytes(StandardCharsets.US_ASCII));
        }

        HttpResponse<String> response = viaProxy.send(
                uploadPack("http://git.example.test/org/repo.git/git-upload-pack")
                        .header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(mainCommit + " refs/heads/main").endsWith("0000");
    }

    @Test
    void chunkedRequestBodyIsReadToTheEnd() throws Exception {
        byte[] body = LS_REFS.getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> response = viaProxy.send(
                uploadPack("http://git.example.test/org/repo.git/git-upload-pack")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(mainCommit + " refs/tags/v1.0.0");
    }

    private static HttpRequest.Builder uploadPack(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-git-upload-pack-request")
                .header("Git-Protocol", "version=2");
    }

    @Test
    void protectedRepositoryChallengesWithoutCredentials() throws Exception {
        HttpResponse<String> response =
                get(viaProxy, "http://git.example.test/org/private.git/info/refs?service=git-upload-pack");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"git\"");
        assertThat(server.requestLog().getFirst().user()).isEmpty();
    }

    @Test
    void protectedRepositoryRefusesWrongCredentialsAndLogsWhoTried() throws Exception {
        HttpResponse<String> response = get(
                viaProxy,
                "http://git.example.test/org/private.git/info/refs?service=git-upload-pack",
                "Authorization",
                basic("alice", "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(server.requestLog().getFirst().user()).contains("alice");
    }

    @Test
    void protectedRepositoryServesTheRightCredentials() throws Exception {
        HttpResponse<String> response = get(
                viaProxy,
                "http://git.example.test/org/private.git/info/refs?service=git-upload-pack",
                "Authorization",
                basic("alice", "s3cret"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("refs/heads/main");
        assertThat(server.requestLog().getFirst())
                .extracting(GitRequest::status, GitRequest::user)
                .containsExactly(200, Optional.of("alice"));
    }

    @Test
    void goGetPageOfAProtectedRepositoryIsPublicAndOtherRepositoriesStayOpen() throws Exception {
        assertThat(get(viaProxy, "http://git.example.test/org/private?go-get=1").statusCode())
                .isEqualTo(200);
        assertThat(get(viaProxy, "http://git.example.test/org/repo.git/info/refs?service=git-upload-pack")
                        .statusCode())
                .isEqualTo(200);
        assertThat(server.requiresAuth("org/private")).isTrue();
        assertThat(server.requiresAuth("org/repo")).isFalse();
    }

    @Test
    void basicAuthForEveryRepositoryLeavesTheGoGetPagesOpen() throws Exception {
        try (GitHttpServer all = GitHttpServer.start(server.root()).requireBasicAuth("bob", "pw")) {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", all.port())))
                    .build();
            String refs = "http://git.example.test/org/repo.git/info/refs?service=git-upload-pack";

            assertThat(get(client, refs).statusCode()).isEqualTo(401);
            assertThat(get(client, refs, "Authorization", basic("bob", "pw")).statusCode())
                    .isEqualTo(200);
            assertThat(get(client, "http://git.example.test/org/repo?go-get=1").statusCode())
                    .isEqualTo(200);
            // A repository's own credentials replace the server-wide ones.
            assertThat(get(
                                    client,
                                    "http://git.example.test/org/private.git/info/refs?service=git-upload-pack",
                                    "Authorization",
                                    basic("bob", "pw"))
                            .statusCode())
                    .isEqualTo(200);
            all.requireBasicAuth("org/private", "alice", "s3cret");
            assertThat(get(
                                    client,
                                    "http://git.example.test/org/private.git/info/refs?service=git-upload-pack",
                                    "Authorization",
                                    basic("bob", "pw"))
                            .statusCode())
                    .isEqualTo(401);
            assertThat(all.requiresAuth("org/repo")).isTrue();
        }
    }

    @Test
    void systemGitWithoutCredentialsFailsWithoutPrompting() {
        assertThatThrownBy(() -> GitRunner.run(
                        temp,
                        Map.of("http_proxy", server.proxyUrl()),
                        "ls-remote",
                        GitHttpServer.repoUrl("org/private")))
                .hasMessageContaining("terminal prompts disabled");
        assertThat(server.requestLog()).extracting(GitRequest::status).containsOnly(401);
    }

    @Test
    void unavailableServerAnswers503ToEverything() throws Exception {
        server.setAvailable(false);

        assertThat(get(viaProxy, "http://git.example.test/org/repo?go-get=1").statusCode())
                .isEqualTo(503);
        assertThat(get(viaProxy, "http://git.example.test/org/repo.git/info/refs?service=git-upload-pack")
                        .statusCode())
                .isEqualTo(503);
        server.setAvailable(true);
        assertThat(get(viaProxy, "http://git.example.test/org/repo?go-get=1").statusCode())
                .isEqualTo(200);
        assertThat(server.requestLog()).extracting(GitRequest::status).containsExactly(503, 503, 200);
    }

    @Test
    void proxyRequestsForOtherHostsAreRefusedAndLogged() throws Exception {
        HttpResponse<String> response = get(viaProxy, "http://proxy.example.test/example.test/m/@v/list");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(server.requestLog().getFirst())
                .extracting(GitRequest::host, GitRequest::status)
                .containsExactly("proxy.example.test", 502);
    }

    @Test
    void unknownRepositoryPathsAreNotFound() throws Exception {
        assertThat(get(viaProxy, "http://git.example.test/org/missing.git/info/refs?service=git-upload-pack")
                        .statusCode())
                .isEqualTo(404);
        assertThat(server.requests("/org/missing")).isEqualTo(1);
        assertThat(server.requests("org/repo")).isZero();
    }
}
