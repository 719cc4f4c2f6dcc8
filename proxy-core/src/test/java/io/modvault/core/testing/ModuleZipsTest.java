package io.modvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleZipsTest {

    @TempDir
    Path temp;

    private List<String> names(String path, String version) {
        return ModuleZips.entryNames(ModuleZips.write(TestModules.get(path, version), temp.resolve(version + ".zip")));
    }

    @Test
    void catalogueZipsHaveExactlyTheEntryNamesTheGoCommandWrites() {
        assertThat(names("example.test/Upper/Case", "v1.1.0"))
                .containsExactlyInAnyOrder(
                        "example.test/Upper/Case@v1.1.0/LICENSE",
                        "example.test/Upper/Case@v1.1.0/go.mod",
                        "example.test/Upper/Case@v1.1.0/internal/text/text.go",
                        "example.test/Upper/Case@v1.1.0/upper.go");
        assertThat(names("example.test/multi/v2", "v2.0.0"))
                .containsExactlyInAnyOrder(
                        "example.test/multi/v2@v2.0.0/go.mod", "example.test/multi/v2@v2.0.0/multi.go");
        assertThat(names("example.test/legacy", "v1.0.0")).containsExactly("example.test/legacy@v1.0.0/legacy.go");
        assertThat(names("example.test/legacy", "v2.0.0+incompatible"))
                .containsExactly("example.test/legacy@v2.0.0+incompatible/legacy.go");
        assertThat(names("example.test/nomod", "v1.0.0")).containsExactly("example.test/nomod@v1.0.0/nomod.go");
        assertThat(names("example.test/pre", "v0.9.0-rc.2"))
                .containsExactlyInAnyOrder(
                        "example.test/pre@v0.9.0-rc.2/go.mod", "example.test/pre@v0.9.0-rc.2/pre.go");
        assertThat(names("example.test/pseudo", "v0.0.0-20240102030405-abcdefabcdef"))
                .containsExactlyInAnyOrder(
                        "example.test/pseudo@v0.0.0-20240102030405-abcdefabcdef/go.mod",
                        "example.test/pseudo@v0.0.0-20240102030405-abcdefabcdef/pseudo.go");
    }

    @Test
    void everyCatalogueEntryIsADeflatedFileNeverADirectory() throws IOException {
        for (TestModule module : TestModules.catalogue()) {
            Path zip = ModuleZips.write(module, temp.resolve(module.path().replace('/', '_') + module.version()));
            try (ZipFile file = new ZipFile(zip.toFile())) {
                List<? extends ZipEntry> entries = file.stream().toList();
                assertThat(entries).isNotEmpty().allSatisfy(e -> {
                    assertThat(e.isDirectory()).as(e.getName()).isFalse();
                    assertThat(e.getMethod()).as(e.getName()).isEqualTo(ZipEntry.DEFLATED);
                    assertThat(e.getName()).startsWith(module.path() + "@" + module.version() + "/");
                });
            }
        }
    }

    @Test
    void zipHashMatchesTheSpecVectorForASingleFileModule() {
        TestModule module = TestModule.of("example.com/m", "v1.0.0", Instant.EPOCH, Map.of("a.go", "package a\n"));

        Path zip = ModuleZips.write(module, temp.resolve("m.zip"));

        assertThat(H1.ofZip(zip)).isEqualTo("h1:xctQQey8/y7IcBjFZDP/onWLSXhlqcsC3i1fgSdpMHk=");
        assertThat(ModuleZips.bytes(module)).isEqualTo(readBytes(zip));
    }

    @Test
    void catalogueGoModHasTheSpecVectorHash() {
        byte[] goMod = TestModules.goMod("example.com/m").getBytes(StandardCharsets.UTF_8);

        assertThat(H1.ofGoMod(goMod)).isEqualTo("h1:ONeDgCa5UF/jJRjGzpOKmUiezgFEk4IPFZ96frvroW0=");
    }

    @Test
    void infoJsonHasVersionAndRfc3339UtcTime() {
        assertThat(ModuleZips.infoJson(TestModules.get(TestModules.UPPER, "v1.0.0")))
                .isEqualTo("{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-02T03:04:05Z\"}");
        assertThat(ModuleZips.infoJson(TestModules.get(TestModules.LEGACY, "v2.0.0+incompatible")))
                .isEqualTo("{\"Version\":\"v2.0.0+incompatible\",\"Time\":\"2020-05-06T07:08:09Z\"}");
    }

    @Test
    void sizedZipIsNearTheRequestedSizeIncompressibleAndReproducible() {
        TestModule base = TestModules.get(TestModules.MULTI_V2, "v2.1.0");
        long oneMiB = 1 << 20;

        Path first = ModuleZips.sized(base, oneMiB, new Random(42), temp.resolve("a/big.zip"));
        Path second = ModuleZips.sized(base, oneMiB, new Random(42), temp.resolve("b/big.zip"));

        assertThat(first.toFile().length()).isBetween(oneMiB * 97 / 100, oneMiB * 103 / 100);
        assertThat(ModuleZips.entryNames(first))
                .containsExactlyInAnyOrder(
                        "example.test/multi/v2@v2.1.0/go.mod",
                        "example.test/multi/v2@v2.1.0/multi.go",
                        "example.test/multi/v2@v2.1.0/testdata/payload.bin");
        assertThat(readBytes(first)).isEqualTo(readBytes(second));
    }

    @Test
    void sizedZipDiffersForAnotherSeed() {
        TestModule base = TestModules.get(TestModules.NOMOD, "v1.0.0");

        Path a = ModuleZips.sized(base, 64 * 1024, new Random(1), temp.resolve("1.zip"));
        Path b = ModuleZips.sized(base, 64 * 1024, new Random(2), temp.resolve("2.zip"));

        assertThat(H1.ofZip(a)).isNotEqualTo(H1.ofZip(b));
    }

    @Test
    void rejectsGoModOutsideTheModuleRoot() {
        assertThatThrownBy(() -> TestModule.of(
                        "example.test/x", "v1.0.0", Instant.EPOCH, Map.of("sub/GO.MOD", "module example.test/x/sub\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sub/GO.MOD");
    }

    @Test
    void rejectsFileNamesThatCollideUnderCaseFolding() {
        assertThatThrownBy(() ->
                        TestModule.of("example.test/x", "v1.0.0", Instant.EPOCH, Map.of("README", "a", "readme", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("case folding");
    }

    @Test
    void rejectsDirectoryEntriesAndUncleanPaths() {
        for (String bad : List.of("dir/", "/abs.go", "a/../b.go", "a//b.go", "./a.go")) {
            assertThatThrownBy(() -> TestModule.of("example.test/x", "v1.0.0", Instant.EPOCH, Map.of(bad, "x")))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
