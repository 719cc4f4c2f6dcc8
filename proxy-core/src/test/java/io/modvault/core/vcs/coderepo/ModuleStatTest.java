package io.modvault.core.vcs.coderepo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.module.PseudoVersion;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.git.RepoFixture;
import io.modvault.core.vcs.git.TestRepo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .info} for tags, branches and commits: canonical tags answer as themselves, other
 * revisions as pseudo-versions in all three forms, built from the highest ancestor tag of the
 * module, each checked three ways: the hand-written string, {@link PseudoVersion#of} and x/mod.
 */
class ModuleStatTest {
    @TempDir
    Path temp;

    private ModuleRepoFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ModuleRepoFixture(temp);
    }

    @Test
    void answersATagWithItsVersionTimeAndOrigin() {
        TestRepo repo = fixture.repo("plain");
        repo.write("go.mod", "module corp.example/plain\n");
        String commit = repo.commit("one");
        repo.annotatedTag("v1.0.0");

        RevisionInfo info =
                fixture.module("corp.example/plain", "corp.example/plain", repo).stat("v1.0.0");

        assertThat(info.version()).isEqualTo("v1.0.0");
        assertThat(info.time()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
        assertThat(info.origin())
                .isEqualTo(new RevisionInfo.Origin(
                        "git", repo.uri().toString(), "", commit, Optional.of("refs/tags/v1.0.0")));
        assertThat(new String(info.toJson(), UTF_8))
                .isEqualTo("{\"Version\":\"v1.0.0\",\"Time\":\"2020-01-02T03:04:05Z\","
                        + "\"Origin\":{\"VCS\":\"git\",\"URL\":\"" + repo.uri() + "\",\"Hash\":\"" + commit
                        + "\",\"Ref\":\"refs/tags/v1.0.0\"}}");
    }

    @Test
    void buildsTheNoTagPseudoVersionWithTheModulesMajor() {
        TestRepo repo = fixture.repo("untagged");
        repo.write("go.mod", "module corp.example/untagged/v3\n");
        String commit = repo.commit("one");
        String expected = "v3.0.0-20200102030405-" + commit.substring(0, 12);

        RevisionInfo info = fixture.module("corp.example/untagged/v3", "corp.example/untagged", repo)
                .stat("main");

        assertThat(info.version())
                .isEqualTo(expected)
                .isEqualTo(PseudoVersion.of("v3", "", repo.commitTime(commit), commit.substring(0, 12)))
                .isEqualTo(ModZipOracle.pseudoVersion(
                        "v3", "", repo.commitTime(commit).getEpochSecond(), commit.substring(0, 12)));
        assertThat(info.origin().ref()).contains("refs/heads/main");
    }

    @Test
    void buildsThePrereleasePseudoVersionFromTheHighestAncestorTag() {
        TestRepo repo = fixture.repo("bases");
        repo.write("go.mod", "module corp.example/bases\n").commit("one");
        repo.tag("v1.2.3");
        String afterRelease = repo.commit("two");
        repo.tag("v1.3.0-pre").tag("v1.3").tag("v1.9.0-retag+meta");
        String afterPre = repo.commit("three");
        ModuleRepo module = fixture.module("corp.example/bases", "corp.example/bases", repo);

        // A commit with a canonical tag is that version; "v1.3" and "+meta" tags are not versions.
        assertThat(module.stat(afterRelease.substring(0, 12)).version()).isEqualTo("v1.3.0-pre");
        String releaseBased = module.stat(repo.git("rev-parse", "HEAD~2").trim().substring(0, 7))
                .version();
        assertThat(releaseBased).isEqualTo("v1.2.3");

        String pre = module.stat(afterPre).version();
        String expectedPre = "v1.9.0-retag.0.20200102050405-" + afterPre.substring(0, 12);
        assertThat(pre)
                .isEqualTo(expectedPre)
                .isEqualTo(PseudoVersion.of("", "v1.9.0-retag", repo.commitTime(afterPre), afterPre.substring(0, 12)))
                .isEqualTo(ModZipOracle.pseudoVersion(
                        "", "v1.9.0-retag", repo.commitTime(afterPre).getEpochSecond(), afterPre.substring(0, 12)));
    }

    @Test
    void buildsAPatchPseudoVersionOnABranchAfterARelease() {
        TestRepo repo = fixture.repo("patch");
        repo.write("go.mod", "module corp.example/patch\n").commit("one");
        repo.tag("v1.2.3");
        repo.newBranch("feature");
        String feature = repo.commit("feature work");
        String expected = "v1.2.4-0.20200102040405-" + feature.substring(0, 12);

        RevisionInfo info =
                fixture.module("corp.example/patch", "corp.example/patch", repo).stat("feature");

        assertThat(info.version())
                .isEqualTo(expected)
                .isEqualTo(PseudoVersion.of("", "v1.2.3", repo.commitTime(feature), feature.substring(0, 12)))
                .isEqualTo(ModZipOracle.pseudoVersion(
                        "", "v1.2.3", repo.commitTime(feature).getEpochSecond(), feature.substring(0, 12)));
        assertThat(info.origin().ref()).contains("refs/heads/feature");
    }

    @Test
    void basesSubdirectoryModulePseudoVersionsOnPrefixedTagsOnly() {
        TestRepo repo = fixture.repo("mono");
        repo.write("go.mod", "module corp.example/mono\n")
                .write("sub/lib/go.mod", "module corp.example/mono/sub/lib\n");
        repo.commit("one");
        repo.tag("v1.5.0").tag("sub/lib/v0.2.0");
        String next = repo.commit("two");
        ModuleRepo lib = fixture.module("corp.example/mono/sub/lib", "corp.example/mono", repo);

        RevisionInfo info = lib.stat(next);

        assertThat(info.version()).isEqualTo("v0.2.1-0.20200102040405-" + next.substring(0, 12));
        assertThat(info.origin().subdir()).isEqualTo("sub/lib");
        assertThat(lib.stat("v0.2.0").version()).isEqualTo("v0.2.0");
        assertThat(lib.stat("sub/lib/v0.2.0").version()).isEqualTo("v0.2.0");
    }

    @Test
    void marksPseudoVersionsAndTagsIncompatibleWithoutGoMod() {
        TestRepo repo = fixture.repo("nogo");
        repo.write("a.go", "package a\n").commit("one");
        repo.tag("v2.1.0");
        String next = repo.commit("two");
        ModuleRepo module = fixture.module("corp.example/nogo", "corp.example/nogo", repo);

        assertThat(module.stat("v2.1.0").version()).isEqualTo("v2.1.0+incompatible");
        assertThat(module.stat("v2.1.0+incompatible").version()).isEqualTo("v2.1.0+incompatible");
        assertThat(module.stat(next).version())
                .isEqualTo("v2.1.1-0.20200102040405-" + next.substring(0, 12) + "+incompatible");
    }

    @Test
    void resolvesABranchNamedLikeAVersionOnTheMajorBranchLayout() {
        TestRepo repo = fixture.repo("major");
        repo.write("go.mod", "module corp.example/major\n").commit("v1");
        repo.tag("v1.0.0");
        repo.newBranch("v2").write("go.mod", "module corp.example/major/v2\n").commit("v2");
        repo.tag("v2.1.0");
        String tip = repo.commit("more v2");
        ModuleRepo v2 = fixture.module("corp.example/major/v2", "corp.example/major", repo);

        assertThat(v2.stat("v2").version()).isEqualTo("v2.1.1-0.20200102050405-" + tip.substring(0, 12));
        assertThat(v2.stat("v2.1.0").version()).isEqualTo("v2.1.0");
        assertThatThrownBy(() -> v2.stat("v1.0.0"))
                .isInstanceOfSatisfying(
                        VcsException.class, e -> assertThat(e.kind()).isEqualTo(VcsException.Kind.NOT_FOUND));
    }

    @Test
    void acceptsValidPseudoVersionsAndRejectsForgedOnes() {
        TestRepo repo = fixture.repo("forged");
        repo.write("go.mod", "module corp.example/forged\n").commit("one");
        repo.tag("v1.0.0");
        String next = repo.commit("two");
        String rev = next.substring(0, 12);
        ModuleRepo module = fixture.module("corp.example/forged", "corp.example/forged", repo);
        String valid = "v1.0.1-0.20200102040405-" + rev;

        assertThat(module.stat(valid).version()).isEqualTo(valid);
        assertThat(module.stat(valid).origin().hash()).isEqualTo(next);
        assertRejected(module, "v1.0.1-0.20200102040406-" + rev, "does not match version-control timestamp");
        assertRejected(module, "v1.5.1-0.20200102040405-" + rev, "preceding tag (v1.5.0) not found");
        assertRejected(
                module, "v1.0.1-0.20200102040405-" + next.substring(0, 10), "revision is shorter than canonical");
        assertRejected(
                module, "v1.0.0-20200102040405-" + rev, "major version without preceding tag must be v0, not v1");
    }

    @Test
    void skipsRetractedTagsAsPseudoVersionBases() {
        TestRepo repo = fixture.repo("retract");
        repo.write("go.mod", "module corp.example/retract\n").commit("one");
        repo.tag("v1.0.0");
        repo.commit("two");
        repo.tag("v1.0.5");
        String third = repo.commit("three");
        repo.write("go.mod", "module corp.example/retract\n\nretract (\n\tv1.0.5 // broken\n)\n")
                .commit("four");
        repo.tag("v1.1.0");

        RevisionInfo info = fixture.module("corp.example/retract", "corp.example/retract", repo)
                .stat(third);

        assertThat(info.version()).isEqualTo("v1.0.1-0.20200102050405-" + third.substring(0, 12));
    }

    @Test
    void answersLatestWithTheDefaultBranchTip() {
        TestRepo repo = fixture.repo("latest");
        repo.write("go.mod", "module corp.example/latest\n");
        String first = repo.commit("one");
        ModuleRepo module = fixture.module("corp.example/latest", "corp.example/latest", repo);

        RevisionInfo untagged = module.latest();
        assertThat(untagged.version()).isEqualTo("v0.0.0-20200102030405-" + first.substring(0, 12));
        assertThat(untagged.origin().ref()).contains("HEAD");
        assertThat(untagged.origin().hash()).isEqualTo(first);

        repo.tag("v0.3.0");
        fixture.clock.advance(RepoFixture.TTL);
        assertThat(module.latest().version()).isEqualTo("v0.3.0");
    }

    @Test
    void reportsUnknownRevisionsAsNotFound() {
        TestRepo repo = fixture.repo("unknown");
        repo.write("go.mod", "module corp.example/unknown\n").commit("one");
        ModuleRepo module = fixture.module("corp.example/unknown", "corp.example/unknown", repo);

        assertThatThrownBy(() -> module.stat("v9.9.9")).isInstanceOfSatisfying(VcsException.class, e -> {
            assertThat(e.kind()).isEqualTo(VcsException.Kind.NOT_FOUND);
            assertThat(e.getMessage()).contains("corp.example/unknown@v9.9.9").contains("unknown revision v9.9.9");
        });
    }

    private static void assertRejected(ModuleRepo module, String version, String reason) {
        assertThatThrownBy(() -> module.stat(version)).as(version).isInstanceOfSatisfying(VcsException.class, e -> {
            assertThat(e.kind()).isEqualTo(VcsException.Kind.NOT_FOUND);
            assertThat(e.getMessage()).contains(reason);
        });
    }
}
