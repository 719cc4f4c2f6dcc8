package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.Reply;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure 4 against a real server and a real RocksDB store: a blob damaged on disk is never
 * served as good; it is refetched, answered 502 naming the damage, reported by
 * {@code modvault verify}, and found by the background scrub.
 */
class DamagedBlobIT {
    private static final TestModule UPPER = TestModules.get(TestModules.UPPER, "v1.0.0");
    private static final String ZIP = "/" + GoProxyTree.zipPath(UPPER);

    @TempDir
    Path temp;

    private GoProxyTree tree;
    private FakeUpstream upstream;
    private RunningModvault modvault;
    private byte[] original;

    @BeforeEach
    void start() throws Exception {
        tree = GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue());
        original = Files.readAllBytes(tree.file(GoProxyTree.zipPath(UPPER)));
        upstream = FakeUpstream.start(tree);
    }

    @AfterEach
    void stop() {
        if (modvault != null) {
            modvault.close();
        }
        upstream.close();
    }

    @Test
    void truncatedBlobOnDiskIsRefetchedAndServedWhole() throws Exception {
        modvault = RunningModvault.start(data(), upstream.baseUrl(), Map.of());
        assertThat(modvault.get(ZIP).statusCode()).isEqualTo(200);
        truncateToHalf(storedBlob());

        HttpResponse<byte[]> again = modvault.get(ZIP);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValueAsLong("Content-Length")).hasValue(original.length);
        assertThat(again.body()).isEqualTo(original);
        assertThat(upstream.requests(GoProxyTree.zipPath(UPPER))).isEqualTo(2);
        assertThat(metrics()).contains("modvault_blob_quarantined_total 1.0");
    }

    @Test
    void truncatedBlobAnswers502NamingTheDamageWhenTheUpstreamFails() throws Exception {
        modvault = RunningModvault.start(data(), upstream.baseUrl(), Map.of());
        assertThat(modvault.get(ZIP).statusCode()).isEqualTo(200);
        truncateToHalf(storedBlob());
        upstream.on(GoProxyTree.zipPath(UPPER), Reply.status(500, "upstream exploded"));

        HttpResponse<byte[]> answer = modvault.get(ZIP);

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                .contains("was damaged (blob is " + original.length / 2 + " bytes on disk, " + original.length
                        + " recorded)")
                .contains(upstream.baseUrl());
    }

    @Test
    void flippedByteIsReportedByVerify() throws Exception {
        modvault = RunningModvault.start(data(), upstream.baseUrl(), Map.of());
        assertThat(modvault.get(ZIP).statusCode()).isEqualTo(200);
        modvault.close();
        modvault = null;
        flipByte(storedBlob(), original.length / 2);

        VerifyProcess.Run run = VerifyProcess.run(data());

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout()).contains("CORRUPT example.test/Upper/Case@v1.0.0 zip: blob sha256 ");
    }

    @Test
    void backgroundScrubQuarantinesAFlippedBlobAndItIsServedWholeAgain() throws Exception {
        modvault = RunningModvault.start(data(), upstream.baseUrl(), Map.of("MODVAULT_SCRUB_INTERVAL", "300ms"));
        assertThat(modvault.get(ZIP).statusCode()).isEqualTo(200);
        flipByte(storedBlob(), original.length / 2);

        long deadline = System.nanoTime() + 30_000_000_000L;
        while ((!metrics().contains("modvault_scrub_findings_total 1.0")
                        || upstream.requests(GoProxyTree.zipPath(UPPER)) < 2)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertThat(metrics()).contains("modvault_scrub_findings_total 1.0");
        assertThat(upstream.requests(GoProxyTree.zipPath(UPPER)))
                .as("refetched by the scrub")
                .isEqualTo(2);
        HttpResponse<byte[]> served = modvault.get(ZIP);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(original);
    }

    private Path data() {
        return temp.resolve("data");
    }

    private String metrics() throws Exception {
        return new String(modvault.get("/metrics").body(), StandardCharsets.UTF_8);
    }

    private Path storedBlob() throws Exception {
        try (Stream<Path> files = Files.walk(data().resolve("blobs"))) {
            return files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
    }

    private void truncateToHalf(Path blob) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(blob.toFile(), "rw")) {
            raf.setLength(original.length / 2);
        }
    }

    private static void flipByte(Path blob, long offset) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(blob.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x01);
        }
    }
}
