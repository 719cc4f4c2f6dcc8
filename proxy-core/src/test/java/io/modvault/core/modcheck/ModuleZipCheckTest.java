package io.modvault.core.modcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.module.ModulePath;
import io.modvault.core.testing.HostileZips;
import io.modvault.core.testing.HostileZips.Entry;
import io.modvault.core.testing.ModuleZips;
import io.modvault.core.testing.TestModules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The go command's zip rules (x/mod zip.CheckZip and Unzip), each refused on its own. */
class ModuleZipCheckTest {
    private static final ModulePath MODULE = ModulePath.of("example.test/m");
    private static final String PREFIX = "example.test/m@v1.0.0/";
    private static final Entry GO_MOD = Entry.stored(PREFIX + "go.mod", "module example.test/m\n");

    @TempDir
    Path dir;

    @Test
    void acceptsZipsBuiltLikeTheGoCommand() {
        var module = TestModules.get(TestModules.UPPER, "v1.0.0");
        Path zip = ModuleZips.write(module, dir.resolve("upper.zip"));
        assertThat(ModuleZipCheck.problem(zip, ModulePath.of(module.path()), module.version(), ZipLimits.GO))
                .isEmpty();
        assertThat(check(GO_MOD, Entry.stored(PREFIX + "dir/", ""), Entry.stored(PREFIX + "dir/a.go", "package a\n")))
                .isEmpty();
    }

    @Test
    void zipEntryEscapingModuleDirectoryIsRefused() {
        assertThat(check(GO_MOD, Entry.stored(PREFIX + "../../../../evil.txt", "boo")))
                .contains("invalid module zip for example.test/m@v1.0.0: "
                        + "example.test/m@v1.0.0/../../../../evil.txt: file path is not clean");
    }

    @Test
    void entryOutsideTheModulePrefixIsRefused() {
        assertThat(check(GO_MOD, Entry.stored("example.test/other@v1.0.0/a.go", "package a\n")))
                .hasValueSatisfying(
                        p -> assertThat(p)
                                .contains(
                                        "example.test/other@v1.0.0/a.go: path does not have prefix \"example.test/m@v1.0.0/\""));
    }

    @Test
    void caseFoldCollisionIsRefused() {
        assertThat(check(
                        GO_MOD,
                        Entry.stored(PREFIX + "A.go", "package m\n"),
                        Entry.stored(PREFIX + "a.go", "package m\n")))
                .hasValueSatisfying(
                        p -> assertThat(p)
                                .endsWith(
                                        "example.test/m@v1.0.0/a.go: case-insensitive file name collision: \"A.go\" and \"a.go\""));
        assertThat(check(Entry.stored(PREFIX + "\u212Aelvin.go", ""), Entry.stored(PREFIX + "kelvin.go", "")))
                .hasValueSatisfying(p -> assertThat(p).contains("case-insensitive file name collision"));
    }

    @Test
    void duplicateEntryIsRefused() {
        assertThat(check(
                        GO_MOD,
                        Entry.stored(PREFIX + "a.go", "package m\n"),
                        Entry.stored(PREFIX + "a.go", "package evil\n")))
                .hasValueSatisfying(p -> assertThat(p).endsWith("multiple entries for file \"a.go\""));
    }

    @Test
    void fileThatIsAlsoADirectoryIsRefused() {
        assertThat(check(Entry.stored(PREFIX + "a", "x"), Entry.stored(PREFIX + "a/b.go", "package b\n")))
                .hasValueSatisfying(p -> assertThat(p).endsWith("entry \"a\" is both a file and a directory"));
    }

    @Test
    void malformedFilePathIsRefused() {
        assertThat(check(GO_MOD, Entry.stored(PREFIX + "aux.go", "")))
                .hasValueSatisfying(p -> assertThat(p)
                        .contains("malformed file path \"aux.go\"")
                        .contains("disallowed as path element component on Windows"));
        assertThat(check(GO_MOD, Entry.stored(PREFIX + "a:b.go", "")))
                .hasValueSatisfying(p -> assertThat(p).contains("malformed file path \"a:b.go\": invalid char ':'"));
    }

    @Test
    void goModOutsideTheRootOrMisCasedIsRefused() {
        assertThat(check(Entry.stored(PREFIX + "sub/GO.MOD", "module x\n")))
                .hasValueSatisfying(
                        p -> assertThat(p).endsWith("sub/GO.MOD: go.mod file not in module root directory"));
        assertThat(check(Entry.stored(PREFIX + "Go.Mod", "module example.test/m\n")))
                .hasValueSatisfying(p -> assertThat(p).endsWith("Go.Mod: go.mod files must have lowercase names"));
    }

    @Test
    void everyInvalidFileIsCountedInOneLine() {
        Optional<String> problem = check(
                Entry.stored(PREFIX + "a/../b", ""),
                Entry.stored(PREFIX + "c/./d", ""),
                Entry.stored("elsewhere/e", ""));
        assertThat(problem)
                .hasValueSatisfying(p ->
                        assertThat(p).endsWith("(and 2 more invalid files)").doesNotContain("\n"));
    }

    @Test
    void sizeLimitsApplyToDeclaredSizes() {
        ZipLimits small = new ZipLimits(1000, 20, 30);
        assertThat(check(small, Entry.stored(PREFIX + "go.mod", "module example.test/m // padding\n")))
                .hasValueSatisfying(
                        p -> assertThat(p).endsWith("go.mod: go.mod file too large (max size is 20 bytes)"));
        assertThat(check(small, Entry.stored(PREFIX + "LICENSE", "x".repeat(31))))
                .hasValueSatisfying(
                        p -> assertThat(p).endsWith("LICENSE: LICENSE file too large (max size is 30 bytes)"));
        ZipLimits threeMib = new ZipLimits(3 << 20, 20, 30);
        assertThat(check(
                        threeMib,
                        HostileZips.bomb(PREFIX + "a.txt", 1, 1 << 20),
                        HostileZips.bomb(PREFIX + "b.txt", 1, 1 << 20),
                        HostileZips.bomb(PREFIX + "c.txt", 1, 1 << 20),
                        HostileZips.bomb(PREFIX + "d.txt", 1, 1 << 20),
                        Entry.stored(PREFIX + "../bad", "")))
                .contains("invalid module zip for example.test/m@v1.0.0: "
                        + "total uncompressed size of module contents too large (max size is 3145728 bytes)");
    }

    @Test
    void zipFileLargerThanTheLimitIsRefusedBeforeOpening() {
        assertThat(check(new ZipLimits(100, 100, 100), Entry.stored(PREFIX + "a.txt", "x".repeat(200))))
                .hasValueSatisfying(p ->
                        assertThat(p).contains("module zip file is too large (").contains("limit is 100 bytes)"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void zipBombIsRefusedWhileInflating() {
        Entry bomb = HostileZips.bomb(PREFIX + "bomb.txt", 1024, 1000);
        assertThat(bomb.data().length).isLessThan(4 << 20);

        assertThat(check(GO_MOD, bomb))
                .contains(
                        "invalid module zip for example.test/m@v1.0.0: "
                                + "uncompressed size of file example.test/m@v1.0.0/bomb.txt is larger than declared size (1000 bytes)");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void zipBombDeclaringTheWholeLimitStopsAtTheLimit() {
        ZipLimits small = ZipLimits.GO.withMaxZipFile(8 << 20);
        Entry bomb = HostileZips.bomb(PREFIX + "bomb.txt", 64, 8 << 20);
        assertThat(check(small, bomb))
                .hasValueSatisfying(
                        p -> assertThat(p).endsWith("bomb.txt is larger than declared size (8388608 bytes)"));
    }

    @Test
    void entryShorterThanDeclaredIsRefused() {
        assertThat(check(GO_MOD, Entry.stored(PREFIX + "a.go", "package m\n").declaring(11)))
                .hasValueSatisfying(p -> assertThat(p).endsWith("a.go is smaller than declared size (11 bytes)"));
    }

    @Test
    void entryWhoseChecksumDoesNotMatchIsRefused() {
        assertThat(check(GO_MOD, Entry.stored(PREFIX + "a.go", "package m\n").withCrc(12345)))
                .hasValueSatisfying(
                        p -> assertThat(p).endsWith("a.go: checksum error (content does not match its CRC-32)"));
    }

    @Test
    void directoryEntryWithHiddenContentIsInflatedToo() {
        Entry bomb = HostileZips.bomb(PREFIX + "dir/", 16, 0);
        assertThat(check(GO_MOD, bomb))
                .hasValueSatisfying(p -> assertThat(p).endsWith("dir/ is larger than declared size (0 bytes)"));
    }

    @Test
    void notAZipIsRefusedWithoutNamingTheLocalFile() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.zip"), "not a zip");
        Optional<String> problem = ModuleZipCheck.problem(garbage, MODULE, "v1.0.0", ZipLimits.GO);
        assertThat(problem)
                .hasValueSatisfying(p -> assertThat(p)
                        .startsWith("invalid module zip for example.test/m@v1.0.0: not a valid zip file")
                        .doesNotContain(dir.toString()));
        Optional<String> gone = ModuleZipCheck.problem(dir.resolve("gone.zip"), MODULE, "v1.0.0", ZipLimits.GO);
        assertThat(gone).hasValueSatisfying(p -> assertThat(p).doesNotContain(dir.toString()));
    }

    @Test
    void nonCanonicalVersionIsRefused() throws IOException {
        Path zip = write(List.of(GO_MOD));
        assertThat(ModuleZipCheck.problem(zip, MODULE, "v1.0", ZipLimits.GO))
                .hasValueSatisfying(p -> assertThat(p).contains("version \"v1.0\" is not canonical"));
    }

    private Optional<String> check(Entry... entries) {
        return check(ZipLimits.GO, entries);
    }

    private Optional<String> check(ZipLimits limits, Entry... entries) {
        try {
            return ModuleZipCheck.problem(write(List.of(entries)), MODULE, "v1.0.0", limits);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path write(List<Entry> entries) throws IOException {
        return Files.write(Files.createTempFile(dir, "m", ".zip"), HostileZips.zip(entries));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
