package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.upstream.UpstreamResult.Failed;
import io.modvault.core.upstream.UpstreamResult.Found;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests really travel through the proxy HTTPS_PROXY/HTTP_PROXY name: a fake forward proxy on
 * loopback records what it was asked. Upstream host names never resolve: through a proxy the
 * client does not look them up, so the test stays hermetic.
 */
class ProxyRoutingTest {

    private static final String LIST = "example.com/m/@v/list";

    private RawHttpServer proxy;
    private HttpTransport transport;

    @BeforeEach
    void start() throws Exception {
        proxy = RawHttpServer.start((head, out, server) -> {
            if (head.requestLine().startsWith("CONNECT ")) {
                RawHttpServer.write(out, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            } else {
                RawHttpServer.write(
                        out,
                        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 7\r\n"
                                + "Connection: close\r\n\r\nv1.0.0\n");
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (transport != null) {
            transport.close();
        }
        proxy.close();
    }

    private HttpUpstreamClient client(String base, Map<String, String> env) {
        transport = HttpTransport.create(new HttpUpstreamSettings(
                        Duration.ofSeconds(2), Duration.ofSeconds(5), Optional.empty(), "modvault/test")
                .withProxySelector(EnvironmentProxySelector.of(env)));
        return new HttpUpstreamClient(URI.create(base), transport);
    }

    @Test
    void sendsHttpUpstreamRequestsToHttpProxyInAbsoluteForm() {
        HttpUpstreamClient client =
                client("http://modules.example.internal/gp", Map.of("HTTP_PROXY", "127.0.0.1:" + proxy.port()));

        UpstreamResult<byte[]> result = client.fetchBytes(LIST, 1024);

        assertThat(result).isInstanceOf(Found.class);
        assertThat(new String(((Found<byte[]>) result).body(), StandardCharsets.UTF_8))
                .isEqualTo("v1.0.0\n");
        assertThat(proxy.requests()).singleElement().satisfies(head -> {
            assertThat(head.requestLine()).isEqualTo("GET http://modules.example.internal/gp/" + LIST + " HTTP/1.1");
            assertThat(head.headers()).containsEntry("user-agent", "modvault/test");
        });
    }

    @Test
    void tunnelsHttpsUpstreamRequestsThroughHttpsProxyWithConnect() {
        HttpUpstreamClient client =
                client("https://modules.example.internal", Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()));

        UpstreamResult<byte[]> result = client.fetchBytes(LIST, 1024);

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(proxy.requests())
                .singleElement()
                .satisfies(head ->
                        assertThat(head.requestLine()).isEqualTo("CONNECT modules.example.internal:443 HTTP/1.1"));
    }

    @Test
    void loopbackUpstreamBypassesTheProxy() throws Exception {
        try (LoopbackHttpServer upstream = LoopbackHttpServer.start()) {
            upstream.handle("/" + LIST, ex -> LoopbackHttpServer.respond(ex, 200, null, "v2.0.0\n"));
            HttpUpstreamClient client =
                    client(upstream.base().toString(), Map.of("HTTP_PROXY", "127.0.0.1:" + proxy.port()));

            UpstreamResult<byte[]> result = client.fetchBytes(LIST, 1024);

            assertThat(result).isInstanceOf(Found.class);
            assertThat(upstream.requests()).hasSize(1);
            assertThat(proxy.requests()).isEmpty();
        }
    }

    /*
     * 0.0.0.0 is not loopback to Go's rules (so the proxy applies), yet the JDK connects to it as
     * 127.0.0.1: a hermetic stand-in for a real non-loopback upstream.
     */
    @Test
    void unspecifiedAddressIsProxiedWithoutANoProxyEntry() throws Exception {
        try (LoopbackHttpServer upstream = LoopbackHttpServer.start()) {
            HttpUpstreamClient client = client(
                    "http://0.0.0.0:" + upstream.base().getPort(), Map.of("HTTP_PROXY", "127.0.0.1:" + proxy.port()));

            assertThat(client.fetchBytes(LIST, 1024)).isInstanceOf(Found.class);
            assertThat(proxy.requests())
                    .singleElement()
                    .satisfies(head -> assertThat(head.requestLine())
                            .isEqualTo("GET http://0.0.0.0:" + upstream.base().getPort() + "/" + LIST + " HTTP/1.1"));
            assertThat(upstream.requests()).isEmpty();
        }
    }

    @Test
    void noProxyEntrySendsMatchingUpstreamDirect() throws Exception {
        try (LoopbackHttpServer upstream = LoopbackHttpServer.start()) {
            upstream.handle("/" + LIST, ex -> LoopbackHttpServer.respond(ex, 200, null, "v3.0.0\n"));
            HttpUpstreamClient client = client(
                    "http://0.0.0.0:" + upstream.base().getPort(),
                    Map.of("HTTP_PROXY", "127.0.0.1:" + proxy.port(), "NO_PROXY", "corp.example,0.0.0.0/32"));

            UpstreamResult<byte[]> result = client.fetchBytes(LIST, 1024);

            assertThat(result).isInstanceOf(Found.class);
            assertThat(new String(((Found<byte[]>) result).body(), StandardCharsets.UTF_8))
                    .isEqualTo("v3.0.0\n");
            assertThat(upstream.requests()).hasSize(1);
            assertThat(proxy.requests()).isEmpty();
        }
    }
}
