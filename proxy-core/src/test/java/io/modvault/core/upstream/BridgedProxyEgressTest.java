package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.EgressProxy;
import io.modvault.core.testing.SelfSignedTls;
import io.modvault.core.testing.SocksProxy;
import io.modvault.core.upstream.UpstreamResult.Failed;
import io.modvault.core.upstream.UpstreamResult.Found;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy forms the JDK client cannot use itself, reached through a loopback bridge: a SOCKS5
 * proxy with user/password (names resolved by the proxy: the made-up host names exist only in its
 * routes) and an https:// proxy (TLS to the proxy, its certificate trusted through the CA file).
 */
class BridgedProxyEgressTest {

    private static final String LIST = "example.com/m/@v/list";
    private static final SelfSignedTls ORIGIN_CERT = SelfSignedTls.forSan("dns:modules.example.test");
    private static final SelfSignedTls PROXY_CERT = SelfSignedTls.forSan("ip:127.0.0.1");

    @TempDir
    Path temp;

    private LoopbackHttpServer plainOrigin;
    private LoopbackHttpServer tlsOrigin;
    private EnvironmentProxySelector egress;
    private HttpTransport transport;

    @BeforeEach
    void start() throws Exception {
        plainOrigin = LoopbackHttpServer.start();
        plainOrigin.handle("/" + LIST, ex -> LoopbackHttpServer.respond(ex, 200, null, "plain\n"));
        tlsOrigin = LoopbackHttpServer.startTls(ORIGIN_CERT.serverContext());
        tlsOrigin.handle("/" + LIST, ex -> LoopbackHttpServer.respond(ex, 200, null, "tls\n"));
    }

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (egress != null) {
            egress.close();
        }
        tlsOrigin.close();
        plainOrigin.close();
    }

    private SSLContext trust() throws Exception {
        Path file = temp.resolve("ca.pem");
        Files.writeString(file, ORIGIN_CERT.certificatePem() + PROXY_CERT.certificatePem());
        return TrustBundle.withFile(file).sslContext();
    }

    private String fetch(String base, String proxyUrl) throws Exception {
        SSLContext trust = trust();
        egress = EnvironmentProxySelector.of(
                Map.of("HTTPS_PROXY", proxyUrl, "HTTP_PROXY", proxyUrl), Optional.of(trust), Duration.ofSeconds(2));
        transport = HttpTransport.create(new HttpUpstreamSettings(
                        Duration.ofSeconds(2), Duration.ofSeconds(5), Optional.empty(), "modvault/test")
                .withEgress(egress)
                .withTls(trust));
        UpstreamResult<byte[]> result = new HttpUpstreamClient(URI.create(base), transport).fetchBytes(LIST, 1024);
        if (result instanceof Failed<byte[]> failed) {
            return "failed: " + failed.reason();
        }
        return new String(((Found<byte[]>) result).body(), StandardCharsets.UTF_8);
    }

    @Test
    void socks5ProxyWithCredentialsCarriesHttpsAndHttpUpstreams() throws Exception {
        try (SocksProxy socks = SocksProxy.start("bob", "p@ss")
                .route("modules.example.test:443", tlsOrigin.base().getPort())
                .route("plain.example.test:80", plainOrigin.base().getPort())) {
            String url = "socks5://bob:p%40ss@127.0.0.1:" + socks.port();

            assertThat(fetch("https://modules.example.test", url)).isEqualTo("tls\n");
            transport.close();
            egress.close();
            assertThat(fetch("http://plain.example.test", url)).isEqualTo("plain\n");
            assertThat(socks.connects()).containsExactly("modules.example.test:443", "plain.example.test:80");
            assertThat(egress.toString())
                    .contains("socks5://127.0.0.1:" + socks.port())
                    .doesNotContain("p@ss");
        }
    }

    @Test
    void socks5ProxyRefusingTheCredentialsFailsTheRequest() throws Exception {
        try (SocksProxy socks = SocksProxy.start("bob", "right")
                .route("modules.example.test:443", tlsOrigin.base().getPort())) {
            String answer = fetch("https://modules.example.test", "socks5://bob:wrong@127.0.0.1:" + socks.port());

            assertThat(answer).startsWith("failed: ").doesNotContain("wrong");
            assertThat(socks.connects()).isEmpty();
        }
    }

    @Test
    void httpsProxyWithCredentialsCarriesHttpsAndHttpUpstreams() throws Exception {
        try (EgressProxy proxy = EgressProxy.startTls("carol", "s3cret", PROXY_CERT.serverContext())
                .route("modules.example.test:443", tlsOrigin.base().getPort())
                .route("plain.example.test:80", plainOrigin.base().getPort())) {
            String url = "https://carol:s3cret@127.0.0.1:" + proxy.port();

            assertThat(fetch("https://modules.example.test", url)).isEqualTo("tls\n");
            transport.close();
            egress.close();
            assertThat(fetch("http://plain.example.test", url)).isEqualTo("plain\n");
            assertThat(proxy.requests())
                    .containsExactly(
                            new EgressProxy.Request("CONNECT modules.example.test:443 HTTP/1.1", true),
                            new EgressProxy.Request("GET http://plain.example.test/" + LIST + " HTTP/1.1", true));
        }
    }
}
