package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proxy choice from HTTPS_PROXY / HTTP_PROXY / NO_PROXY with Go's httpproxy semantics. */
class EnvironmentProxySelectorTest {

    private static final Map<String, String> BOTH = Map.of(
            "HTTPS_PROXY", "http://secure-egress.corp:3128",
            "HTTP_PROXY", "http://plain-egress.corp:8080");

    private static String via(EnvironmentProxySelector selector, String url) {
        List<Proxy> proxies = selector.select(URI.create(url));
        assertThat(proxies).hasSize(1);
        if (proxies.get(0).type() == Proxy.Type.DIRECT) {
            return "direct";
        }
        InetSocketAddress address = (InetSocketAddress) proxies.get(0).address();
        return address.getHostString() + ":" + address.getPort();
    }

    private static EnvironmentProxySelector withNoProxy(String noProxy) {
        return EnvironmentProxySelector.of(
                Map.of("HTTPS_PROXY", "egress:3128", "HTTP_PROXY", "egress:3128", "NO_PROXY", noProxy));
    }

    @Test
    void usesHttpsProxyForHttpsAndHttpProxyForHttpOnly() {
        EnvironmentProxySelector selector = EnvironmentProxySelector.of(BOTH);

        assertThat(via(selector, "https://proxy.golang.org/x")).isEqualTo("secure-egress.corp:3128");
        assertThat(via(selector, "http://corp.example/gp/x")).isEqualTo("plain-egress.corp:8080");
        assertThat(via(selector, "ftp://corp.example/x")).isEqualTo("direct");
        assertThat(selector.proxies()).isTrue();
    }

    @Test
    void neverFallsBackFromHttpsProxyToHttpProxy() {
        EnvironmentProxySelector onlyHttp = EnvironmentProxySelector.of(Map.of("HTTP_PROXY", "egress:8080"));
        EnvironmentProxySelector onlyHttps = EnvironmentProxySelector.of(Map.of("HTTPS_PROXY", "egress:3128"));

        assertThat(via(onlyHttp, "https://proxy.golang.org/x")).isEqualTo("direct");
        assertThat(via(onlyHttps, "http://corp.example/x")).isEqualTo("direct");
        assertThat(EnvironmentProxySelector.of(Map.of()).proxies()).isFalse();
    }

    @Test
    void prefersUpperCaseVariablesAndSkipsEmptyOnes() {
        assertThat(via(
                        EnvironmentProxySelector.of(Map.of("HTTPS_PROXY", "upper:1", "https_proxy", "lower:2")),
                        "https://x.example"))
                .isEqualTo("upper:1");
        assertThat(via(
                        EnvironmentProxySelector.of(Map.of("HTTPS_PROXY", "", "https_proxy", "lower:2")),
                        "https://x.example"))
                .isEqualTo("lower:2");
        assertThat(via(
                        EnvironmentProxySelector.of(Map.of("HTTPS_PROXY", "p:1", "no_proxy", "x.example")),
                        "https://x.example"))
                .isEqualTo("direct");
    }

    @Test
    void proxyValueWithoutSchemeIsHttpAndDefaultsToPort80() {
        assertThat(via(EnvironmentProxySelector.of(Map.of("HTTPS_PROXY", "10.1.2.3:3128")), "https://x.example"))
                .isEqualTo("10.1.2.3:3128");
        assertThat(via(EnvironmentProxySelector.of(Map.of("HTTPS_PROXY", "egress.corp")), "https://x.example"))
                .isEqualTo("egress.corp:80");
        assertThat(via(EnvironmentProxySelector.of(Map.of("HTTPS_PROXY", "http://egress.corp/")), "https://x.example"))
                .isEqualTo("egress.corp:80");
    }

    @Test
    void socks5AndHttpsProxiesAreReachedThroughALoopbackBridge() {
        try (EnvironmentProxySelector selector = EnvironmentProxySelector.of(
                Map.of("HTTPS_PROXY", "https://egress:443", "http_proxy", "socks5://bob:pw@egress:1080"))) {
            assertThat(via(selector, "https://x.example")).startsWith("127.0.0.1:");
            assertThat(via(selector, "http://x.example"))
                    .startsWith("127.0.0.1:")
                    .isNotEqualTo(via(selector, "https://x.example"));
            assertThat(selector.authenticator()).isPresent();
            assertThat(selector.toString())
                    .contains("HTTPS_PROXY=https://egress:443", "HTTP_PROXY=socks5://egress:1080")
                    .doesNotContain("pw");
        }
    }

    @Test
    void proxyCredentialsArePercentDecodedAndGivenOnlyToThatProxy() throws Exception {
        EnvironmentProxySelector selector = EnvironmentProxySelector.of(
                Map.of("HTTPS_PROXY", "http://bob%40corp:p%3Aw%2Fd+1@egress:3128", "HTTP_PROXY", "plain:8080"));

        assertThat(via(selector, "https://x.example")).isEqualTo("egress:3128");
        Authenticator authenticator = selector.authenticator().orElseThrow();
        PasswordAuthentication answer = authenticator.requestPasswordAuthenticationInstance(
                "egress", null, 3128, "http", "egress", "basic", null, Authenticator.RequestorType.PROXY);
        assertThat(answer.getUserName()).isEqualTo("bob@corp");
        assertThat(new String(answer.getPassword())).isEqualTo("p:w/d+1");
        assertThat(authenticator.requestPasswordAuthenticationInstance(
                        "plain", null, 8080, "http", "plain", "basic", null, Authenticator.RequestorType.PROXY))
                .isNull();
        assertThat(authenticator.requestPasswordAuthenticationInstance(
                        "egress", null, 3128, "https", "origin", "basic", null, Authenticator.RequestorType.SERVER))
                .isNull();
        assertThat(selector.toString() + authenticator).doesNotContain("p:w", "p%3A", "bob");
    }

    @Test
    void noAuthenticatorWithoutCredentials() {
        assertThat(EnvironmentProxySelector.of(BOTH).authenticator()).isEmpty();
    }

    @Test
    void neverProxiesLoopbackOrLocalhost() {
        EnvironmentProxySelector selector = EnvironmentProxySelector.of(BOTH);

        assertThat(via(selector, "http://localhost:8080/x")).isEqualTo("direct");
        assertThat(via(selector, "http://127.0.0.1:8080/x")).isEqualTo("direct");
        assertThat(via(selector, "https://127.45.6.7/x")).isEqualTo("direct");
        assertThat(via(selector, "https://[::1]:8443/x")).isEqualTo("direct");
        assertThat(via(selector, "https://localhost.corp/x")).isEqualTo("secure-egress.corp:3128");
        assertThat(via(selector, "https://128.0.0.1/x")).isEqualTo("secure-egress.corp:3128");
    }

    @Test
    void domainEntryMatchesItselfAndSubdomainsButNotLookalikes() {
        EnvironmentProxySelector selector = withNoProxy("corp.example");

        assertThat(via(selector, "https://corp.example/x")).isEqualTo("direct");
        assertThat(via(selector, "https://git.corp.example/x")).isEqualTo("direct");
        assertThat(via(selector, "https://a.b.corp.example/x")).isEqualTo("direct");
        assertThat(via(selector, "https://notcorp.example/x")).isEqualTo("egress:3128");
        assertThat(via(selector, "https://corp.example.evil/x")).isEqualTo("egress:3128");
    }

    @Test
    void leadingDotOrStarDotMatchesSubdomainsOnly() {
        for (String entry : new String[] {".corp.example", "*.corp.example"}) {
            EnvironmentProxySelector selector = withNoProxy(entry);
            assertThat(via(selector, "https://git.corp.example/x")).as(entry).isEqualTo("direct");
            assertThat(via(selector, "https://corp.example/x")).as(entry).isEqualTo("egress:3128");
        }
    }

    @Test
    void starAloneBypassesEverything() {
        EnvironmentProxySelector selector = withNoProxy("foo.example, *");

        assertThat(via(selector, "https://proxy.golang.org/x")).isEqualTo("direct");
        assertThat(via(selector, "http://10.0.0.1/x")).isEqualTo("direct");
    }

    @Test
    void entryWithPortMatchesOnlyThatPortWithSchemeDefaults() {
        EnvironmentProxySelector selector = withNoProxy("corp.example:8443,mirror.example:443");

        assertThat(via(selector, "https://corp.example:8443/x")).isEqualTo("direct");
        assertThat(via(selector, "https://corp.example/x")).isEqualTo("egress:3128");
        assertThat(via(selector, "https://mirror.example/x")).isEqualTo("direct");
        assertThat(via(selector, "http://mirror.example/x")).isEqualTo("egress:3128");
    }

    @Test
    void ipEntriesMatchExactAddressesOptionallyWithPort() {
        EnvironmentProxySelector selector = withNoProxy("10.1.2.3,10.9.9.9:8080,2001:db8::7,[2001:db8::8]:443");

        assertThat(via(selector, "http://10.1.2.3:1234/x")).isEqualTo("direct");
        assertThat(via(selector, "http://10.1.2.4/x")).isEqualTo("egress:3128");
        assertThat(via(selector, "http://10.9.9.9:8080/x")).isEqualTo("direct");
        assertThat(via(selector, "http://10.9.9.9/x")).isEqualTo("egress:3128");
        assertThat(via(selector, "https://[2001:db8:0::7]/x")).isEqualTo("direct");
        assertThat(via(selector, "https://[2001:db8::8]/x")).isEqualTo("direct");
        assertThat(via(selector, "https://[2001:db8::8]:8443/x")).isEqualTo("egress:3128");
    }

    @Test
    void cidrEntriesMatchAddressesInTheBlock() {
        EnvironmentProxySelector selector = withNoProxy("10.0.0.0/8, 192.168.16.0/20, fd00::/8");

        assertThat(via(selector, "http://10.200.3.4/x")).isEqualTo("direct");
        assertThat(via(selector, "http://11.0.0.1/x")).isEqualTo("egress:3128");
        assertThat(via(selector, "http://192.168.31.255/x")).isEqualTo("direct");
        assertThat(via(selector, "http://192.168.32.0/x")).isEqualTo("egress:3128");
        assertThat(via(selector, "https://[fd12:3456::1]/x")).isEqualTo("direct");
        assertThat(via(selector, "https://[fe80::1]/x")).isEqualTo("egress:3128");
        assertThat(via(selector, "https://10.corp.example/x")).isEqualTo("egress:3128");
    }

    @Test
    void matchesCaseInsensitivelyAndIgnoresBlankOrMalformedEntries() {
        EnvironmentProxySelector selector = withNoProxy(" , CORP.Example ,:80,[,10.0.0.0/99,,");

        assertThat(via(selector, "https://git.corp.EXAMPLE/x")).isEqualTo("direct");
        assertThat(via(selector, "http://other.example/x")).isEqualTo("egress:3128");
        assertThat(via(selector, "http://10.1.1.1/x")).isEqualTo("egress:3128");
    }

    @Test
    void describesItselfForLogs() {
        assertThat(EnvironmentProxySelector.of(BOTH).toString())
                .contains("HTTPS_PROXY=secure-egress.corp:3128", "HTTP_PROXY=plain-egress.corp:8080");
    }
}
