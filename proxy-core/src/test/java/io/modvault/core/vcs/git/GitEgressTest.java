package io.modvault.core.vcs.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The go command's proxy and trust settings, as git's libcurl needs to be told them. */
class GitEgressTest {

    @Test
    void copiesUpperCaseHttpProxyForCurlWhichIgnoresIt() {
        Map<String, String> env =
                GitEgress.environment(Map.of("HTTP_PROXY", "http://u:p@egress:8080"), Optional.empty());

        assertThat(env).containsEntry("http_proxy", "http://u:p@egress:8080");
        assertThat(GitEgress.environment(
                        Map.of("HTTP_PROXY", "http://a:1", "http_proxy", "http://b:2"), Optional.empty()))
                .containsEntry("http_proxy", "http://b:2");
    }

    @Test
    void socks5LetsTheProxyResolveNamesAsInGo() {
        Map<String, String> env = GitEgress.environment(
                Map.of("HTTPS_PROXY", "socks5://u:p@egress:1080", "ALL_PROXY", "SOCKS5://egress:1080"),
                Optional.empty());

        assertThat(env)
                .containsEntry("HTTPS_PROXY", "socks5h://u:p@egress:1080")
                .containsEntry("ALL_PROXY", "socks5h://egress:1080");
    }

    @Test
    void caBundleBecomesGitSslCaInfoUnlessTheOperatorSetOne() {
        Path bundle = Path.of("/data/git-ca-bundle.pem");

        assertThat(GitEgress.environment(Map.of(), Optional.of(bundle)))
                .containsEntry("GIT_SSL_CAINFO", "/data/git-ca-bundle.pem");
        assertThat(GitEgress.environment(Map.of("GIT_SSL_CAINFO", "/etc/own.pem"), Optional.of(bundle)))
                .containsEntry("GIT_SSL_CAINFO", "/etc/own.pem");
    }

    @Test
    void httpsProxyCertificateIsCheckedAgainstTheBundleToo() {
        Map<String, String> env = GitEgress.environment(
                Map.of("HTTPS_PROXY", "https://egress:443", "GIT_CONFIG_COUNT", "1"),
                Optional.of(Path.of("/data/git-ca-bundle.pem")));

        assertThat(env)
                .containsEntry("GIT_CONFIG_KEY_1", "http.proxySSLCAInfo")
                .containsEntry("GIT_CONFIG_VALUE_1", "/data/git-ca-bundle.pem")
                .containsEntry("GIT_CONFIG_COUNT", "2");
    }
}
