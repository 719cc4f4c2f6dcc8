package io.modvault.core.vcs.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.vcs.VcsException;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Static import-path rules; vectors from golang/go {@code cmd/go/internal/vcs/vcs_test.go TestRepoRootForImportPath}. */
class KnownRepoPathsTest {

    private static Optional<RepoLocation> resolve(String path) {
        return KnownRepoPaths.resolve(path, false);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "github.com/golang/groupcache, github.com/golang/groupcache",
        "github.com/golang/groupcache/lru/v2, github.com/golang/groupcache",
        "bitbucket.org/owner/repo/sub, bitbucket.org/owner/repo",
        "hub.jazz.net/git/user1/pkgname, hub.jazz.net/git/user1/pkgname",
        "hub.jazz.net/git/user1/pkgname/submodule/submodule/submodule, hub.jazz.net/git/user1/pkgname",
        "hub.jazz.net/git/user/pkg.name, hub.jazz.net/git/user/pkg.name",
        "git.openstack.org/openstack/swift, git.openstack.org/openstack/swift",
        "git.openstack.org/openstack/swift.git, git.openstack.org/openstack/swift.git",
        "git.openstack.org/openstack/swift/go/hummingbird, git.openstack.org/openstack/swift",
        "git.apache.org/package-name.git, git.apache.org/package-name.git",
        "git.apache.org/package-name_2.x.git/path/to/lib, git.apache.org/package-name_2.x.git",
    })
    void mapsKnownHostingSitesWithoutTheNetwork(String path, String root) {
        assertThat(resolve(path)).contains(new RepoLocation(root, URI.create("https://" + root), "git"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "github.com/user/unicode/испытание",
                "hub.jazz.net/git/user.1/pkgname",
                "hub.jazz.net/git/USER/pkgname",
                "git.openstack.org",
                "git.openstack.org/openstack",
                "git.apache.org/package-name/path/to/lib",
                "github.com",
                "github.com/owner",
                "bitbucket.org/owner"
            })
    void refusesPathsThatClaimASiteButDoNotFitIt(String path) {
        assertThatThrownBy(() -> resolve(path))
                .isInstanceOf(VcsException.class)
                .hasFieldOrPropertyWithValue("kind", VcsException.Kind.NOT_FOUND)
                .hasMessageStartingWith("invalid ");
    }

    @Test
    void namesTheSiteInTheMessage() {
        assertThatThrownBy(() -> resolve("github.com/owner"))
                .hasMessage("invalid github.com import path \"github.com/owner\"");
        assertThatThrownBy(() -> resolve("github.com/owner/repo.git/sub"))
                .hasMessage("invalid version control suffix in github.com/ path");
        assertThatThrownBy(() -> resolve("bitbucket.org/owner/repo.hg"))
                .hasMessage("invalid version control suffix in bitbucket.org/ path");
    }

    @Test
    void leavesLookalikeHostsToDiscovery() {
        assertThat(resolve("hub.jazz.net")).isEmpty();
        assertThat(resolve("hub.jazz.net/someotherprefix/user1/pkgname")).isEmpty();
        assertThat(resolve("hubajazz.net")).isEmpty();
        assertThat(resolve("hub2.jazz.net")).isEmpty();
        assertThat(resolve("gitbapache.org")).isEmpty();
        assertThat(resolve("github.company.example/org/repo")).isEmpty();
        assertThat(resolve("corp.example/org/repo")).isEmpty();
    }

    /** Expectations checked with Go's regexp on the same pattern (leftmost-first, like Java's). */
    @Test
    void explicitGitPathDropsTheSuffixFromTheUrlLikeGo() {
        assertThat(resolve("git.corp.example/org/repo.git"))
                .contains(new RepoLocation(
                        "git.corp.example/org/repo.git", URI.create("https://git.corp.example/org/repo"), "git"));
        assertThat(resolve("git.corp.example/org/repo.git/sub/pkg/v2"))
                .contains(new RepoLocation(
                        "git.corp.example/org/repo.git", URI.create("https://git.corp.example/org/repo"), "git"));
        assertThat(resolve("git.corp.example/a.git/b.git"))
                .contains(new RepoLocation(
                        "git.corp.example/a.git/b.git", URI.create("https://git.corp.example/a.git/b"), "git"));
        assertThat(resolve("a.b/c.d.git.e.git"))
                .contains(new RepoLocation("a.b/c.d.git.e.git", URI.create("https://a.b/c.d.git.e"), "git"));
        assertThat(resolve("git.corp.example/~user/tools.git"))
                .contains(new RepoLocation(
                        "git.corp.example/~user/tools.git", URI.create("https://git.corp.example/~user/tools"), "git"));
    }

    @Test
    void explicitGitPathOnAnInsecureHostUsesPlainHttp() {
        assertThat(KnownRepoPaths.resolve("git.example.test/org/repo.git", true))
                .contains(new RepoLocation(
                        "git.example.test/org/repo.git", URI.create("http://git.example.test/org/repo"), "git"));
    }

    @Test
    void refusesOtherVersionControlSystems() {
        assertThatThrownBy(() -> resolve("hg.corp.example/org/repo.hg/sub"))
                .isInstanceOf(VcsException.class)
                .hasFieldOrPropertyWithValue("kind", VcsException.Kind.FAILED)
                .hasMessage("hg.corp.example/org/repo.hg/sub is kept in hg; modvault fetches git repositories only");
        assertThatThrownBy(() -> resolve("git.corp.example/a.git/b.hg")).hasMessageContaining("is kept in hg");
        assertThatThrownBy(() -> resolve("chiselapp.com/user/kyle/repository/fossilgg"))
                .hasMessageContaining("is kept in fossil");
    }

    @Test
    void requiresADomainBeforeTheGitSuffix() {
        assertThat(resolve("localhost/org/repo.git")).isEmpty();
        assertThat(resolve("corp.example/repo.gitx")).isEmpty();
    }
}
