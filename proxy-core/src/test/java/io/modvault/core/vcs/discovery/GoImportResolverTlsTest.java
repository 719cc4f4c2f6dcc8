package io.modvault.core.vcs.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.modvault.core.policy.RoutingPolicy;
import io.modvault.core.storage.MutableClock;
import io.modvault.core.testing.SelfSignedTls;
import io.modvault.core.upstream.EnvironmentProxySelector;
import io.modvault.core.upstream.HttpUpstreamSettings;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.VcsException.Kind;
import io.modvault.core.vcs.auth.Credentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery over https: {@code git.example.test} is reached through a CONNECT tunnel to a local
 * TLS server whose self-signed certificate names that host. Plain http requests reach a second
 * server, so the tests can tell which scheme was used.
 */
class GoImportResolverTlsTest {

    private static final String TAG = "git.example.test/org/repo git https://git.example.test/org/repo.git";

    @TempDir
    Path home;

    private PageServer plain;
    private PageServer tls;
    private ForwardProxy proxy;
    private GoImportResolver resolver;

    @BeforeEach
    void start() throws Exception {
        plain = PageServer.http();
        tls = PageServer.https(SelfSignedTls.forSan("dns:git.example.test").serverContext());
        proxy = ForwardProxy.to(plain.port());
        proxy.tunnelTo(tls.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (resolver != null) {
            resolver.close();
        }
        proxy.close();
        tls.close();
        plain.close();
    }

    private GoImportResolver resolver(String goinsecure, String credentialSetting, Optional<SSLContext> trust) {
        RoutingPolicy policy = RoutingPolicy.fromSettings(Map.of(RoutingPolicy.GOINSECURE, goinsecure));
        Credentials credentials = Credentials.load(
                Map.of("HOME", home.toString(), Credentials.SETTING, credentialSetting), policy::insecure);
        HttpUpstreamSettings http = new HttpUpstreamSettings(
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                Optional.of(EnvironmentProxySelector.of(proxy.env())),
                "modvault/test");
        resolver = new GoImportResolver(
                DiscoverySettings.defaults(http),
                policy::insecure,
                credentials,
                new MutableClock(Instant.EPOCH),
                trust);
        return resolver;
    }

    @Test
    void sendsCredentialsOverVerifiedHttps() throws Exception {
        tls.goImport("/org/repo?go-get=1", TAG);
        GoImportResolver resolver = resolver(
                "",
                "git.example.test=alice:pw",
                Optional.of(SelfSignedTls.forSan("dns:git.example.test").clientContext()));

        assertThat(resolver.resolve("git.example.test/org/repo"))
                .isEqualTo(new RepoLocation(
                        "git.example.test/org/repo", URI.create("https://git.example.test/org/repo.git"), "git"));
        assertThat(proxy.requestLines()).containsExactly("CONNECT git.example.test:443 HTTP/1.1");
        assertThat(tls.requests())
                .extracting(PageServer.Request::pathAndQuery, PageServer.Request::authorization)
                .containsExactly(tuple("/org/repo?go-get=1", "Basic YWxpY2U6cHc="));
        assertThat(plain.requests()).isEmpty();
    }

    @Test
    void acceptsAnUnverifiedCertificateForAnInsecureHostWithoutFallingBackToHttp() {
        tls.goImport("/org/repo?go-get=1", TAG);
        GoImportResolver resolver = resolver("git.example.test", "", Optional.empty());

        assertThat(resolver.resolve("git.example.test/org/repo").repoRoot()).isEqualTo("git.example.test/org/repo");
        assertThat(tls.requests()).hasSize(1);
        assertThat(plain.requests()).isEmpty();
    }

    @Test
    void refusesAnUnverifiedCertificateOtherwise() {
        tls.goImport("/org/repo?go-get=1", TAG);
        plain.goImport("/org/repo?go-get=1", TAG);
        GoImportResolver resolver = resolver("", "", Optional.empty());

        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/repo"))
                .isInstanceOf(VcsException.class)
                .hasFieldOrPropertyWithValue("kind", Kind.FAILED)
                .hasMessageStartingWith("unrecognized import path \"git.example.test/org/repo\": https fetch: ");
        assertThat(tls.requests()).isEmpty();
        assertThat(plain.requests()).isEmpty();
    }

    @Test
    void refusesARedirectFromHttpsToHttpUnlessTheHostIsInsecure() throws Exception {
        tls.redirect("/org/repo?go-get=1", "http://git.example.test/org/repo-page?go-get=1");
        plain.goImport("/org/repo-page?go-get=1", TAG);

        assertThatThrownBy(() -> resolver(
                                "",
                                "",
                                Optional.of(SelfSignedTls.forSan("dns:git.example.test")
                                        .clientContext()))
                        .resolve("git.example.test/org/repo"))
                .hasFieldOrPropertyWithValue("kind", Kind.FAILED)
                .hasMessageEndingWith(
                        "redirected from secure URL https://git.example.test/org/repo?go-get=1 to insecure "
                                + "URL http://git.example.test/org/repo-page?go-get=1");
        assertThat(plain.requests()).isEmpty();
        resolver.close();

        assertThat(resolver("git.example.test", "", Optional.empty())
                        .resolve("git.example.test/org/repo")
                        .repoRoot())
                .isEqualTo("git.example.test/org/repo");
        assertThat(plain.requests())
                .extracting(PageServer.Request::target)
                .containsExactly("http://git.example.test/org/repo-page?go-get=1");
    }
}
