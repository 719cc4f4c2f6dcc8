package io.modvault.core.vcs.coderepo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.upstream.DownloadedFile;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.git.TestRepo;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Module zips built from git archives: exact entry lists for the files the go command leaves
 * out (vendor, nested modules, symlinks, .hg_archival.txt) or adds (the root LICENSE), and the
 * same h1 as x/mod's CreateFromVCS for every version.
 */
class ModuleZipTest {
    private static final String MOD = "corp.example/zipcases";

    @TempDir
    Path temp;

    private ModuleRepoFixture fixture;
    private TestRepo repo;

    @BeforeEach
    void createRepository() {
        fixture = new ModuleRepoFixture(temp);
        repo = fixture.repo("zipcases");
        repo.write("go.mod", "module " + MOD + "\n\ngo 1.21\n")
                .write("LICENSE", "license text\n")
                .write("a.go", "package a\n")
                .write("run.sh", "#!/bin/sh\necho hi\n")
                .write("ünïcode.go", "package a\n")
                .write("notes.txt", "line one\nline two\n")
                .write(".gitattributes", "*.txt text eol=crlf\n")
                .write("vendor/modules.txt", "# example.com/dep v1.0.0\n")
                .write("vendor/example.com/dep/dep.go", "package dep\n")
                .write("pkg/vendor/vendor.go", "package vendor\n")
                .write("pkg/vendor/foo/foo.go", "package foo\n")
                .write("nested/go.mod", "module " + MOD + "/nested\n")
                .write("nested/n.go", "package nested\n")
                .write("other/Go.Mod", "module whatever\n")
                .write("other/o.go", "package other\n")
                .write(".hg_archival.txt", "repo: 0\n")
                .write("sub/.hg_archival.txt", "kept\n")
                .symlink("link.go", "a.go");
        repo.git("update-index", "--chmod=+x", "--add", "run.sh");
        repo.commit("first");
        repo.tag("v1.0.0");
        repo.write("go.mod", "module " + MOD + "\n\ngo 1.24\n");
        repo.commit("go 1.24");
        repo.tag("v1.1.0");
    }

    @Test
    void leavesOutVendoredNestedSymlinkedAndHgFilesKeepingLegacyVendorRulesBeforeGo124() throws IOException {
        ModuleRepo module = fixture.module(MOD, MOD, repo);
        Path zip = temp.resolve("v1.0.0.zip");
        module.zip("v1.0.0", zip);

        String p = MOD + "@v1.0.0/";
        // Before go 1.24, vendor/modules.txt stays and pkg/vendor/vendor.go goes (go.dev/issue/37397).
        assertThat(entries(zip))
                .containsExactly(
                        p + ".gitattributes",
                        p + "LICENSE",
                        p + "a.go",
                        p + "go.mod",
                        p + "notes.txt",
                        p + "run.sh",
                        p + "sub/.hg_archival.txt",
                        p + "vendor/modules.txt",
                        p + "ünïcode.go");
    }

    @Test
    void appliesTheGo124VendorRules() throws IOException {
        Path zip = temp.resolve("v1.1.0.zip");
        fixture.module(MOD, MOD, repo).zip("v1.1.0", zip);

        String p = MOD + "@v1.1.0/";
        assertThat(entries(zip)).contains(p + "pkg/vendor/vendor.go").doesNotContain(p + "vendor/modules.txt");
    }

    @Test
    void hashesLikeXModCreateFromVcsForEveryVersion() throws IOException {
        ModuleRepo module = fixture.module(MOD, MOD, repo);
        for (String version : List.of("v1.0.0", "v1.1.0")) {
            Path zip = temp.resolve(version + ".zip");
            module.zip(version, zip);
            ModZipOracle.Result expected = ModZipOracle.zip(repo.dir(), version, "", MOD, version);

            assertThat(DirHash.hashZip(zip)).as(version).isEqualTo(expected.h1());
            assertThat(entries(zip)).as(version).isEqualTo(expected.names());
        }
    }

    @Test
    void keepsArchiveLineEndingsFromAttributes() throws IOException {
        Path zip = temp.resolve("v1.0.0.zip");
        fixture.module(MOD, MOD, repo).zip("v1.0.0", zip);

        try (ZipFile file = new ZipFile(zip.toFile())) {
            byte[] notes = file.getInputStream(file.getEntry(MOD + "@v1.0.0/notes.txt"))
                    .readAllBytes();
            assertThat(new String(notes, UTF_8)).isEqualTo("line one\r\nline two\r\n");
        }
    }

    @Test
    void reportsSizeAndSha256OfTheWrittenZip() throws Exception {
        Path zip = temp.resolve("v1.0.0.zip");
        DownloadedFile written = fixture.module(MOD, MOD, repo).zip("v1.0.0", zip);

        assertThat(written.size()).isEqualTo(Files.size(zip));
        assertThat(written.sha256Hex())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip))));
    }

    @Test
    void writesTheSameBytesEveryTime() throws IOException {
        ModuleRepo module = fixture.module(MOD, MOD, repo);
        Path first = temp.resolve("first.zip");
        Path second = temp.resolve("second.zip");
        module.zip("v1.0.0", first);
        module.zip("v1.0.0", second);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void includesExportIgnoredFilesAsTheGoCommandDoes() throws IOException {
        repo.write(".gitattributes", "secret.txt export-ignore\nversion.go export-subst\n")
                .write("secret.txt", "still in the module\n")
                .write("version.go", "package a // $Format:%H$\n");
        repo.commit("export attributes");
        repo.tag("v1.2.0");
        Path zip = temp.resolve("v1.2.0.zip");
        fixture.module(MOD, MOD, repo).zip("v1.2.0", zip);

        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(file.getEntry(MOD + "@v1.2.0/secret.txt")).isNotNull();
            byte[] version = file.getInputStream(file.getEntry(MOD + "@v1.2.0/version.go"))
                    .readAllBytes();
            assertThat(new String(version, UTF_8)).isEqualTo("package a // $Format:%H$\n");
        }
    }

    @Test
    void refusesCaseInsensitiveCollisions() {
        repo.write("README", "one\n").write("readme", "two\n");
        repo.commit("collide");
        repo.tag("v1.3.0");

        assertThatThrownBy(() -> fixture.module(MOD, MOD, repo).zip("v1.3.0", temp.resolve("bad.zip")))
                .isInstanceOfSatisfying(VcsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VcsException.Kind.NOT_FOUND);
                    assertThat(e.getMessage())
                            .contains("case-insensitive file name collision: \"README\" and \"readme\"");
                });
    }

    @Test
    void refusesFilePathsGoDoesNotAllow() {
        repo.write("bad:name.go", "package a\n");
        repo.commit("colon");
        repo.tag("v1.4.0");

        assertThatThrownBy(() -> fixture.module(MOD, MOD, repo).zip("v1.4.0", temp.resolve("bad.zip")))
                .isInstanceOfSatisfying(VcsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VcsException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("bad:name.go").contains("invalid char ':'");
                });
    }

    static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().map(ZipEntry::getName).forEach(names::add);
        }
        return names;
    }
}
