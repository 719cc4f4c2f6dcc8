package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.EgressProxy;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoCommand;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.SelfSignedTls;
import io.modvault.core.testing.SocksProxy;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * modvault (its own JVM, started by {@code Main} as in production) behind a corporate egress
 * proxy that demands credentials: the upstream ({@code https://goproxy.example.test}) and the
 * checksum database ({@code https://sum.example.test}) exist only behind the proxy, which ends
 * their TLS with test certificates that only {@code MODVAULT_CA_FILE} makes trusted. The real go
 * command is the client; the captured output (at DEBUG) is searched for the credentials. The
 * same through a SOCKS5 proxy, which modvault reaches through its loopback bridge.
 */
class CorporateEgressIT {
    private static final String USER = "egress-svc";
    private static final String PASSWORD = "Pr0xy@pass:word";
    private static final String ENCODED_PASSWORD = "Pr0xy%40pass%3Aword";
    private static final String UPSTREAM = "https://goproxy.example.test";
    private static final SelfSignedTls UPSTREAM_CERT = SelfSignedTls.forSan("dns:goproxy.example.test");
    private static final SelfSignedTls SUMDB_CERT = SelfSignedTls.forSan("dns:sum.example.test");

    @TempDir
    Path temp;

    private FakeUpstream upstream;
    private ChecksumDatabaseServer database;
    private EgressProxy proxy;
    private Path log;

    @BeforeEach
    void start() throws Exception {
        upstream = FakeUpstream.start(GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue()));
        database = ChecksumDatabaseServer.forModules("sumdb.test", TestModules.catalogue())
                .start();
        proxy = EgressProxy.start(USER, PASSWORD)
                .routeTls("goproxy.example.test:443", upstream.port(), UPSTREAM_CERT.serverContext())
                .routeTls("sum.example.test:443", URI.create(database.baseUrl()).getPort(), SUMDB_CERT.serverContext());
        log = temp.resolve("modvault.log");
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        database.close();
        upstream.close();
    }

    private Map<String, String> settings(boolean withCaFile) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("HTTPS_PROXY", "http://" + USER + ":" + ENCODED_PASSWORD + "@127.0.0.1:" + proxy.port());
        settings.put("NO_PROXY", "");
        settings.put("GOSUMDB", database.verifierKey() + " https://sum.example.test");
        settings.put("MODVAULT_SUMDB_PROXY", "on");
        settings.put("MODVAULT_LOG_LEVEL", "DEBUG");
        if (withCaFile) {
            Path caFile = temp.resolve("corporate-ca.pem");
            Files.writeString(caFile, UPSTREAM_CERT.certificatePem() + SUMDB_CERT.certificatePem());
            settings.put("MODVAULT_CA_FILE", caFile.toString());
        }
        return settings;
    }

    @Test
    void goCommandGetsVerifiedModulesThroughTheAuthenticatingProxyAndTheCredentialsNeverReachTheLog() throws Exception {
        try (ModvaultProcess modvault =
                ModvaultProcess.start(temp.resolve("data"), UPSTREAM, freePort(), log, settings(true))) {
            GoCommand go = GoCommand.create(temp.resolve("go"))
                    .withProxy(modvault.baseUrl())
                    .withSumdb(database.verifierKey());
            for (TestModule module : TestModules.catalogue()) {
                go.run(temp, "mod", "download", "-json", module.coordinate()).requireSuccess();
            }
            modvault.terminate(); // flushes the log before it is read
        }

        assertThat(proxy.requests())
                .contains(
                        new EgressProxy.Request("CONNECT goproxy.example.test:443 HTTP/1.1", true),
                        new EgressProxy.Request("CONNECT sum.example.test:443 HTTP/1.1", true));
        assertThat(upstream.totalRequests()).isPositive();
        assertThat(database.lookups()).isNotEmpty();
        String output = Files.readString(log);
        String token = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(output)
                .contains("modvault listening")
                .doesNotContain(PASSWORD)
                .doesNotContain(ENCODED_PASSWORD)
                .doesNotContain(token)
                .doesNotContain(USER);
    }

    @Test
    void withoutTheCaFileTheUntrustedHttpsUpstreamAnswers502NamingIt() throws Exception {
        TestModule module = TestModules.catalogue().getFirst();
        try (ModvaultProcess modvault =
                ModvaultProcess.start(temp.resolve("data"), UPSTREAM, freePort(), log, settings(false))) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(modvault.baseUrl() + "/" + GoProxyTree.modPath(module)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).contains(UPSTREAM);
        }
        assertThat(Files.readString(log)).doesNotContain(PASSWORD).doesNotContain(ENCODED_PASSWORD);
    }

    @Test
    void unreadableCaFileStopsStartUpWithOneLineNamingTheSetting() throws Exception {
        Map<String, String> settings = settings(false);
        settings.put("MODVAULT_CA_FILE", temp.resolve("missing.pem").toString());

        String output = failedStart(settings);

        assertThat(output.lines().filter(line -> line.contains("MODVAULT_CA_FILE")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("missing.pem"));
    }

    @Test
    void goCommandGetsModulesThroughASocks5ProxyWithCredentials() throws Exception {
        try (SocksProxy socks = SocksProxy.start(USER, PASSWORD)
                .routeTls("goproxy.example.test:443", upstream.port(), UPSTREAM_CERT.serverContext())
                .routeTls(
                        "sum.example.test:443", URI.create(database.baseUrl()).getPort(), SUMDB_CERT.serverContext())) {
            Map<String, String> settings = settings(true);
            settings.put("HTTPS_PROXY", "socks5://" + USER + ":" + ENCODED_PASSWORD + "@127.0.0.1:" + socks.port());
            TestModule module = TestModules.catalogue().getFirst();
            try (ModvaultProcess modvault =
                    ModvaultProcess.start(temp.resolve("data"), UPSTREAM, freePort(), log, settings)) {
                GoCommand.create(temp.resolve("go"))
                        .withProxy(modvault.baseUrl())
                        .withSumdb(database.verifierKey())
                        .run(temp, "mod", "download", "-json", module.coordinate())
                        .requireSuccess();
                modvault.terminate();
            }
            assertThat(socks.connects()).contains("goproxy.example.test:443", "sum.example.test:443");
        }
        assertThat(Files.readString(log)).doesNotContain(PASSWORD).doesNotContain(ENCODED_PASSWORD);
    }

    @Test
    void malformedProxyAddressStopsStartUpNamingTheVariableWithoutItsCredentials() throws Exception {
        Map<String, String> settings = settings(true);
        settings.put("HTTPS_PROXY", "http://" + USER + ":" + ENCODED_PASSWORD + "@[not-an-address");

        String output = failedStart(settings);

        assertThat(output).contains("HTTPS_PROXY: invalid proxy address");
        assertThat(output).doesNotContain(ENCODED_PASSWORD).doesNotContain(PASSWORD);
    }

    /** Starts modvault expecting it to give up at once with status 2; returns its output. */
    private String failedStart(Map<String, String> settings) throws Exception {
        Process process = ModvaultProcess.launcher(temp.resolve("data"), UPSTREAM, freePort(), log, settings)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        return Files.readString(log);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
