package io.modvault.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ModuleStore} must pass: small entries ({@link EntryContract}), the time index ({@link TimelineContract}), blobs,
 * sweeping, reopening and closing. An implementation's test extends this class and says how to
 * open the store; it ships in proxy-core's test-jar.
 */
public abstract class ModuleStoreContract extends BlobSafetyContract {
    private static final byte[] ZIP_A = randomBytes(1, 200_000);
    private static final byte[] ZIP_B = randomBytes(2, 1_000);

    private static byte[] randomBytes(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void committedBlobReadsBackTheSameBytesAndMetadata() {
        EntryKey key = zip("golang.org/x/text@v0.3.0");
        Path temp = tempWith(ZIP_A);
        assertThat(temp.getParent()).isEqualTo(dir.resolve("tmp"));

        StoredBlob committed = store.commitBlob(key, temp, sha256(ZIP_A), bytes("h1:meta"));

        assertThat(temp).doesNotExist();
        StoredBlob read = store.blob(key).orElseThrow();
        assertThat(read.file()).isEqualTo(blobPath(sha256(ZIP_A))).hasBinaryContent(ZIP_A);
        assertThat(read.size()).isEqualTo(ZIP_A.length);
        assertThat(read.sha256Hex()).isEqualTo(sha256(ZIP_A));
        assertThat(read.metadata()).isEqualTo(bytes("h1:meta"));
        assertThat(read.storedAt()).isEqualTo(START);
        assertThat(committed).usingRecursiveComparison().isEqualTo(read);
    }

    @Test
    void identicalContentIsStoredOnceWithMetadataPerEntry() {
        StoredBlob first = commit(zip("example.com/a@v1.0.0"), ZIP_A, bytes("a"));
        Path secondTemp = tempWith(ZIP_A);

        StoredBlob second = store.commitBlob(zip("example.com/b@v1.0.0"), secondTemp, sha256(ZIP_A), bytes("b"));

        assertThat(second.file()).isEqualTo(first.file());
        assertThat(secondTemp).doesNotExist();
        assertThat(blobFiles()).containsExactly(first.file());
        assertThat(store.blob(zip("example.com/a@v1.0.0")).orElseThrow().metadata())
                .isEqualTo(bytes("a"));
        assertThat(store.blob(zip("example.com/b@v1.0.0")).orElseThrow().metadata())
                .isEqualTo(bytes("b"));
    }

    @Test
    void commitWithAWrongHashStoresNothingAndRemovesTheTempFile() {
        EntryKey key = zip("example.com/m@v1.0.0");
        Path temp = tempWith(ZIP_A);

        assertThatThrownBy(() -> store.commitBlob(key, temp, sha256(ZIP_B), new byte[0]))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("commitBlob")
                .hasMessageContaining(key.toString());

        assertThat(temp).doesNotExist();
        assertThat(store.blob(key)).isEmpty();
        assertThat(blobFiles()).isEmpty();
    }

    @Test
    void commitRejectsAHashThatIsNotHexButAcceptsUpperCase() {
        Path temp = tempWith(ZIP_B);
        assertThatThrownBy(
                        () -> store.commitBlob(zip("example.com/m@v1.0.0"), temp, "../../../etc/passwd", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(blobFiles()).isEmpty();

        StoredBlob blob = store.commitBlob(
                zip("example.com/m@v1.0.0"), tempWith(ZIP_B), sha256(ZIP_B).toUpperCase(Locale.ROOT), new byte[0]);

        assertThat(blob.sha256Hex()).isEqualTo(sha256(ZIP_B));
        assertThat(blob.file()).isEqualTo(blobPath(sha256(ZIP_B)));
    }

    @Test
    void zipIndexEntriesAreOnlyWrittenAndReadThroughBlobMethods() {
        EntryKey zipKey = zip("example.com/m@v1.0.0");
        EntryKey infoKey = key(EntryKind.INFO, "example.com/m@v1.0.0");

        assertThatThrownBy(() -> store.put(zipKey, bytes("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get(zipKey)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.putAll(Map.of(zipKey, bytes("x")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.commitBlob(infoKey, tempWith(ZIP_B), sha256(ZIP_B), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.blob(infoKey)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.blob(zipKey)).isEmpty();
    }

    @Test
    void zipIndexKeysAreListedAndDeletable() {
        commit(zip("example.com/m@v1.0.0"), ZIP_A, new byte[0]);
        commit(zip("example.com/m@v1.1.0"), ZIP_B, new byte[0]);

        store.delete(zip("example.com/m@v1.0.0"));

        assertThat(store.keys(EntryKind.ZIP, "example.com/m@")).containsExactly("example.com/m@v1.1.0");
        assertThat(store.blob(zip("example.com/m@v1.0.0"))).isEmpty();
        assertThat(blobPath(sha256(ZIP_A))).as("kept until a sweep").exists();
    }

    @Test
    void blobWhoseFileVanishedIsReportedAsNotStored() throws Exception {
        StoredBlob blob = commit(zip("example.com/m@v1.0.0"), ZIP_B, new byte[0]);
        Files.delete(blob.file());

        assertThat(store.blob(zip("example.com/m@v1.0.0"))).isEmpty();
    }

    @Test
    void sweepRemovesOnlyBlobsThatNoEntryReferences() {
        StoredBlob shared = commit(zip("example.com/a@v1.0.0"), ZIP_A, new byte[0]);
        commit(zip("example.com/b@v1.0.0"), ZIP_A, new byte[0]);
        StoredBlob lone = commit(zip("example.com/c@v1.0.0"), ZIP_B, new byte[0]);
        store.delete(zip("example.com/a@v1.0.0"));
        store.delete(zip("example.com/c@v1.0.0"));

        assertThat(store.sweepUnreferencedBlobs()).isEqualTo(1);

        assertThat(lone.file()).doesNotExist();
        assertThat(shared.file()).hasBinaryContent(ZIP_A);
        assertThat(store.blob(zip("example.com/b@v1.0.0"))).isPresent();
        assertThat(store.sweepUnreferencedBlobs()).isZero();
    }

    @Test
    void sweepRunningDuringCommitsNeverRemovesACommittedBlob() throws Exception {
        List<byte[]> contents = new ArrayList<>();
        List<Path> temps = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            contents.add(randomBytes(100 + i, 4096));
            temps.add(tempWith(contents.get(i)));
        }
        AtomicBoolean committing = new AtomicBoolean(true);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<?> sweeper = pool.submit(() -> {
                while (committing.get()) {
                    store.sweepUnreferencedBlobs();
                }
            });
            Future<?> committer = pool.submit(() -> {
                try {
                    for (int i = 0; i < temps.size(); i++) {
                        store.commitBlob(
                                zip("example.com/c@v1.0." + i), temps.get(i), sha256(contents.get(i)), new byte[0]);
                    }
                } finally {
                    committing.set(false);
                }
            });
            committer.get(60, TimeUnit.SECONDS);
            sweeper.get(60, TimeUnit.SECONDS);
        }
        for (int i = 0; i < contents.size(); i++) {
            EntryKey key = zip("example.com/c@v1.0." + i);
            assertThat(store.blob(key))
                    .as("blob of %s after concurrent sweeps", key)
                    .isPresent();
            assertThat(store.blob(key).orElseThrow().file()).hasBinaryContent(contents.get(i));
        }
    }

    @Test
    void tempFilesLeftBehindAreRemovedAtReopen() throws Exception {
        Path unfinished = tempWith(ZIP_B);
        Files.write(dir.resolve("tmp").resolve("crashed.part"), ZIP_B);
        Files.createDirectories(dir.resolve("tmp").resolve("nested"));
        Files.write(dir.resolve("tmp").resolve("nested").resolve("x"), ZIP_B);

        reopen();

        assertThat(unfinished).doesNotExist();
        assertThat(dir.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void reopenSweepsUnreferencedBlobsAndKeepsReferencedOnes() {
        StoredBlob kept = commit(zip("example.com/kept@v1.0.0"), ZIP_A, bytes("meta"));
        StoredBlob dropped = commit(zip("example.com/dropped@v1.0.0"), ZIP_B, new byte[0]);
        store.delete(zip("example.com/dropped@v1.0.0"));

        reopen();

        assertThat(dropped.file()).doesNotExist();
        if (keepsEntriesAcrossReopen()) {
            assertThat(kept.file()).hasBinaryContent(ZIP_A);
            assertThat(store.blob(zip("example.com/kept@v1.0.0")).orElseThrow().metadata())
                    .isEqualTo(bytes("meta"));
        } else {
            assertThat(blobFiles())
                    .as("nothing references anything after reopen")
                    .isEmpty();
        }
    }

    @Test
    void aSecondStoreOnADirectoryInUseFailsAndLeavesItAlone() {
        Path downloading = tempWith(ZIP_B);

        assertThatThrownBy(() -> open(dir, clock).close())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("open");

        assertThat(downloading).exists();
        EntryKey key = key(EntryKind.INFO, "example.com/m@v1.0.0");
        store.put(key, bytes("still usable"));
        assertThat(text(key)).isEqualTo("still usable");
    }

    @Test
    void everyOperationAfterCloseThrowsStoreException() {
        EntryKey key = key(EntryKind.INFO, "example.com/m@v1.0.0");
        EntryKey zipKey = zip("example.com/m@v1.0.0");
        Path temp = tempWith(ZIP_B);
        store.close();

        List<ThrowingCallable> operations = List.of(
                () -> store.get(key),
                () -> store.put(key, bytes("x")),
                () -> store.putAll(Map.of(key, bytes("x"))),
                () -> store.putAll(Map.of()),
                () -> store.delete(key),
                () -> store.keys(EntryKind.INFO, ""),
                store::newTempFile,
                () -> store.commitBlob(zipKey, temp, sha256(ZIP_B), new byte[0]),
                () -> store.blob(zipKey),
                store::sweepUnreferencedBlobs);
        for (ThrowingCallable operation : operations) {
            assertThatThrownBy(operation).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        }
        assertThatThrownBy(() -> store.get(key)).hasMessageStartingWith("get " + key);
        store.close();
    }
}
