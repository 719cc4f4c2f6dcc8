package io.modvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepoBuilderTest {

    private static final Instant T1 = Instant.parse("2024-01-02T03:04:05Z");
    private static final Instant T2 = Instant.parse("2024-01-03T03:04:05Z");

    @TempDir
    Path temp;

    private GitRepoBuilder sample(String dir) {
        return GitRepoBuilder.init(temp.resolve(dir), "org/sample")
                .write("go.mod", "module git.example.test/org/sample\n")
                .write("a/b.go", "package a\n")
                .symlink("link.go", "a/b.go")
                .commit("first", T1)
                .tag("v1.0.0");
    }

    private static String git(Path dir, String... args) {
        return GitRunner.run(dir, Map.of(), args).trim();
    }

    @Test
    void sameCallsGiveTheSameCommitHashesInAnyDirectory() {
        GitRepoBuilder one = sample("one");
        GitRepoBuilder two = sample("two");

        assertThat(one.head()).matches("[0-9a-f]{40}").isEqualTo(two.head());
        assertThat(one.write("c.txt", "c\n").commit("second", T2).head())
                .isEqualTo(two.write("c.txt", "c\n").commit("second", T2).head());
    }

    @Test
    void commitsCarryTheFixedIdentityAndTheGivenTimeInUtc() {
        GitRepoBuilder repo = sample("repo");

        String meta = git(repo.workTree(), "log", "-1", "--format=%an <%ae>|%cn <%ce>|%at %ad|%ct", "--date=raw");

        assertThat(meta)
                .isEqualTo("Modvault Fixture <fixture@modvault.test>|Modvault Fixture <fixture@modvault.test>|"
                        + T1.getEpochSecond() + " " + T1.getEpochSecond() + " +0000|" + T1.getEpochSecond());
        assertThat(git(repo.workTree(), "symbolic-ref", "HEAD")).isEqualTo("refs/heads/main");
    }

    @Test
    void symlinksAreCommittedAsLinks() {
        GitRepoBuilder repo = sample("repo");

        assertThat(git(repo.workTree(), "ls-tree", "HEAD", "link.go")).startsWith("120000 blob ");
        assertThat(git(repo.workTree(), "cat-file", "-p", "HEAD:link.go")).isEqualTo("a/b.go");
    }

    @Test
    void annotatedTagsAreTagObjectsThatResolveToTheirCommit() {
        GitRepoBuilder repo =
                sample("repo").write("c.txt", "c\n").commit("second", T2).annotatedTag("v1.1.0");

        assertThat(git(repo.workTree(), "cat-file", "-t", "v1.1.0")).isEqualTo("tag");
        assertThat(git(repo.workTree(), "cat-file", "-t", "v1.0.0")).isEqualTo("commit");
        assertThat(repo.resolve("v1.1.0")).isEqualTo(repo.head());
        assertThat(git(repo.workTree(), "for-each-ref", "--format=%(taggerdate:raw)", "refs/tags/v1.1.0"))
                .isEqualTo(T2.getEpochSecond() + " +0000");
    }

    @Test
    void branchesForkFromHeadAndCheckoutSwitchesBack() {
        GitRepoBuilder repo = sample("repo");
        String base = repo.head();

        String feature = repo.branch("feature")
                .write("f.txt", "f\n")
                .commit("feature", T2)
                .head();
        repo.checkout("main");

        assertThat(repo.head()).isEqualTo(base);
        assertThat(repo.resolve("feature")).isEqualTo(feature);
        assertThat(repo.workTree().resolve("f.txt")).doesNotExist();
    }

    @Test
    void publishMirrorsBranchesAndTagsAndUpdatesOnRepublish() {
        GitRepoBuilder repo = sample("repo");
        Path serverRoot = temp.resolve("server");

        Path bare = repo.publish(serverRoot);
        String first = git(bare, "for-each-ref", "--format=%(refname)");
        repo.write("c.txt", "c\n")
                .commit("second", T2)
                .tag("v1.1.0")
                .delete("c.txt")
                .publish(serverRoot);

        assertThat(bare).isEqualTo(serverRoot.resolve("org/sample.git"));
        assertThat(first).isEqualTo("refs/heads/main\nrefs/tags/v1.0.0");
        assertThat(git(bare, "rev-parse", "refs/heads/main")).isEqualTo(repo.head());
        assertThat(git(bare, "for-each-ref", "--format=%(refname)", "refs/tags"))
                .contains("refs/tags/v1.1.0");
        assertThat(git(bare, "symbolic-ref", "HEAD")).isEqualTo("refs/heads/main");
    }

    @Test
    void rejectsPathsOutsideTheWorkTreeAndBadNames() {
        GitRepoBuilder repo = sample("repo");

        assertThatThrownBy(() -> repo.write("../x", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repo.write(".git/config", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repo.delete("missing.txt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GitRepoBuilder.init(temp.resolve("x"), "org/x.git"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GitRepoBuilder.init(temp.resolve("x"), "/org/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
