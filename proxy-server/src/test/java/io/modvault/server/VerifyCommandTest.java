package io.modvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoredBlob;
import io.modvault.core.storage.rocksdb.RocksDbModuleStore;
import io.modvault.core.testing.ModuleZips;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import io.modvault.server.it.RecordedStore;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code modvault verify} run in-process through picocli against a real RocksDB data directory. */
class VerifyCommandTest {

    private static final TestModule UPPER = TestModules.get(TestModules.UPPER, "v1.0.0");
    private static final TestModule NOMOD = TestModules.get(TestModules.NOMOD, "v1.0.0");

    @TempDir
    Path temp;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int verify(Map<String, String> env, String... args) {
        return VerifyCommand.commandLine(
                        env,
                        new PrintStream(stdout, true, StandardCharsets.UTF_8),
                        new PrintStream(stderr, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void verifyIsRegisteredNextToServe() {
        assertThat(Main.commandLine().getSubcommands()).containsKeys("serve", "verify");
    }

    @Test
    void cleanStoreExitsZeroWithOnlyTheSummary() throws Exception {
        Path data = populate(temp.resolve("data"));

        int exit = verify(Map.of("MODVAULT_DATA_DIR", data.toString()));

        assertThat(exit).as(err()).isZero();
        assertThat(out()).isEqualTo("checked 2 mod, 2 zip: 0 problems\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void changedZipExitsOneAndNamesTheModuleWithBothHashes() throws Exception {
        Path data = populate(temp.resolve("data"));
        String recorded;
        String now;
        try (ModuleStore store = RocksDbModuleStore.open(data, Clock.systemUTC())) {
            StoredBlob blob = store.blob(EntryKey.of(EntryKind.ZIP, "example.test/!upper/!case@v1.0.0"))
                    .orElseThrow();
            recorded = DirHash.hashZip(blob.file());
            // A valid zip of the same version with other content: bytes changed on disk.
            TestModule upper = TestModules.get(TestModules.UPPER, "v1.0.0");
            Map<String, byte[]> files = new HashMap<>(upper.files());
            files.put("extra.go", "package upper\n".getBytes(StandardCharsets.UTF_8));
            Path other = ModuleZips.write(
                    new TestModule(upper.path(), upper.version(), upper.goMod(), files, upper.time()),
                    temp.resolve("other.zip"));
            Files.write(blob.file(), Files.readAllBytes(other));
            now = DirHash.hashZip(other);
        }

        int exit = verify(Map.of(), "--data-dir", data.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out())
                .startsWith("CORRUPT example.test/Upper/Case@v1.0.0 zip: blob ")
                .endsWith("\nCHANGED example.test/Upper/Case@v1.0.0 zip: recorded " + recorded + ", now " + now
                        + "\nchecked 2 mod, 2 zip: 2 problems\n");
    }

    @Test
    void dataDirFlagWinsOverTheEnvironment() throws Exception {
        Path data = populate(temp.resolve("data"));

        int exit = verify(
                Map.of("MODVAULT_DATA_DIR", temp.resolve("elsewhere").toString()), "--data-dir", data.toString());

        assertThat(exit).as(err()).isZero();
    }

    @Test
    void directoryWithoutAStoreIsAnErrorAndIsNotCreated() {
        Path missing = temp.resolve("typo");

        int exit = verify(Map.of("MODVAULT_DATA_DIR", missing.toString()));

        assertThat(exit).isEqualTo(2);
        assertThat(err()).startsWith("modvault verify: no modvault store in " + missing.toAbsolutePath());
        assertThat(missing).doesNotExist();
        assertThat(out()).isEmpty();
    }

    @Test
    void invalidConfigurationExitsTwo() {
        int exit = verify(Map.of("MODVAULT_DATA_DIRR", temp.toString()));

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("configuration error", "MODVAULT_DATA_DIRR");
    }

    @Test
    void memoryStoreHasNothingToVerify() {
        int exit = verify(Map.of("MODVAULT_STORE", "memory", "MODVAULT_DATA_DIR", temp.toString()));

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("MODVAULT_STORE=memory");
    }

    @Test
    void storeHeldByARunningServerExitsTwoAndSaysToStopIt() throws Exception {
        Path data = populate(temp.resolve("data"));
        try (ModuleStore held = RocksDbModuleStore.open(data, Clock.systemUTC())) {
            int exit = verify(Map.of("MODVAULT_DATA_DIR", data.toString()));

            assertThat(exit).isEqualTo(2);
            assertThat(err())
                    .startsWith(
                            "modvault verify: the store in " + data.toAbsolutePath() + " is locked by another process")
                    .contains("stop the modvault server using this data directory");
            assertThat(held.keys(EntryKind.HASHES, "")).hasSize(4);
        }
    }

    /** A RocksDB data directory holding UPPER and NOMOD with their recorded hashes, closed again. */
    private Path populate(Path data) {
        return RecordedStore.populate(data, List.of(UPPER, NOMOD), temp.resolve("zips"));
    }
}
