package io.modvault.core.vcs.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.modzip.ModuleZipWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bare mirrors: ref listings, revision resolution, the refresh TTL, and what needs no network. */
class GitMirrorTest {
    @TempDir
    Path temp;

    private RepoFixture fixture;
    private TestRepo repo;
    private String first;
    private String second;

    @BeforeEach
    void setUp() {
        fixture = new RepoFixture(temp);
        repo = fixture.repo("origin");
        repo.write("go.mod", "module corp.example/origin\n").write("dir/file.txt", "content\n");
        first = repo.commit("one");
        repo.annotatedTag("v1.0.0");
        second = repo.commit("two");
        repo.tag("v1.1.0");
    }

    @Test
    void mirrorsBranchesTagsAndTheDefaultBranch() {
        GitMirror mirror = fixture.mirror(repo);

        RefSnapshot refs = mirror.refs();

        assertThat(refs.tags())
                .containsEntry("v1.0.0", first)
                .containsEntry("v1.1.0", second)
                .hasSize(2);
        assertThat(refs.commit("refs/heads/main")).contains(second);
        assertThat(refs.head()).contains(second);
        assertThat(refs.tagsAt(first)).containsExactly("v1.0.0");
        assertThat(mirror.directory().getFileName().toString()).matches("[0-9a-f]{16}\\.git");
        assertThat(mirror.directory().resolve("info/attributes")).content().contains("* -export-subst -export-ignore");
    }

    @Test
    void resolvesTagsBranchesHeadAndHashPrefixesLikeCodehost() {
        GitMirror mirror = fixture.mirror(repo);

        assertThat(mirror.resolve("v1.0.0").hash()).isEqualTo(first);
        assertThat(mirror.resolve("v1.0.0").ref()).contains("refs/tags/v1.0.0");
        assertThat(mirror.resolve("v1.0.0").time()).isEqualTo(TestRepo.FIRST_COMMIT);
        assertThat(mirror.resolve("main").ref()).contains("refs/heads/main");
        assertThat(mirror.resolve("HEAD").hash()).isEqualTo(second);
        assertThat(mirror.resolve(first.substring(0, 7)).hash()).isEqualTo(first);
        assertThat(mirror.resolve(first).ref()).isEmpty();
        assertThat(mirror.resolve(second).tags()).containsExactly("v1.1.0");
        assertUnknown(mirror, first.substring(0, 6));
        assertUnknown(mirror, first.toUpperCase(Locale.ROOT));
        assertUnknown(mirror, "HEAD~1");
        assertUnknown(mirror, "no-such-branch");
    }

    @Test
    void readsFilesAncestryAndMergedTags() {
        GitMirror mirror = fixture.mirror(repo);
        mirror.refs();

        assertThat(mirror.readFile(first, "dir/file.txt", 100))
                .hasValueSatisfying(bytes ->
                        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("content\n"));
        assertThat(mirror.readFile(first, "missing.txt", 100)).isEmpty();
        assertThat(mirror.readFile(first, "dir", 100)).isEmpty();
        assertThatThrownBy(() -> mirror.readFile(first, "dir/file.txt", 3))
                .isInstanceOfSatisfying(
                        VcsException.class, e -> assertThat(e.kind()).isEqualTo(VcsException.Kind.FAILED));
        assertThat(mirror.isAncestor(first, second)).isTrue();
        assertThat(mirror.isAncestor(second, first)).isFalse();
        assertThat(mirror.tagsMergedInto(first)).containsExactly("v1.0.0");
        assertThat(mirror.tagsMergedInto(second)).containsExactly("v1.0.0", "v1.1.0");
        assertThat(mirror.commitTime(second)).isEqualTo(TestRepo.FIRST_COMMIT.plus(Duration.ofHours(1)));
    }

    @Test
    void refreshesBranchesOnlyAfterTheTtl() {
        GitMirror mirror = fixture.mirror(repo);
        assertThat(mirror.resolve("main").hash()).isEqualTo(second);
        String third = repo.commit("three");

        assertThat(mirror.resolve("main").hash()).isEqualTo(second);
        fixture.clock.advance(RepoFixture.TTL);
        assertThat(mirror.resolve("main").hash()).isEqualTo(third);
    }

    @Test
    void asksTheRemoteAtOnceForAnUnknownRevision() {
        GitMirror mirror = fixture.mirror(repo);
        mirror.refs();
        repo.tag("v1.2.0-new");

        assertThat(mirror.resolve("v1.2.0-new").hash()).isEqualTo(second);
    }

    @Test
    void resolvesAbbreviatedHashesOfCommitsInsideTheHistoryFetchedLater() {
        GitMirror mirror = fixture.mirror(repo);
        mirror.refs();
        String third = repo.commit("three");
        repo.commit("four");

        assertThat(mirror.resolve(third.substring(0, 12)).hash()).isEqualTo(third);
        assertThat(mirror.resolve(third.substring(0, 12)).ref()).isEmpty();
    }

    @Test
    void servesKnownTagsAndCommitsWithoutTheRemote() throws IOException {
        GitMirror mirror = fixture.mirror(repo);
        mirror.refs();
        Files.move(repo.dir(), temp.resolve("moved-away"));
        fixture.clock.advance(Duration.ofDays(1));

        assertThat(mirror.resolve("v1.0.0").hash()).isEqualTo(first);
        assertThat(mirror.resolve(second.substring(0, 12)).hash()).isEqualTo(second);
        assertThatThrownBy(() -> mirror.resolve("main"))
                .isInstanceOfSatisfying(
                        VcsException.class, e -> assertThat(e.kind()).isEqualTo(VcsException.Kind.NOT_FOUND));
    }

    @Test
    void reusesAMirrorLeftOnDiskByAnEarlierProcess() throws IOException {
        fixture.mirror(repo).refs();
        GitMirrors restarted = new GitMirrors(
                temp.resolve("mirrors"), TestGit.command(temp.resolve("home")), fixture.clock, RepoFixture.TTL);
        java.net.URI url = repo.uri();
        Files.move(repo.dir(), temp.resolve("moved-away"));

        GitMirror mirror = restarted.forUrl(url);

        assertThat(mirror.knownRefs().tags()).containsKeys("v1.0.0", "v1.1.0");
        assertThat(mirror.resolve("v1.1.0").hash()).isEqualTo(second);
    }

    @Test
    void prunesDeletedTagsAndFollowsForcePushes() {
        GitMirror mirror = fixture.mirror(repo);
        mirror.refs();
        repo.git("tag", "-d", "v1.1.0");
        repo.git("reset", "-q", "--hard", first);
        String rewritten = repo.commit("rewritten");

        RefSnapshot refs = mirror.refresh();

        assertThat(refs.tags()).containsOnlyKeys("v1.0.0");
        assertThat(refs.commit("refs/heads/main")).contains(rewritten);
    }

    @Test
    void serializesConcurrentRefreshes() throws Exception {
        GitMirror mirror = fixture.mirror(repo);
        List<Future<RefSnapshot>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit(mirror::refresh));
            }
        }
        for (Future<RefSnapshot> result : results) {
            assertThat(result.get().tags()).containsOnlyKeys("v1.0.0", "v1.1.0");
        }
    }

    @Test
    void reportsAMissingRepositoryAsNotFound() {
        GitMirror mirror = fixture.mirrors.forUrl(temp.resolve("does-not-exist").toUri());

        assertThatThrownBy(mirror::refs).isInstanceOfSatisfying(VcsException.class, e -> {
            assertThat(e.kind()).isEqualTo(VcsException.Kind.NOT_FOUND);
            assertThat(e.getMessage()).contains("git ls-remote").contains("does-not-exist");
        });
    }

    @Test
    void writesTheIntermediateArchiveStored() throws IOException {
        GitMirror mirror = fixture.mirror(repo);
        mirror.refs();
        Path archive = temp.resolve("archive.zip");

        mirror.archive(first, "dir", archive, ModuleZipWriter.MAX_ARCHIVE);

        try (ZipFile file = new ZipFile(archive.toFile())) {
            List<? extends ZipEntry> files =
                    file.stream().filter(e -> !e.isDirectory()).toList();
            assertThat(files).extracting(ZipEntry::getName).containsExactly("prefix/dir/file.txt");
            assertThat(files).allSatisfy(e -> assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED));
        }
    }

    @Test
    void refusesAnArchiveOverItsLimitSayingWhy() {
        GitMirror mirror = fixture.mirror(repo);
        mirror.refs();

        assertThatThrownBy(() -> mirror.archive(first, "", temp.resolve("big.zip"), 64))
                .isInstanceOfSatisfying(VcsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VcsException.Kind.FAILED);
                    assertThat(e.getMessage())
                            .contains("repository tree too large")
                            .contains("uncompressed git archive of " + first)
                            .contains("limit of 64 bytes")
                            .contains("vendor/");
                });
    }

    private static void assertUnknown(GitMirror mirror, String rev) {
        assertThatThrownBy(() -> mirror.resolve(rev)).as(rev).isInstanceOfSatisfying(VcsException.class, e -> {
            assertThat(e.kind()).isEqualTo(VcsException.Kind.NOT_FOUND);
            assertThat(e.getMessage()).contains("unknown revision");
        });
    }
}
