package io.modvault.core.vcs.coderepo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.git.TestRepo;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .mod} and {@code .zip} for modules in subdirectories and major-version layouts: the
 * go.mod found (or synthesized), the directory archived, the root LICENSE copied into
 * subdirectory modules, and h1 equal to x/mod's for each.
 */
class ModuleLayoutsTest {
    @TempDir
    Path temp;

    private ModuleRepoFixture fixture;
    private TestRepo mono;
    private String tip;

    @BeforeEach
    void createMonorepo() {
        fixture = new ModuleRepoFixture(temp);
        mono = fixture.repo("mono");
        mono.write("go.mod", "module corp.example/mono\n\ngo 1.22\n")
                .write("LICENSE", "root license\n")
                .write("root.go", "package mono\n")
                .write("sub/lib/go.mod", "module corp.example/mono/sub/lib // the library\n")
                .write("sub/lib/lib.go", "package lib\n")
                .write("sub/lib/vendor/x.example/dep/dep.go", "package dep\n")
                .write("sub/lib/inner/go.mod", "module corp.example/mono/sub/lib/inner\n")
                .write("sub/lib/inner/inner.go", "package inner\n")
                .write("sub/licensed/go.mod", "module corp.example/mono/sub/licensed\n")
                .write("sub/licensed/LICENSE", "own license\n")
                .write("v2/go.mod", "module corp.example/mono/v2\n")
                .write("v2/v2.go", "package mono\n");
        mono.commit("one");
        mono.tag("v1.0.0").tag("sub/lib/v0.1.0").tag("sub/licensed/v0.1.0").tag("v2.0.0");
        tip = mono.commit("two");
    }

    @Test
    void readsTheGoModOfASubdirectoryModule() {
        ModuleRepo lib = fixture.module("corp.example/mono/sub/lib", "corp.example/mono", mono);

        assertThat(new String(lib.goMod("v0.1.0"), UTF_8))
                .isEqualTo("module corp.example/mono/sub/lib // the library\n");
    }

    @Test
    void copiesTheRootLicenseIntoSubdirectoryModulesWithoutOne() throws IOException {
        Path libZip = temp.resolve("lib.zip");
        fixture.module("corp.example/mono/sub/lib", "corp.example/mono", mono).zip("v0.1.0", libZip);
        Path licensedZip = temp.resolve("licensed.zip");
        fixture.module("corp.example/mono/sub/licensed", "corp.example/mono", mono)
                .zip("v0.1.0", licensedZip);

        String lib = "corp.example/mono/sub/lib@v0.1.0/";
        assertThat(ModuleZipTest.entries(libZip)).containsExactly(lib + "go.mod", lib + "lib.go", lib + "LICENSE");
        String licensed = "corp.example/mono/sub/licensed@v0.1.0/";
        assertThat(ModuleZipTest.entries(licensedZip)).containsExactly(licensed + "LICENSE", licensed + "go.mod");
    }

    @Test
    void leavesNestedModulesAndMajorDirectoriesOutOfTheRootModule() throws IOException {
        Path zip = temp.resolve("root.zip");
        fixture.module("corp.example/mono", "corp.example/mono", mono).zip("v1.0.0", zip);

        String p = "corp.example/mono@v1.0.0/";
        assertThat(ModuleZipTest.entries(zip)).containsExactly(p + "LICENSE", p + "go.mod", p + "root.go");
    }

    @Test
    void servesTheV2DirectoryLayout() throws IOException {
        ModuleRepo v2 = fixture.module("corp.example/mono/v2", "corp.example/mono", mono);
        Path zip = temp.resolve("v2.zip");
        v2.zip("v2.0.0", zip);

        assertThat(new String(v2.goMod("v2.0.0"), UTF_8)).isEqualTo("module corp.example/mono/v2\n");
        String p = "corp.example/mono/v2@v2.0.0/";
        assertThat(ModuleZipTest.entries(zip)).containsExactly(p + "go.mod", p + "v2.go", p + "LICENSE");
    }

    @Test
    void hashesEveryLayoutLikeXMod() throws IOException {
        String pseudo = fixture.module("corp.example/mono/sub/lib", "corp.example/mono", mono)
                .stat(tip)
                .version();
        record Case(String module, String subdir, String version, String revision) {}
        for (Case c : new Case[] {
            new Case("corp.example/mono", "", "v1.0.0", "v1.0.0"),
            new Case("corp.example/mono/sub/lib", "sub/lib", "v0.1.0", "sub/lib/v0.1.0"),
            new Case("corp.example/mono/sub/lib", "sub/lib", pseudo, tip),
            new Case("corp.example/mono/sub/licensed", "sub/licensed", "v0.1.0", "sub/licensed/v0.1.0"),
            new Case("corp.example/mono/v2", "v2", "v2.0.0", "v2.0.0"),
        }) {
            Path zip = temp.resolve(c.subdir().replace('/', '_') + c.version() + ".zip");
            fixture.module(c.module(), "corp.example/mono", mono).zip(c.version(), zip);
            ModZipOracle.Result expected =
                    ModZipOracle.zip(mono.dir(), c.revision(), c.subdir(), c.module(), c.version());

            assertThat(DirHash.hashZip(zip)).as(c.toString()).isEqualTo(expected.h1());
            assertThat(ModuleZipTest.entries(zip)).as(c.toString()).isEqualTo(expected.names());
        }
    }

    @Test
    void synthesizesGoModForRootModulesWithoutOneAndHashesTheirZips() throws IOException {
        TestRepo old = fixture.repo("old");
        old.write("old.go", "package old\n").write("LICENSE", "l\n").commit("one");
        old.tag("v1.0.0").tag("v2.0.0");
        ModuleRepo module = fixture.module("corp.example/old", "corp.example/old", old);
        Path zip = temp.resolve("old.zip");
        module.zip("v2.0.0+incompatible", zip);

        assertThat(new String(module.goMod("v1.0.0"), UTF_8)).isEqualTo("module corp.example/old\n");
        assertThat(new String(module.goMod("v2.0.0+incompatible"), UTF_8)).isEqualTo("module corp.example/old\n");
        assertThat(DirHash.hashZip(zip))
                .isEqualTo(ModZipOracle.zip(old.dir(), "v2.0.0", "", "corp.example/old", "v2.0.0+incompatible")
                        .h1());
    }

    @Test
    void hashesTheMajorBranchLayoutLikeXMod() throws IOException {
        TestRepo repo = fixture.repo("branch");
        repo.write("go.mod", "module corp.example/branch\n")
                .write("a.go", "package a\n")
                .commit("v1");
        repo.tag("v1.0.0");
        repo.newBranch("v2")
                .write("go.mod", "module corp.example/branch/v2\n\ngo 1.24\n")
                .write("vendor/modules.txt", "# none\n")
                .commit("v2");
        repo.tag("v2.0.0");
        ModuleRepo v2 = fixture.module("corp.example/branch/v2", "corp.example/branch", repo);
        Path zip = temp.resolve("branch.zip");
        v2.zip("v2.0.0", zip);

        assertThat(new String(v2.goMod("v2.0.0"), UTF_8)).startsWith("module corp.example/branch/v2\n");
        assertThat(ModuleZipTest.entries(zip))
                .containsExactly("corp.example/branch/v2@v2.0.0/a.go", "corp.example/branch/v2@v2.0.0/go.mod");
        assertThat(DirHash.hashZip(zip))
                .isEqualTo(ModZipOracle.zip(repo.dir(), "v2.0.0", "", "corp.example/branch/v2", "v2.0.0")
                        .h1());
    }

    @Test
    void refusesIncompatibleVersionsOfCommitsWithGoMod() {
        TestRepo repo = fixture.repo("modded");
        repo.write("go.mod", "module corp.example/modded\n").commit("one");
        repo.tag("v2.0.0");
        ModuleRepo module = fixture.module("corp.example/modded", "corp.example/modded", repo);

        assertThatThrownBy(() -> module.goMod("v2.0.0+incompatible")).isInstanceOfSatisfying(VcsException.class, e -> {
            assertThat(e.kind()).isEqualTo(VcsException.Kind.NOT_FOUND);
            assertThat(e.getMessage())
                    .contains("module contains a go.mod file, so module path must match major version");
        });
    }

    @Test
    void refusesSubdirectoryModulesWithoutGoModOrWithAnotherPath() {
        TestRepo repo = fixture.repo("bad");
        repo.write("go.mod", "module corp.example/bad\n")
                .write("nomod/x.go", "package x\n")
                .write("wrong/go.mod", "module corp.example/elsewhere/v3\n")
                .commit("one");
        repo.tag("nomod/v1.0.0").tag("wrong/v1.0.0");

        assertThatThrownBy(() -> fixture.module("corp.example/bad/nomod", "corp.example/bad", repo)
                        .goMod("v1.0.0"))
                .isInstanceOfSatisfying(VcsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VcsException.Kind.NOT_FOUND);
                    assertThat(e.getMessage())
                            .contains("missing corp.example/bad/nomod/go.mod at revision nomod/v1.0.0");
                });
        assertThatThrownBy(() -> fixture.module("corp.example/bad/wrong", "corp.example/bad", repo)
                        .goMod("v1.0.0"))
                .isInstanceOfSatisfying(
                        VcsException.class,
                        e -> assertThat(e.getMessage())
                                .contains("wrong/go.mod has post-v1 module path \"corp.example/elsewhere/v3\""));
    }
}
