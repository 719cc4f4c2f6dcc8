package io.modvault.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The part of the {@link ModuleStore} contract that protects against damaged or half-recorded
 * zips: a blob's index entry and its companion entries (its recorded hash) are one commit, and
 * {@link ModuleStore#quarantine} takes a damaged blob out of service. Runs through
 * {@link ModuleStoreContract}.
 */
public abstract class BlobSafetyContract extends TimelineContract {
    private static final byte[] CONTENT = bytes("zip bytes of example.com/m@v1.0.0");
    private static final EntryKey RECORD = key(EntryKind.HASHES, "example.com/m@v1.0.0/zip");

    @Test
    void commitBlobWritesItsRecordedHashInTheSameCommit() {
        StoredBlob blob = store.commitBlob(
                zip("example.com/m@v1.0.0"),
                tempWith(CONTENT),
                sha256(CONTENT),
                bytes("h1:meta"),
                Map.of(RECORD, bytes("{\"zip\":\"h1:x\"}")));

        assertThat(text(RECORD)).isEqualTo("{\"zip\":\"h1:x\"}");
        assertThat(store.get(RECORD).orElseThrow().storedAt()).isEqualTo(blob.storedAt());
        if (keepsEntriesAcrossReopen()) {
            reopen();
            assertThat(store.blob(zip("example.com/m@v1.0.0"))).isPresent();
            assertThat(text(RECORD)).isEqualTo("{\"zip\":\"h1:x\"}");
        }
    }

    /** Failure 3: whatever stops a commit before its write, neither the zip nor its record exists afterwards. */
    @Test
    void aCommitStoppedBeforeItsWriteLeavesNeitherTheZipNorItsRecord() {
        Path temp = tempWith(CONTENT);
        assertThatThrownBy(() -> store.commitBlob(
                        zip("example.com/m@v1.0.0"),
                        temp,
                        sha256(bytes("other")),
                        new byte[0],
                        Map.of(RECORD, bytes("{}"))))
                .isInstanceOf(StoreException.class);

        if (keepsEntriesAcrossReopen()) {
            reopen();
        }
        assertThat(store.keys(EntryKind.ZIP, "")).isEmpty();
        assertThat(store.get(RECORD)).isEmpty();
        assertThat(blobFiles()).isEmpty();
    }

    @Test
    void companionEntriesMustNotBeZipIndexEntries() {
        Path temp = tempWith(CONTENT);
        assertThatThrownBy(() -> store.commitBlob(
                        zip("example.com/m@v1.0.0"),
                        temp,
                        sha256(CONTENT),
                        new byte[0],
                        Map.of(zip("example.com/other@v1.0.0"), bytes("x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.keys(EntryKind.ZIP, "")).isEmpty();
    }

    @Test
    void quarantineDropsTheEntryAndMovesTheFileOutOfTheBlobArea() throws Exception {
        StoredBlob blob = commit(zip("example.com/m@v1.0.0"), CONTENT, new byte[0]);
        StoredBlob sharing = commit(zip("example.com/same@v1.0.0"), CONTENT, new byte[0]);
        Files.write(blob.file(), bytes("damaged"));

        Path moved =
                store.quarantine(zip("example.com/m@v1.0.0"), blob.sha256Hex()).orElseThrow();

        assertThat(moved)
                .isEqualTo(dir.resolve("quarantine").resolve(blob.sha256Hex()))
                .hasBinaryContent(bytes("damaged"));
        assertThat(store.keys(EntryKind.ZIP, "")).containsExactly("example.com/same@v1.0.0");
        assertThat(store.blob(zip("example.com/same@v1.0.0")))
                .as("its file is gone, so it is fetched again")
                .isEmpty();
        assertThat(sharing.file()).doesNotExist();
        assertThat(store.quarantine(zip("example.com/same@v1.0.0"), blob.sha256Hex()))
                .isEmpty();
        store.sweepUnreferencedBlobs();
        assertThat(moved).as("never swept").exists();
    }
}
