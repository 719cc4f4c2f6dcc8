package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.EgressProxy;
import io.modvault.core.testing.SelfSignedTls;
import io.modvault.core.upstream.UpstreamResult.Failed;
import io.modvault.core.upstream.UpstreamResult.Found;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corporate egress end to end at the transport: a proxy that demands Basic credentials, reached
 * with the credentials written in HTTPS_PROXY/HTTP_PROXY (percent-encoded), and an https origin
 * whose certificate only a CA file makes trusted. Host names are made up; only the proxy knows
 * where they lead, so a request that skipped the proxy could not succeed. The surefire JVM runs
 * with {@code jdk.http.auth.tunneling.disabledSchemes} empty, as {@code Main} sets it.
 */
class AuthenticatingProxyEgressTest {

    private static final String LIST = "example.com/m/@v/list";
    private static final String PASSWORD = "s3cr@t:x+y";
    private static final String ENCODED = "alice:s3cr%40t%3Ax+y";

    @TempDir
    Path temp;

    private LoopbackHttpServer origin;
    private EgressProxy proxy;
    private HttpTransport transport;

    @BeforeEach
    void start() throws Exception {
        origin = LoopbackHttpServer.start();
        origin.handle("/" + LIST, ex -> LoopbackHttpServer.respond(ex, 200, null, "v1.0.0\n"));
        proxy = EgressProxy.start("alice", PASSWORD)
                .routeTls(
                        "modules.example.test:443",
                        origin.base().getPort(),
                        SelfSignedTls.forSan("dns:modules.example.test").serverContext())
                .route("plain.example.test:80", origin.base().getPort());
    }

    @AfterEach
    void stop() throws Exception {
        if (transport != null) {
            transport.close();
        }
        proxy.close();
        origin.close();
    }

    private HttpUpstreamClient client(String base, String userInfo, Optional<Path> caFile) {
        String proxyUrl = "http://" + userInfo + "@127.0.0.1:" + proxy.port();
        HttpUpstreamSettings settings = new HttpUpstreamSettings(
                        Duration.ofSeconds(2), Duration.ofSeconds(5), Optional.empty(), "modvault/test")
                .withEgress(EnvironmentProxySelector.of(Map.of("HTTPS_PROXY", proxyUrl, "HTTP_PROXY", proxyUrl)));
        HttpUpstreamSettings trusted = caFile.map(
                        file -> settings.withTls(TrustBundle.withFile(file).sslContext()))
                .orElse(settings);
        transport = HttpTransport.create(trusted);
        return new HttpUpstreamClient(URI.create(base), transport);
    }

    private Path caFile() throws Exception {
        Path file = temp.resolve("corp-ca.pem");
        Files.writeString(file, SelfSignedTls.forSan("dns:modules.example.test").certificatePem());
        return file;
    }

    @Test
    void httpsUpstreamIsReachedThroughAConnectTunnelWithTheProxyCredentialsAndTheCaFile() throws Exception {
        UpstreamResult<byte[]> result = client("https://modules.example.test", ENCODED, Optional.of(caFile()))
                .fetchBytes(LIST, 1024);

        assertThat(result).isInstanceOf(Found.class);
        assertThat(new String(((Found<byte[]>) result).body(), StandardCharsets.UTF_8))
                .isEqualTo("v1.0.0\n");
        assertThat(proxy.requests())
                .last()
                .isEqualTo(new EgressProxy.Request("CONNECT modules.example.test:443 HTTP/1.1", true));
    }

    @Test
    void plainHttpUpstreamIsForwardedWithTheProxyCredentials() {
        UpstreamResult<byte[]> result =
                client("http://plain.example.test", ENCODED, Optional.empty()).fetchBytes(LIST, 1024);

        assertThat(result).isInstanceOf(Found.class);
        assertThat(proxy.requests())
                .last()
                .isEqualTo(new EgressProxy.Request("GET http://plain.example.test/" + LIST + " HTTP/1.1", true));
    }

    @Test
    void withoutTheCaFileTheHttpsUpstreamFailsNamingIt() {
        UpstreamResult<byte[]> result = client("https://modules.example.test", ENCODED, Optional.empty())
                .fetchBytes(LIST, 1024);

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(result.upstream()).isEqualTo("https://modules.example.test");
        assertThat(((Failed<byte[]>) result).reason()).doesNotContain("s3cr");
    }

    @Test
    void wrongCredentialsFailWithoutShowingThem() throws Exception {
        UpstreamResult<byte[]> result = client("https://modules.example.test", "alice:wr0ng", Optional.of(caFile()))
                .fetchBytes(LIST, 1024);

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed<byte[]>) result).reason()).doesNotContain("wr0ng").doesNotContain("alice");
        assertThat(proxy.requests()).allSatisfy(r -> assertThat(r.authorized()).isFalse());
    }
}
