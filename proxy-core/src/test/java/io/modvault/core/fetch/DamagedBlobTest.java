package io.modvault.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.module.ModulePath;
import io.modvault.core.protocol.ProxyRequest;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.MutableClock;
import io.modvault.core.storage.StoredBlob;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.core.verify.RecordedHashes;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures 3 and 4 on the fetch path: a zip's record is committed with it; a damaged blob is never served. */
class DamagedBlobTest {
    private static final ModulePath MODULE = ModulePath.of("example.test/m");
    private static final String ZIP_PATH = "example.test/m/@v/v1.0.0.zip";
    private static final ProxyRequest.Zip REQUEST = new ProxyRequest.Zip(MODULE, "v1.0.0");
    private final ScriptedUpstream upstream = new ScriptedUpstream();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private ModuleStore store;
    private ModuleProxy proxy;
    private byte[] zip;

    @BeforeEach
    void setUp() throws IOException {
        store = InMemoryModuleStore.open(dir, clock);
        proxy = new ModuleProxy(
                store,
                upstream,
                FetchSettings.of(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(10)),
                clock);
        zip = zipWithFiles(200);
        upstream.answer(ZIP_PATH, zip);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void zipIsStoredTogetherWithItsRecordedHash() throws Exception {
        StoredBlob blob = ((FetchResult.Blob) proxy.get(REQUEST)).blob();

        byte[] record = store.get(EntryKey.of(EntryKind.HASHES, "example.test/m@v1.0.0/zip"))
                .orElseThrow()
                .value();
        assertThat(RecordedHashes.fromJson(record).zip()).contains(DirHash.hashZip(blob.file()));
        assertThat(store.get(EntryKey.of(EntryKind.HASHES, "example.test/m@v1.0.0/zip"))
                        .orElseThrow()
                        .storedAt())
                .isEqualTo(blob.storedAt());
    }

    @Test
    void truncatedBlobIsNeverServedWithFullLength() throws Exception {
        StoredBlob stored = ((FetchResult.Blob) proxy.get(REQUEST)).blob();
        truncateToHalf(stored.file());

        FetchResult again = proxy.get(REQUEST);

        assertThat(again).isInstanceOf(FetchResult.Blob.class);
        StoredBlob refetched = ((FetchResult.Blob) again).blob();
        assertThat(again.outcome()).isEqualTo(CacheOutcome.MISS);
        assertThat(refetched.size()).isEqualTo(zip.length);
        assertThat(refetched.file()).hasBinaryContent(zip);
        assertThat(upstream.requests(ZIP_PATH)).isEqualTo(2);
        assertThat(proxy.integrity().quarantinedOnRequestCount()).isEqualTo(1);
        assertThat(dir.resolve("quarantine").resolve(stored.sha256Hex())).hasSize(zip.length / 2);
    }

    @Test
    void truncatedBlobAnswers502NamingTheDamageWhenTheUpstreamCannotSupplyIt() throws Exception {
        StoredBlob stored = ((FetchResult.Blob) proxy.get(REQUEST)).blob();
        truncateToHalf(stored.file());
        upstream.fail(ZIP_PATH, "connection refused", false);

        FetchResult.Failure failure = (FetchResult.Failure) proxy.get(REQUEST);

        assertThat(failure.status()).isEqualTo(502);
        assertThat(failure.reason())
                .contains("stored zip of example.test/m@v1.0.0 was damaged (blob is " + zip.length / 2
                        + " bytes on disk, " + zip.length + " recorded)")
                .contains("connection refused");
        assertThat(store.blob(EntryKey.of(EntryKind.ZIP, "example.test/m@v1.0.0")))
                .isEmpty();
    }

    private void truncateToHalf(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(zip.length / 2);
        }
    }

    private static byte[] zipWithFiles(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("example.test/m@v1.0.0/go.mod"));
            out.write("module example.test/m\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < count; i++) {
                out.putNextEntry(new ZipEntry("example.test/m@v1.0.0/f" + i + ".go"));
                out.write(("package m\n\nconst C" + i + " = " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }
}
