package io.modvault.core.vcs.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.modvault.core.policy.RoutingPolicy;
import io.modvault.core.storage.MutableClock;
import io.modvault.core.upstream.EnvironmentProxySelector;
import io.modvault.core.upstream.HttpUpstreamSettings;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.VcsException.Kind;
import io.modvault.core.vcs.auth.Credentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery against a git host's web front on loopback, reached as {@code git.example.test}
 * through HTTP_PROXY. The host is GOINSECURE: the https attempt (a CONNECT the proxy refuses)
 * fails and the go command's fallback to plain http follows.
 */
class GoImportResolverTest {

    private static final String HOST = "git.example.test";

    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private PageServer pages;
    private ForwardProxy proxy;
    private GoImportResolver resolver;

    @BeforeEach
    void start() throws Exception {
        pages = PageServer.http();
        proxy = ForwardProxy.to(pages.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (resolver != null) {
            resolver.close();
        }
        proxy.close();
        pages.close();
    }

    private GoImportResolver resolver(String goinsecure, String credentialSetting) {
        RoutingPolicy policy = RoutingPolicy.fromSettings(Map.of(RoutingPolicy.GOINSECURE, goinsecure));
        Map<String, String> settings = new HashMap<>();
        settings.put("HOME", home.toString());
        settings.put(Credentials.SETTING, credentialSetting);
        Credentials credentials = Credentials.load(settings, policy::insecure);
        HttpUpstreamSettings http = new HttpUpstreamSettings(
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                Optional.of(EnvironmentProxySelector.of(proxy.env())),
                "modvault/test");
        resolver = new GoImportResolver(
                new DiscoverySettings(http, Duration.ofMinutes(10), Duration.ofMinutes(1), 100),
                policy::insecure,
                credentials,
                clock);
        return resolver;
    }

    private GoImportResolver insecureResolver() {
        return resolver(HOST, "");
    }

    private static String netrcNotFound(Path home) {
        return home.resolve(".netrc") + " (not found)";
    }

    @Test
    void findsTheRepositoryOverPlainHttpAfterHttpsFailsForAnInsecureHost() {
        pages.goImport("/org/repo?go-get=1", "git.example.test/org/repo git https://git.example.test/scm/org/repo.git");

        RepoLocation location = insecureResolver().resolve("git.example.test/org/repo");

        assertThat(location)
                .isEqualTo(new RepoLocation(
                        "git.example.test/org/repo", URI.create("https://git.example.test/scm/org/repo.git"), "git"));
        assertThat(proxy.requestLines())
                .containsExactly(
                        "CONNECT git.example.test:443 HTTP/1.1",
                        "GET http://git.example.test/org/repo?go-get=1 HTTP/1.1");
        assertThat(pages.requests())
                .extracting(PageServer.Request::target)
                .containsExactly("http://git.example.test/org/repo?go-get=1");
    }

    @Test
    void neverFallsBackToPlainHttpForAHostThatIsNotInsecure() {
        pages.goImport("/org/repo?go-get=1", "git.example.test/org/repo git https://git.example.test/org/repo.git");
        GoImportResolver resolver = resolver("other.example", "");

        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/repo"))
                .isInstanceOf(VcsException.class)
                .hasFieldOrPropertyWithValue("kind", Kind.FAILED)
                .hasMessageStartingWith("unrecognized import path \"git.example.test/org/repo\": https fetch: "
                        + "Get \"https://git.example.test/org/repo?go-get=1\": ");
        assertThat(proxy.requestLines()).containsExactly("CONNECT git.example.test:443 HTTP/1.1");
        assertThat(pages.requests()).isEmpty();
    }

    @Test
    void asksOnlyTheModulePathAndConfirmsAShorterPrefixOnItsOwnPage() {
        String tag = "git.example.test/org/repo git https://git.example.test/org/repo.git";
        pages.goImport("/org/repo/sub/v2?go-get=1", tag).goImport("/org/repo?go-get=1", tag);

        RepoLocation location = insecureResolver().resolve("git.example.test/org/repo/sub/v2");

        assertThat(location.repoRoot()).isEqualTo("git.example.test/org/repo");
        assertThat(pages.requests())
                .extracting(PageServer.Request::pathAndQuery)
                .containsExactly("/org/repo/sub/v2?go-get=1", "/org/repo?go-get=1");
    }

    @Test
    void refusesATagThatThePrefixPageDoesNotConfirm() {
        pages.goImport("/org/repo/sub?go-get=1", "git.example.test/org git https://evil.example/org.git")
                .goImport("/org?go-get=1", "git.example.test/org git https://git.example.test/org.git");

        assertThatThrownBy(() -> insecureResolver().resolve("git.example.test/org/repo/sub"))
                .isInstanceOf(VcsException.class)
                .hasFieldOrPropertyWithValue("kind", Kind.FAILED)
                .hasMessage("unrecognized import path \"git.example.test/org/repo/sub\": "
                        + "http://git.example.test/org/repo/sub?go-get=1 and http://git.example.test/org?go-get=1 "
                        + "disagree about go-import for git.example.test/org");
    }

    @Test
    void reportsAMissingPageAsNotFoundWithTheCredentialsInPlay() {
        assertThatThrownBy(() -> insecureResolver().resolve("git.example.test/org/missing"))
                .isInstanceOf(VcsException.class)
                .hasFieldOrPropertyWithValue("kind", Kind.NOT_FOUND)
                .hasMessage("unrecognized import path \"git.example.test/org/missing\": reading "
                        + "http://git.example.test/org/missing?go-get=1: 404 Not Found (no credentials configured for "
                        + "git.example.test (MODVAULT_GIT_CREDENTIALS, " + netrcNotFound(home) + "))");
    }

    @Test
    void usesTagsOnAnErrorPageLikeGo() {
        pages.page(
                "/org/repo?go-get=1",
                404,
                "<meta name=go-import content='git.example.test/org/repo git https://git.example.test/org/repo.git'>");

        assertThat(insecureResolver().resolve("git.example.test/org/repo").repoRoot())
                .isEqualTo("git.example.test/org/repo");
    }

    @Test
    void refusedCredentialsNameTheHostAndTheSourceTried() {
        pages.page("/org/private?go-get=1", 401, "<html>Sign in</html>");
        GoImportResolver resolver = resolver(HOST, "git.example.test=alice:wrong-password");

        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/private"))
                .isInstanceOf(VcsException.class)
                .hasFieldOrPropertyWithValue("kind", Kind.AUTH)
                .hasMessage("unrecognized import path \"git.example.test/org/private\": reading "
                        + "http://git.example.test/org/private?go-get=1: 401 Unauthorized: git.example.test refused the "
                        + "credentials (tried: MODVAULT_GIT_CREDENTIALS entry for git.example.test)")
                .message()
                .doesNotContain("wrong-password");
        assertThat(pages.requests())
                .extracting(PageServer.Request::authorization)
                .containsExactly("Basic "
                        + Base64.getEncoder().encodeToString("alice:wrong-password".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void missingCredentialsSayWhereTheyWereLookedFor() {
        pages.page("/org/private?go-get=1", 403, "forbidden");

        assertThatThrownBy(() -> insecureResolver().resolve("git.example.test/org/private"))
                .isInstanceOf(VcsException.class)
                .hasFieldOrPropertyWithValue("kind", Kind.AUTH)
                .hasMessageEndingWith("403 Forbidden: git.example.test requires authentication (no credentials "
                        + "configured for git.example.test (MODVAULT_GIT_CREDENTIALS, " + netrcNotFound(home) + "))");
        assertThat(pages.requests())
                .extracting(PageServer.Request::authorization)
                .containsOnlyNulls();
    }

    @Test
    void credentialsForAHostMatchedOnlyByAPathPatternStayOffPlainHttp() {
        pages.page("/legacy/tool?go-get=1", 401, "");
        GoImportResolver resolver = resolver("git.example.test/legacy", "git.example.test=token");

        assertThatThrownBy(() -> resolver.resolve("git.example.test/legacy/tool"))
                .isInstanceOf(VcsException.class)
                .hasFieldOrPropertyWithValue("kind", Kind.AUTH)
                .hasMessageEndingWith(
                        "git.example.test requires authentication; the MODVAULT_GIT_CREDENTIALS entry for "
                                + "git.example.test is sent only over https (or plain http to GOINSECURE hosts)");
        assertThat(pages.requests())
                .extracting(PageServer.Request::authorization)
                .containsOnlyNulls();
    }

    @Test
    void serverErrorsAreFailuresAndAreRetriedAtOnce() {
        pages.page("/org/repo?go-get=1", 503, "maintenance");
        GoImportResolver resolver = insecureResolver();

        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/repo"))
                .isInstanceOf(VcsException.class)
                .hasFieldOrPropertyWithValue("kind", Kind.FAILED)
                .hasMessageContaining("503 Service Unavailable");
        pages.goImport("/org/repo?go-get=1", "git.example.test/org/repo git https://git.example.test/org/repo.git");

        assertThat(resolver.resolve("git.example.test/org/repo").repoRoot()).isEqualTo("git.example.test/org/repo");
    }

    @Test
    void cachesAnswersForTheTtlAndNotFoundForTheShorterOne() {
        pages.goImport("/org/repo?go-get=1", "git.example.test/org/repo git https://git.example.test/org/repo.git");
        GoImportResolver resolver = insecureResolver();

        resolver.resolve("git.example.test/org/repo");
        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/new")).isInstanceOf(VcsException.class);
        pages.goImport("/org/new?go-get=1", "git.example.test/org/new git https://git.example.test/org/new.git");
        resolver.resolve("git.example.test/org/repo");
        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/new")).isInstanceOf(VcsException.class);
        assertThat(pages.requests()).hasSize(2);

        clock.advance(Duration.ofMinutes(1));
        assertThat(resolver.resolve("git.example.test/org/new").repoRoot()).isEqualTo("git.example.test/org/new");
        resolver.resolve("git.example.test/org/repo");
        assertThat(pages.requests()).hasSize(3);

        clock.advance(Duration.ofMinutes(9));
        resolver.resolve("git.example.test/org/repo");
        assertThat(pages.requests()).hasSize(4);
    }

    @Test
    void ignoresModEntriesAndRefusesOtherVersionControlSystems() {
        pages.goImport(
                        "/org/both?go-get=1",
                        "git.example.test/org/both mod https://proxy.example",
                        "git.example.test/org/both git https://git.example.test/org/both.git")
                .goImport("/org/hg?go-get=1", "git.example.test/org/hg hg https://hg.example.test/org/hg")
                .goImport("/org/cvs?go-get=1", "git.example.test/org/cvs cvs https://cvs.example.test/org/cvs");
        GoImportResolver resolver = insecureResolver();

        assertThat(resolver.resolve("git.example.test/org/both").url())
                .isEqualTo(URI.create("https://git.example.test/org/both.git"));
        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/hg"))
                .hasFieldOrPropertyWithValue("kind", Kind.FAILED)
                .hasMessageEndingWith("git.example.test/org/hg is kept in hg; modvault fetches git repositories only");
        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/cvs"))
                .hasMessageEndingWith("http://git.example.test/org/cvs?go-get=1: unknown vcs \"cvs\"");
    }

    @Test
    void refusesAmbiguousTagsSubdirectoriesAndUnusableRepositoryUrls() {
        pages.goImport(
                        "/org/twice?go-get=1",
                        "git.example.test/org git https://a.example/org.git",
                        "git.example.test/org/twice git https://b.example/twice.git")
                .goImport("/org/sub?go-get=1", "git.example.test/org/sub git https://git.example.test/mono.git go/sub")
                .goImport("/org/file?go-get=1", "git.example.test/org/file git file:///srv/git/file.git")
                .goImport("/org/scp?go-get=1", "git.example.test/org/scp git git@git.example.test:org/scp.git");
        GoImportResolver resolver = insecureResolver();

        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/twice"))
                .hasMessageEndingWith("multiple meta tags match import path \"git.example.test/org/twice\"");
        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/sub"))
                .hasMessageEndingWith(
                        "go-import subdirectory \"go/sub\" for git.example.test/org/sub is not supported by modvault");
        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/file"))
                .hasMessageEndingWith("invalid repo root \"file:///srv/git/file.git\": file scheme disallowed");
        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/scp"))
                .hasFieldOrPropertyWithValue("kind", Kind.FAILED)
                .hasMessageContaining("invalid repo root \"git@git.example.test:org/scp.git\"");
    }

    @Test
    void reportsPagesWithoutMatchingTagsAsNotFound() {
        pages.goImport("/org/other?go-get=1", "git.example.test/org/another git https://git.example.test/x.git")
                .page("/org/script?go-get=1", 200, "<head><script>if (a < b) {}</script></head>");
        GoImportResolver resolver = insecureResolver();

        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/other"))
                .hasFieldOrPropertyWithValue("kind", Kind.NOT_FOUND)
                .hasMessageContaining(
                        "parse http://git.example.test/org/other?go-get=1: no go-import meta tags (meta tag "
                                + "git.example.test/org/another did not match import path git.example.test/org/other)");
        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/script"))
                .hasFieldOrPropertyWithValue("kind", Kind.NOT_FOUND)
                .hasMessageEndingWith("parsing git.example.test/org/script: XML syntax error on line 1: "
                        + "expected element name after <");
    }

    @Test
    void followsRedirectsAndSendsCredentialsOnlyToTheirHost() {
        pages.redirect("/org/moved?go-get=1", "http://git.example.test/org/new-home?go-get=1")
                .redirect("/org/new-home?go-get=1", "http://pages.example.test/org/page?go-get=1")
                .goImport(
                        "/org/page?go-get=1",
                        "git.example.test/org/moved git https://git.example.test/org/new-home.git");
        GoImportResolver resolver = resolver(HOST + ",pages.example.test", "git.example.test=tok");

        assertThat(resolver.resolve("git.example.test/org/moved").url())
                .isEqualTo(URI.create("https://git.example.test/org/new-home.git"));
        assertThat(pages.requests())
                .extracting(PageServer.Request::target, r -> r.authorization() != null)
                .containsExactly(
                        tuple("http://git.example.test/org/moved?go-get=1", true),
                        tuple("http://git.example.test/org/new-home?go-get=1", true),
                        tuple("http://pages.example.test/org/page?go-get=1", false));
    }

    @Test
    void stopsAfterTenRedirectsLikeGo() {
        for (int i = 0; i < 12; i++) {
            pages.redirect("/loop/" + i + "?go-get=1", "/loop/" + (i + 1) + "?go-get=1");
        }

        assertThatThrownBy(() -> insecureResolver().resolve("git.example.test/loop/0"))
                .hasFieldOrPropertyWithValue("kind", Kind.FAILED)
                .hasMessageEndingWith("stopped after 10 redirects");
        assertThat(pages.requests()).hasSize(10);
    }

    @Test
    void aStalledPageIsATimeout() {
        pages.stall("/org/slow?go-get=1", 10_000);

        assertThatThrownBy(() -> insecureResolver().resolve("git.example.test/org/slow"))
                .isInstanceOf(VcsException.class)
                .hasFieldOrPropertyWithValue("kind", Kind.TIMEOUT)
                .hasMessageStartingWith("unrecognized import path \"git.example.test/org/slow\": http/https fetch: ");
    }

    @Test
    void confirmsEachPrefixOnceForAllItsPackages() {
        String tag = "git.example.test/org/repo git https://git.example.test/org/repo.git";
        pages.goImport("/org/repo/a?go-get=1", tag)
                .goImport("/org/repo/b?go-get=1", tag)
                .goImport("/org/repo?go-get=1", tag);
        GoImportResolver resolver = insecureResolver();

        resolver.resolve("git.example.test/org/repo/a");
        resolver.resolve("git.example.test/org/repo/b");
        resolver.resolve("git.example.test/org/repo");

        // Like Go, the prefix cache serves confirmations only; the root's own lookup asks again.
        assertThat(pages.requests())
                .extracting(PageServer.Request::pathAndQuery)
                .containsExactly(
                        "/org/repo/a?go-get=1", "/org/repo?go-get=1", "/org/repo/b?go-get=1", "/org/repo?go-get=1");
    }

    @Test
    void readsAtMostOneMebibyteOfAPage() {
        String tag =
                "<meta name=go-import content='git.example.test/org/big git https://git.example.test/org/big.git'>";
        pages.page("/org/big?go-get=1", 200, "<head>" + tag + "</head><body>" + "x".repeat(3 << 20) + "</body>")
                .page("/org/late?go-get=1", 200, "<head><!--" + "x".repeat(1 << 20) + "-->" + tag + "</head>");
        GoImportResolver resolver = insecureResolver();

        assertThat(resolver.resolve("git.example.test/org/big").repoRoot()).isEqualTo("git.example.test/org/big");
        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/late"))
                .hasFieldOrPropertyWithValue("kind", Kind.NOT_FOUND)
                .hasMessageEndingWith("parsing git.example.test/org/late: XML syntax error on line 1: unexpected EOF");
    }

    @Test
    void needsNoNetworkForKnownHostsExplicitGitPathsOrMalformedPaths() {
        GoImportResolver resolver = insecureResolver();

        assertThat(resolver.resolve("github.com/org/repo/sub"))
                .isEqualTo(new RepoLocation("github.com/org/repo", URI.create("https://github.com/org/repo"), "git"));
        assertThat(resolver.resolve("git.example.test/org/repo.git/v2"))
                .isEqualTo(new RepoLocation(
                        "git.example.test/org/repo.git", URI.create("http://git.example.test/org/repo"), "git"));
        assertThatThrownBy(() -> resolver.resolve("git.example.test/org/../x"))
                .hasFieldOrPropertyWithValue("kind", Kind.NOT_FOUND)
                .hasMessageStartingWith("malformed module path");
        assertThat(proxy.requestLines()).isEmpty();
    }
}
