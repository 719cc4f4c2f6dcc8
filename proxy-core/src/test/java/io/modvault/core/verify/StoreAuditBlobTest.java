package io.modvault.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoredBlob;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.core.testing.ModuleZips;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failure 4 in {@code modvault verify}: every blob's own SHA-256 is checked, not only its {@code h1:}. */
class StoreAuditBlobTest {
    private static final TestModule MULTI = TestModules.get(TestModules.MULTI_V2, "v2.0.0");
    private static final String KEY = "example.test/multi/v2@v2.0.0";

    @TempDir
    Path temp;

    private ModuleStore store;

    @BeforeEach
    void openStore() {
        store = InMemoryModuleStore.open(temp.resolve("store"), Clock.systemUTC());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void flippedByteIsReportedByVerify() throws IOException {
        StoredBlob blob = storeRecorded();
        long middle = Files.size(blob.file()) / 2;
        rewriteByte(blob.file(), middle, b -> b ^ 0x01);

        StoreAudit.Result result = StoreAudit.run(store);

        assertThat(result.problems()).first().isInstanceOf(StoreAudit.Corrupt.class);
        assertThat(result.problems().getFirst().line())
                .startsWith("CORRUPT example.test/multi/v2@v2.0.0 zip: blob sha256 " + blob.sha256Hex()
                        + ", content sha256 ");
        assertThat(result.clean()).isFalse();
    }

    /** Byte 10 of a local file header is its modification time, which {@code h1:} does not cover. */
    @Test
    void localHeaderByteChangeIsReportedByVerify() throws IOException {
        StoredBlob blob = storeRecorded();
        String h1Before = DirHash.hashZip(blob.file());
        rewriteByte(blob.file(), 10, b -> b ^ 0x20);
        assertThat(DirHash.hashZip(blob.file())).as("invisible to h1:").isEqualTo(h1Before);

        StoreAudit.Result result = StoreAudit.run(store);

        assertThat(result.problems()).singleElement().isInstanceOf(StoreAudit.Corrupt.class);
        assertThat(result.problems().getFirst().line()).contains("blob sha256 " + blob.sha256Hex());
    }

    @Test
    void truncatedBlobIsReportedWithBothSizes() throws IOException {
        StoredBlob blob = storeRecorded();
        try (RandomAccessFile raf = new RandomAccessFile(blob.file().toFile(), "rw")) {
            raf.setLength(blob.size() - 7);
        }

        StoreAudit.Result result = StoreAudit.run(store);

        assertThat(result.problems())
                .first()
                .extracting(StoreAudit.Problem::line)
                .isEqualTo("CORRUPT " + "example.test/multi/v2@v2.0.0 zip: blob is " + (blob.size() - 7)
                        + " bytes on disk, " + blob.size() + " recorded");
    }

    private StoredBlob storeRecorded() throws IOException {
        Path zip = ModuleZips.write(MULTI, temp.resolve("multi.zip"));
        Path staged = store.newTempFile();
        Files.copy(zip, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        store.put(EntryKey.of(EntryKind.MOD, KEY), MULTI.goMod());
        store.put(
                EntryKey.of(EntryKind.HASHES, KEY + HashLedger.MOD_SUFFIX),
                RecordedHashes.empty()
                        .withMod(DirHash.hashGoMod(MULTI.goMod()), "sumdb.test")
                        .toJson());
        return store.commitBlob(
                EntryKey.of(EntryKind.ZIP, KEY),
                staged,
                sha256(Files.readAllBytes(zip)),
                new byte[0],
                Map.of(
                        EntryKey.of(EntryKind.HASHES, KEY + HashLedger.ZIP_SUFFIX),
                        RecordedHashes.empty()
                                .withZip(DirHash.hashZip(zip), "sumdb.test")
                                .toJson()));
    }

    private static void rewriteByte(Path file, long offset, java.util.function.IntUnaryOperator change)
            throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(change.applyAsInt(b));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
