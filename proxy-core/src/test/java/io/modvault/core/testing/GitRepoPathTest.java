package io.modvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepoPathTest {

    @TempDir
    Path root;

    @BeforeEach
    void bareRepositories() throws IOException {
        for (String repo : new String[] {"org/mono.git", "org/mono/tools.git"}) {
            Files.createDirectories(root.resolve(repo).resolve("objects"));
            Files.writeString(root.resolve(repo).resolve("HEAD"), "ref: refs/heads/main\n");
        }
    }

    @Test
    void findsTheRepositoryOfADotGitPath() {
        assertThat(GitRepoPath.find(root, "/org/mono.git/info/refs"))
                .contains(new GitRepoPath("org/mono", true, "/info/refs"));
    }

    @Test
    void findsTheRepositoryOfAPackagePathBelowIt() {
        GitRepoPath path = GitRepoPath.find(root, "/org/mono/tools/cli").orElseThrow();

        assertThat(path).isEqualTo(new GitRepoPath("org/mono", false, "/tools/cli"));
        assertThat(path.pathInfo()).isEqualTo("/org/mono.git/tools/cli");
    }

    @Test
    void theShortestMatchingPrefixWins() {
        assertThat(GitRepoPath.find(root, "/org/mono/tools.git/info/refs")
                        .orElseThrow()
                        .repo())
                .isEqualTo("org/mono");
    }

    @Test
    void gitPathWithoutDotGitMapsToTheBareDirectory() {
        assertThat(GitRepoPath.find(root, "/org/mono/git-upload-pack")
                        .orElseThrow()
                        .pathInfo())
                .isEqualTo("/org/mono.git/git-upload-pack");
    }

    @Test
    void unknownAndSuspiciousPathsMatchNothing() {
        assertThat(GitRepoPath.find(root, "/org/other/info/refs")).isEmpty();
        assertThat(GitRepoPath.find(root, "/org")).isEmpty();
        assertThat(GitRepoPath.find(root, "/")).isEmpty();
        assertThat(GitRepoPath.find(root, "")).isEmpty();
        assertThat(GitRepoPath.find(root, "/org/../org/mono.git/info/refs")).isEmpty();
        assertThat(GitRepoPath.find(root, "/org/mono.git/../../etc")).isEmpty();
        assertThat(GitRepoPath.find(root, "//org/mono.git/info/refs")).isEmpty();
        assertThat(GitRepoPath.find(root, "/org/mono.git\\info")).isEmpty();
    }

    @Test
    void aDirectoryThatIsNotABareRepositoryDoesNotCount() throws IOException {
        Files.createDirectories(root.resolve("org/plain.git"));

        assertThat(GitRepoPath.find(root, "/org/plain.git/info/refs")).isEmpty();
    }
}
