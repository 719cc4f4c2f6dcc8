package io.modvault.core.integrity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoredBlob;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failure 4 while serving: the background scrub finds damaged blobs, quarantines them and has them fetched again. */
class BlobScrubberTest {
    @TempDir
    Path dir;

    private ModuleStore store;
    private final IntegrityStats stats = new IntegrityStats();
    private final List<EntryKey> refetched = new ArrayList<>();
    private final AtomicLong paced = new AtomicLong();

    @BeforeEach
    void openStore() {
        store = InMemoryModuleStore.open(dir, Clock.systemUTC());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void scrubQuarantinesAFlippedBlobCountsItAndHasItFetchedAgain() throws Exception {
        StoredBlob damaged = commit("example.test/a@v1.0.0", "content of a, long enough to flip a byte in");
        commit("example.test/b@v1.0.0", "content of b");
        commit("example.test/c@v1.0.0", "content of b");
        flipByte(damaged.file(), 10);

        int findings = scrubber().runPass();

        assertThat(findings).isEqualTo(1);
        assertThat(refetched).containsExactly(EntryKey.of(EntryKind.ZIP, "example.test/a@v1.0.0"));
        assertThat(store.blob(EntryKey.of(EntryKind.ZIP, "example.test/a@v1.0.0")))
                .isEmpty();
        assertThat(dir.resolve("quarantine").resolve(damaged.sha256Hex())).exists();
        assertThat(stats.scrubFindings()).isEqualTo(1);
        assertThat(stats.scrubBlobs()).as("shared content is hashed once").isEqualTo(2);
        assertThat(stats.scrubPasses()).isEqualTo(1);
        assertThat(paced.get()).as("every read goes through the rate limit").isPositive();
    }

    @Test
    void truncatedBlobIsFoundByItsSize() throws Exception {
        StoredBlob blob = commit("example.test/a@v1.0.0", "some zip bytes");
        try (RandomAccessFile raf = new RandomAccessFile(blob.file().toFile(), "rw")) {
            raf.setLength(3);
        }

        assertThat(scrubber().runPass()).isEqualTo(1);
        assertThat(stats.scrubFindings()).isEqualTo(1);
    }

    @Test
    void cleanStoreHasNoFindingsAndTouchesNothing() throws Exception {
        commit("example.test/a@v1.0.0", "a");

        assertThat(scrubber().runPass()).isZero();
        assertThat(refetched).isEmpty();
        assertThat(store.blob(EntryKey.of(EntryKind.ZIP, "example.test/a@v1.0.0")))
                .isPresent();
        assertThat(stats.scrubBytes()).isEqualTo(1);
    }

    @Test
    void scheduledScrubStopsPromptlyWhenClosed() {
        ScrubSchedule schedule = ScrubSchedule.start(Duration.ofHours(24), scrubber(), Clock.systemUTC());
        long start = System.nanoTime();

        schedule.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(stats.scrubPasses()).isZero();
    }

    private BlobScrubber scrubber() {
        return new BlobScrubber(store, paced::addAndGet, stats, key -> {
            refetched.add(key);
            return Optional.empty();
        });
    }

    private StoredBlob commit(String key, String content) throws Exception {
        byte[] bytes = content.getBytes(UTF_8);
        Path temp = Files.write(store.newTempFile(), bytes);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return store.commitBlob(EntryKey.of(EntryKind.ZIP, key), temp, sha, new byte[0]);
    }

    private static void flipByte(Path file, long offset) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x01);
        }
    }
}
