package io.modvault.core.vcs.coderepo;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.vcs.git.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /@v/list} from tags, for each repository layout the go command understands (coderepo Versions). */
class ModuleVersionsTest {
    @TempDir
    Path temp;

    private ModuleRepoFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ModuleRepoFixture(temp);
    }

    @Test
    void listsCanonicalTagsInSemverOrderIgnoringOthers() {
        TestRepo repo = fixture.repo("plain");
        repo.write("go.mod", "module corp.example/plain\n").commit("one");
        repo.tag("v0.1.0").tag("release-1").tag("v1.2").tag("v0.9.0+meta").tag("v0.0.0-20190101000000-abcdefabcdef");
        repo.commit("two");
        repo.annotatedTag("v1.0.0")
                .tag("v1.10.0")
                .tag("v1.2.0")
                .tag("v1.2.0-rc.1")
                .tag("v2.0.0+incompatible");

        assertThat(fixture.module("corp.example/plain", "corp.example/plain", repo)
                        .versions())
                .containsExactly("v0.1.0", "v1.0.0", "v1.2.0-rc.1", "v1.2.0", "v1.10.0");
    }

    @Test
    void listsPrefixedTagsForAModuleInASubdirectory() {
        TestRepo repo = fixture.repo("mono");
        repo.write("go.mod", "module corp.example/mono\n")
                .write("sub/lib/go.mod", "module corp.example/mono/sub/lib\n");
        repo.commit("one");
        repo.tag("v1.0.0")
                .tag("sub/lib/v0.1.0")
                .tag("sub/lib/v0.2.0-pre")
                .tag("sub/v9.9.9")
                .tag("sub/lib/x/v3.0.0");

        assertThat(fixture.module("corp.example/mono/sub/lib", "corp.example/mono", repo)
                        .versions())
                .containsExactly("v0.1.0", "v0.2.0-pre");
        assertThat(fixture.module("corp.example/mono", "corp.example/mono", repo)
                        .versions())
                .containsExactly("v1.0.0");
    }

    @Test
    void listsMajorVersionsForTheV2DirectoryAndV2BranchLayouts() {
        TestRepo dir = fixture.repo("dirlayout");
        dir.write("go.mod", "module corp.example/dirlayout\n").write("v2/go.mod", "module corp.example/dirlayout/v2\n");
        dir.commit("one");
        dir.tag("v1.0.0").tag("v2.0.0").tag("v2.1.0");
        TestRepo branch = fixture.repo("branchlayout");
        branch.write("go.mod", "module corp.example/branchlayout\n").commit("v1");
        branch.tag("v1.0.0");
        branch.newBranch("v2")
                .write("go.mod", "module corp.example/branchlayout/v2\n")
                .commit("v2");
        branch.tag("v2.0.0");

        assertThat(fixture.module("corp.example/dirlayout/v2", "corp.example/dirlayout", dir)
                        .versions())
                .containsExactly("v2.0.0", "v2.1.0");
        // The latest v1 has a go.mod: no v2 tag is offered as +incompatible for the unsuffixed path.
        assertThat(fixture.module("corp.example/dirlayout", "corp.example/dirlayout", dir)
                        .versions())
                .containsExactly("v1.0.0");
        assertThat(fixture.module("corp.example/branchlayout/v2", "corp.example/branchlayout", branch)
                        .versions())
                .containsExactly("v2.0.0");
    }

    @Test
    void listsIncompatibleVersionsForMajorsWithoutGoMod() {
        TestRepo repo = fixture.repo("nogo");
        repo.write("a.go", "package a\n").commit("one");
        repo.tag("v1.0.0");
        repo.write("a.go", "package a // 2\n").commit("two");
        repo.tag("v2.0.0").tag("v2.1.0");
        repo.write("go.mod", "module corp.example/nogo/v3\n").commit("three");
        repo.tag("v3.0.0");

        assertThat(fixture.module("corp.example/nogo", "corp.example/nogo", repo)
                        .versions())
                .containsExactly("v1.0.0", "v2.0.0+incompatible", "v2.1.0+incompatible");
        assertThat(fixture.module("corp.example/nogo/v3", "corp.example/nogo", repo)
                        .versions())
                .containsExactly("v3.0.0");
    }

    @Test
    void dropsIncompatibleVersionsWhenTheLatestCompatibleVersionHasGoMod() {
        TestRepo repo = fixture.repo("dropinc");
        repo.write("a.go", "package a\n").commit("one");
        repo.tag("v2.0.0");
        repo.write("go.mod", "module corp.example/dropinc\n").commit("two");
        repo.tag("v1.5.0");
        ModuleRepo module = fixture.module("corp.example/dropinc", "corp.example/dropinc", repo);

        assertThat(module.versions()).containsExactly("v1.5.0");
    }

    @Test
    void offersIncompatibleVersionsWhenNoCompatibleVersionExists() {
        TestRepo repo = fixture.repo("onlyv2");
        repo.write("a.go", "package a\n").commit("one");
        repo.tag("v2.0.0").tag("v4.1.0");

        assertThat(fixture.module("corp.example/onlyv2", "corp.example/onlyv2", repo)
                        .versions())
                .containsExactly("v2.0.0+incompatible", "v4.1.0+incompatible");
    }

    @Test
    void listsNothingForGopkgInUnstablePaths() {
        TestRepo repo = fixture.repo("gopkg");
        repo.write("a.go", "package a\n").commit("one");
        repo.tag("v2.0.0");

        assertThat(fixture.module("gopkg.in/yaml.v2-unstable", "gopkg.in/yaml.v2-unstable", repo)
                        .versions())
                .isEmpty();
        assertThat(fixture.module("gopkg.in/yaml.v2", "gopkg.in/yaml.v2", repo).versions())
                .containsExactly("v2.0.0");
    }
}
