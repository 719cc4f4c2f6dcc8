package io.modvault.core.vcs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.vcs.git.GitAuth;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path home;

    private Credentials load(String setting, String netrc, String... insecureHosts) throws IOException {
        Files.writeString(home.resolve(".netrc"), netrc);
        Map<String, String> settings = new HashMap<>();
        settings.put("HOME", home.toString());
        settings.put(Credentials.SETTING, setting);
        List<String> insecure = List.of(insecureHosts);
        return Credentials.load(settings, insecure::contains);
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsUserAndPasswordAndBareTokensFromTheSetting() throws IOException {
        Credentials credentials = load(" git.corp.example=alice:s3cret:with:colons , GIT.Other.example=ghp_token ", "");

        assertThat(credentials.forHost("git.corp.example"))
                .contains(
                        new Credential("git.corp.example", "alice", "s3cret:with:colons", "MODVAULT_GIT_CREDENTIALS"));
        assertThat(credentials.forHost("git.other.example"))
                .contains(
                        new Credential("git.other.example", "x-access-token", "ghp_token", "MODVAULT_GIT_CREDENTIALS"));
        assertThat(credentials.forHost("unknown.example")).isEmpty();
    }

    @Test
    void settingWinsOverNetrcAndFirstNetrcEntryWinsOverLaterOnes() throws IOException {
        Credentials credentials = load("git.corp.example=from-setting", """
                machine git.corp.example login n password p
                machine other.example login first password 1
                machine other.example login second password 2
                """);

        assertThat(credentials.forHost("git.corp.example"))
                .map(Credential::source)
                .contains("MODVAULT_GIT_CREDENTIALS");
        assertThat(credentials.forHost("other.example"))
                .map(Credential::username)
                .contains("first");
        assertThat(credentials.forHost("other.example"))
                .map(Credential::source)
                .contains(home.resolve(".netrc").toString());
    }

    @Test
    void netrcVariableOverridesHome(@TempDir Path elsewhere) throws IOException {
        Path file = elsewhere.resolve("creds");
        Files.writeString(file, "machine h.example login u password p\n");

        Credentials credentials =
                Credentials.load(Map.of("NETRC", file.toString(), "HOME", home.toString()), h -> false);

        assertThat(credentials.forHost("h.example")).map(Credential::source).contains(file.toString());
    }

    @Test
    void entryWithPortIsPreferredAndEntryWithoutPortServesEveryPort() throws IOException {
        Credentials credentials = load("git.corp.example:8443=port-token,git.corp.example=plain-token", "");

        assertThat(credentials.forHost("git.corp.example:8443"))
                .map(Credential::password)
                .contains("port-token");
        assertThat(credentials.forHost("git.corp.example:9000"))
                .map(Credential::password)
                .contains("plain-token");
        assertThat(credentials.forHost("git.corp.example"))
                .map(Credential::password)
                .contains("plain-token");
    }

    @Test
    void neverShowsTheSecret() throws IOException {
        Credentials credentials =
                load("git.corp.example=alice:hunter2", "machine n.example login u password swordfish\n");
        Credential credential = credentials.forHost("git.corp.example").orElseThrow();

        assertThat(credential.toString()).contains("alice", "git.corp.example").doesNotContain("hunter2");
        assertThat(credentials.toString()).doesNotContain("hunter2", "swordfish", "alice");
        assertThat(credentials.describeSources("git.corp.example")).doesNotContain("hunter2");
    }

    @Test
    void rejectsMalformedSettingWithoutEchoingTheSecret() {
        assertThatThrownBy(() -> load("git.corp.example=alice:", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MODVAULT_GIT_CREDENTIALS entry 1 (host git.corp.example): empty user name or secret");
        assertThatThrownBy(() -> load("ok.example=t, hunter2", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MODVAULT_GIT_CREDENTIALS entry 2: expected host=user:password or host=token");
        assertThatThrownBy(() -> load("https://git.corp.example/x=hunter2", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void sendsCredentialsOverHttpsOnlyUnlessTheHostIsInsecure() throws IOException {
        Credentials credentials = load("git.corp.example=t1,git.example.test=t2", "", "git.example.test");

        assertThat(credentials.forUrl(URI.create("https://git.corp.example/org/repo")))
                .isPresent();
        assertThat(credentials.forUrl(URI.create("http://git.corp.example/org/repo")))
                .isEmpty();
        assertThat(credentials.forUrl(URI.create("http://git.example.test/org/repo")))
                .isPresent();
        assertThat(credentials.forUrl(URI.create("ssh://git.corp.example/org/repo")))
                .isEmpty();
    }

    @Test
    void gitAuthAuthenticatesOnlyThatHostAndNamesTheSource() throws IOException {
        Credentials credentials = load("git.corp.example=alice:pw", "");

        GitAuth auth = credentials.gitAuth(URI.create("https://git.corp.example/org/repo.git"));
        assertThat(auth.extraConfig())
                .containsExactly("http.https://git.corp.example/.extraHeader=Authorization: " + basic("alice:pw"));
        assertThat(auth.source()).isEqualTo("MODVAULT_GIT_CREDENTIALS entry for git.corp.example");
        assertThat(auth.toString()).doesNotContain("alice").doesNotContain(basic("alice:pw"));
        assertThat(credentials.gitAuth(URI.create("http://git.corp.example/org/repo.git")))
                .isEqualTo(GitAuth.none());
        assertThat(credentials.gitAuth(URI.create("https://elsewhere.example/org/repo.git")))
                .isEqualTo(GitAuth.none());
    }

    @Test
    void gitAuthKeepsAnExplicitPortAndAllowsInsecureHttpHosts() throws IOException {
        Credentials credentials = load("git.example.test:8080=tok", "", "git.example.test");

        assertThat(credentials
                        .gitAuth(URI.create("http://git.example.test:8080/org/repo"))
                        .extraConfig())
                .containsExactly(
                        "http.http://git.example.test:8080/.extraHeader=Authorization: " + basic("x-access-token:tok"));
    }

    @Test
    void describesWhichSourceWasTried() throws IOException {
        Credentials credentials = load("git.corp.example=t", "machine n.example login u password p\n");
        String netrc = home.resolve(".netrc").toString();

        assertThat(credentials.describeSources("git.corp.example"))
                .isEqualTo("tried: MODVAULT_GIT_CREDENTIALS entry for git.corp.example");
        assertThat(credentials.describeSources("n.example")).isEqualTo("tried: " + netrc + " entry for n.example");
        assertThat(credentials.describeSources("none.example"))
                .isEqualTo("no credentials configured for none.example (MODVAULT_GIT_CREDENTIALS, " + netrc + ")");
    }

    @Test
    void missingNetrcIsNoErrorButIsMentioned() {
        Credentials credentials = Credentials.load(Map.of("HOME", home.toString()), h -> false);

        assertThat(credentials.forHost("git.corp.example")).isEmpty();
        assertThat(credentials.describeSources("git.corp.example"))
                .isEqualTo("no credentials configured for git.corp.example (MODVAULT_GIT_CREDENTIALS, "
                        + home.resolve(".netrc") + " (not found))");
    }

    @Test
    void basicAuthorizationMatchesGosSetBasicAuth() {
        // Go: req.SetBasicAuth("Aladdin", "open sesame") -> "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==" (RFC 7617 example).
        assertThat(new Credential("h", "Aladdin", "open sesame", "test").basicAuthorization())
                .isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }
}
