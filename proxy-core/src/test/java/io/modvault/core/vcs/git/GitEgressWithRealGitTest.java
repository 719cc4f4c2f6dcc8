package io.modvault.core.vcs.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.EgressProxy;
import io.modvault.core.testing.GitHttpServer;
import io.modvault.core.testing.GitRepoBuilder;
import io.modvault.core.testing.SelfSignedTls;
import io.modvault.core.upstream.TrustBundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system git reaching {@code https://git.example.test} the way a direct fetch does: through an
 * authenticating HTTP proxy named in HTTPS_PROXY (credentials percent-encoded), with the site's
 * test certificate trusted only through the bundle {@link GitEgress} hands over.
 */
class GitEgressWithRealGitTest {
    private static final String REPO_URL = "https://" + GitHttpServer.HOST + "/org/repo.git";
    private static final SelfSignedTls SITE = SelfSignedTls.forSan("dns:" + GitHttpServer.HOST);

    @TempDir
    Path temp;

    private GitHttpServer server;
    private EgressProxy proxy;
    private String head;

    @BeforeEach
    void start() throws Exception {
        GitRepoBuilder repo = GitRepoBuilder.init(temp.resolve("work/repo"), "org/repo")
                .write("go.mod", "module git.example.test/org/repo\n")
                .commit("one", Instant.parse("2024-01-01T00:00:00Z"));
        repo.publish(temp.resolve("repos"));
        head = repo.head();
        server = GitHttpServer.start(temp.resolve("repos"));
        proxy = EgressProxy.start("git-svc", "p@ss w")
                .routeTls(GitHttpServer.HOST + ":443", server.port(), SITE.serverContext());
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        server.close();
    }

    private GitResult lsRemote(Optional<Path> bundle) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", temp.toString());
        env.put("HTTPS_PROXY", "http://git-svc:p%40ss%20w@127.0.0.1:" + proxy.port());
        Path gitDir = Files.createDirectories(temp.resolve("git"));
        GitCommand git = new GitCommand("git", Duration.ofSeconds(30), GitEgress.environment(env, bundle));
        return git.run(gitDir, List.of(), List.of("ls-remote", REPO_URL, "HEAD"), 1 << 20);
    }

    @Test
    void gitTrustsTheCaBundleAndPassesTheProxyCredentials() throws Exception {
        Path caFile = Files.writeString(temp.resolve("corp.pem"), SITE.certificatePem());
        Path bundle = Files.writeString(
                temp.resolve("bundle.pem"), TrustBundle.withFile(caFile).pem());

        GitResult result = lsRemote(Optional.of(bundle));

        assertThat(result.succeeded()).as(result.stderr()).isTrue();
        assertThat(new String(result.stdout(), StandardCharsets.UTF_8)).startsWith(head);
        assertThat(proxy.requests())
                .contains(new EgressProxy.Request("CONNECT " + GitHttpServer.HOST + ":443 HTTP/1.1", true));
    }

    @Test
    void withoutTheBundleGitRefusesTheUnknownCertificate() throws Exception {
        GitResult result = lsRemote(Optional.empty());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.stderr()).containsIgnoringCase("certificate");
    }
}
