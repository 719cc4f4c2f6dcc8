package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.SelfSignedTls;
import io.modvault.core.upstream.UpstreamResult.Failed;
import io.modvault.core.upstream.UpstreamResult.Found;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credentials and redirects over https, against a loopback server with a throw-away certificate. */
class HttpUpstreamClientTlsTest {

    private static final String LIST = "example.com/m/@v/list";

    private LoopbackHttpServer tls;
    private HttpTransport transport;

    @BeforeEach
    void start() throws Exception {
        tls = LoopbackHttpServer.startTls(SelfSignedTls.forSan("ip:127.0.0.1").serverContext());
        transport = HttpTransport.create(
                new HttpUpstreamSettings(
                        Duration.ofSeconds(2), Duration.ofSeconds(5), Optional.empty(), "modvault/test"),
                SelfSignedTls.forSan("ip:127.0.0.1").clientContext());
    }

    @AfterEach
    void stop() {
        tls.close();
        transport.close();
    }

    private URI withUserInfo(URI base, String userInfo) {
        return URI.create(base.getScheme() + "://" + userInfo + "@" + base.getRawAuthority() + "/gp");
    }

    @Test
    void sendsUserinfoAsBasicAuthOverHttps() {
        tls.handle("/gp/" + LIST, ex -> LoopbackHttpServer.respond(ex, 200, null, "v1.0.0\n"));
        HttpUpstreamClient client = new HttpUpstreamClient(withUserInfo(tls.base(), "alice:s3cr%40t"), transport);

        UpstreamResult<byte[]> result = client.fetchBytes(LIST, 1024);

        assertThat(result).isInstanceOf(Found.class);
        assertThat(result.upstream()).isEqualTo(tls.base() + "/gp");
        String expected =
                "Basic " + Base64.getEncoder().encodeToString("alice:s3cr@t".getBytes(StandardCharsets.UTF_8));
        assertThat(tls.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo(expected));
    }

    @Test
    void sendsNoAuthorizationWithoutUserinfo() {
        tls.handle("/" + LIST, ex -> LoopbackHttpServer.respond(ex, 200, null, "v1.0.0\n"));

        assertThat(new HttpUpstreamClient(tls.base(), transport).fetchBytes(LIST, 1024))
                .isInstanceOf(Found.class);
        assertThat(tls.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isNull());
    }

    @Test
    void refusesRedirectFromHttpsToHttp() throws Exception {
        try (LoopbackHttpServer plain = LoopbackHttpServer.start()) {
            plain.handle("/" + LIST, ex -> LoopbackHttpServer.respond(ex, 200, null, "v1.0.0\n"));
            tls.handle("/" + LIST, ex -> {
                ex.getResponseHeaders().set("Location", plain.base() + "/" + LIST);
                LoopbackHttpServer.respond(ex, 302, null, "");
            });

            UpstreamResult<byte[]> result = new HttpUpstreamClient(tls.base(), transport).fetchBytes(LIST, 1024);

            assertThat(result)
                    .isEqualTo(new Failed<byte[]>(
                            tls.base().toString(),
                            "redirected from secure URL " + tls.base() + "/" + LIST + " to insecure URL " + plain.base()
                                    + "/" + LIST,
                            false));
            assertThat(plain.requests()).isEmpty();
        }
    }

    @Test
    void followsHttpsRedirectToAnotherOriginWithoutForwardingCredentials() throws Exception {
        try (LoopbackHttpServer cdn =
                LoopbackHttpServer.startTls(SelfSignedTls.forSan("ip:127.0.0.1").serverContext())) {
            cdn.handle("/blob/1", ex -> LoopbackHttpServer.respond(ex, 200, null, "zipbytes"));
            tls.handle("/gp/m/@v/v1.0.0.zip", ex -> {
                ex.getResponseHeaders().set("Location", cdn.base() + "/blob/1");
                LoopbackHttpServer.respond(ex, 307, null, "");
            });
            HttpUpstreamClient client = new HttpUpstreamClient(withUserInfo(tls.base(), "alice:pw"), transport);

            UpstreamResult<byte[]> result = client.fetchBytes("m/@v/v1.0.0.zip", 1024);

            assertThat(result).isInstanceOf(Found.class);
            assertThat(new String(((Found<byte[]>) result).body(), StandardCharsets.UTF_8))
                    .isEqualTo("zipbytes");
            assertThat(tls.requests())
                    .singleElement()
                    .satisfies(r -> assertThat(r.header("Authorization")).isNotNull());
            assertThat(cdn.requests())
                    .singleElement()
                    .satisfies(r -> assertThat(r.header("Authorization")).isNull());
        }
    }
}
