package io.modvault.core.vcs.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.vcs.VcsException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git runner: timeouts kill the whole process tree, config travels by environment, failures are classified and redacted. */
class GitCommandTest {
    private static final URI REMOTE = URI.create("https://builder:s3cr3t-token@git.corp.example/team/repo.git");

    @TempDir
    Path temp;

    @Test
    void killsGitAndItsHelpersAtTheTimeout() {
        Map<String, String> env = TestGit.environment(temp);
        env.put("GIT_SSH_COMMAND", "sleep 60 #");
        GitCommand git = new GitCommand("git", Duration.ofMillis(700), env);

        long started = System.nanoTime();
        GitResult result = git.run(temp, List.of(), List.of("ls-remote", "ssh://git.corp.example/repo.git"), 1 << 20);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.outcome()).isEqualTo(GitResult.Outcome.TIMED_OUT);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(20));
        assertThat(GitFailures.classify("git ls-remote", REMOTE, result, GitAuth.SYSTEM_SOURCE)
                        .kind())
                .isEqualTo(VcsException.Kind.TIMEOUT);
    }

    @Test
    void passesExtraConfigThroughTheEnvironmentAfterTheOperatorsOwn() {
        Map<String, String> env = TestGit.environment(temp);
        env.put("GIT_CONFIG_COUNT", "1");
        env.put("GIT_CONFIG_KEY_0", "http.https://git.corp.example/.proxy");
        env.put("GIT_CONFIG_VALUE_0", "http://proxy.corp.example:3128");
        GitCommand git = new GitCommand("git", Duration.ofSeconds(30), env);

        GitResult result = git.run(
                temp,
                List.of("http.https://git.corp.example/.extraHeader=Authorization: Bearer abc"),
                List.of("config", "--get-regexp", "^http\\."),
                1 << 16);

        assertThat(result.succeeded()).isTrue();
        assertThat(new String(result.stdout(), StandardCharsets.UTF_8))
                .isEqualTo("http.https://git.corp.example/.proxy http://proxy.corp.example:3128\n"
                        + "http.https://git.corp.example/.extraheader Authorization: Bearer abc\n");
    }

    @Test
    void stopsGitWhenItsOutputPassesTheLimit() {
        GitCommand git = TestGit.command(temp);

        GitResult result = git.run(temp, List.of(), List.of("help", "-a"), 16);

        assertThat(result.outcome()).isEqualTo(GitResult.Outcome.OUTPUT_LIMIT);
    }

    @Test
    void classifiesAuthenticationFailuresNamingHostAndCredentialSource() {
        for (String stderr : List.of(
                "fatal: Authentication failed for 'https://builder:s3cr3t-token@git.corp.example/team/repo.git/'",
                "fatal: could not read Username for 'https://git.corp.example': terminal prompts disabled",
                "fatal: unable to access 'https://git.corp.example/team/repo.git/': The requested URL returned error: 403",
                "remote: HTTP Basic: Access denied\nfatal: Authentication failed")) {
            VcsException e =
                    GitFailures.classify("git ls-remote", REMOTE, exited(stderr), "token from GONOSUMDB_TOKEN");

            assertThat(e.kind()).as(stderr).isEqualTo(VcsException.Kind.AUTH);
            assertThat(e.getMessage())
                    .as(stderr)
                    .startsWith("authentication to git.corp.example failed")
                    .contains("credentials tried: token from GONOSUMDB_TOKEN")
                    .doesNotContain("s3cr3t");
        }
    }

    @Test
    void classifiesMissingRepositoriesAndRevisionsAsNotFound() {
        for (String stderr : List.of(
                "remote: Repository not found.\nfatal: repository 'https://git.corp.example/team/repo.git/' not found",
                "fatal: unable to access 'https://git.corp.example/x/': The requested URL returned error: 404",
                "fatal: '/srv/git/repo' does not appear to be a git repository",
                "fatal: couldn't find remote ref refs/heads/gone")) {
            assertThat(GitFailures.classify("git fetch", REMOTE, exited(stderr), GitAuth.SYSTEM_SOURCE)
                            .kind())
                    .as(stderr)
                    .isEqualTo(VcsException.Kind.NOT_FOUND);
        }
    }

    @Test
    void classifiesOtherFailuresAsFailedWithoutCredentialsOrControlCharacters() {
        VcsException e = GitFailures.classify(
                "git fetch",
                REMOTE,
                exited("fatal: unable to connect to https://u:p@git.corp.example/\u001b[31m: Connection refused\n"),
                GitAuth.SYSTEM_SOURCE);

        assertThat(e.kind()).isEqualTo(VcsException.Kind.FAILED);
        assertThat(e.getMessage())
                .isEqualTo("git fetch https://git.corp.example/team/repo.git: "
                        + "fatal: unable to connect to https://git.corp.example/[31m: Connection refused");
    }

    @Test
    void neverPrintsTheConfigEntriesOfAnAuth() {
        GitAuth auth = new GitAuth(List.of("http.extraHeader=Authorization: Bearer s3cr3t"), "configured token");

        assertThat(auth.toString()).doesNotContain("s3cr3t");
        assertThatThrownBy(() -> new GitAuth(List.of("no-equals-sign"), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static GitResult exited(String stderr) {
        return new GitResult(128, new byte[0], stderr, GitResult.Outcome.EXITED);
    }
}
