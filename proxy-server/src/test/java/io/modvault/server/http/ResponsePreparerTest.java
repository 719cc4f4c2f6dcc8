package io.modvault.server.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.fetch.CacheOutcome;
import io.modvault.core.fetch.FetchResult;
import io.modvault.core.storage.StoredBlob;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failure 4 at the last step: a zip file that shrank after the fetch layer's check is not sent with its old length. */
class ResponsePreparerTest {
    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void blobShorterThanItsRecordAnswers502InsteadOfAWrongContentLength() throws Exception {
        Path file = Files.write(dir.resolve(SHA), "half of it".getBytes(UTF_8));
        StoredBlob blob = new StoredBlob(file, 20, SHA, new byte[0], Instant.EPOCH);

        PreparedResponse response = new ResponsePreparer(Clock.systemUTC())
                .prepare(new FetchResult.Blob(blob, CacheOutcome.HIT), new DefaultHttpHeaders(), false);

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.file()).isEmpty();
        assertThat(response.buffer().orElseThrow().toString(UTF_8))
                .contains("stored zip is damaged (10 bytes on disk, 20 recorded)");
        response.discard();
    }

    @Test
    void intactBlobIsServedAsAFileRegionWithItsLength() throws Exception {
        Path file = Files.write(dir.resolve(SHA), "0123456789".getBytes(UTF_8));
        StoredBlob blob = new StoredBlob(file, 10, SHA, new byte[0], Instant.EPOCH);

        PreparedResponse response = new ResponsePreparer(Clock.systemUTC())
                .prepare(new FetchResult.Blob(blob, CacheOutcome.HIT), new DefaultHttpHeaders(), false);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.head().headers().get(HttpHeaderNames.CONTENT_LENGTH))
                .isEqualTo("10");
        assertThat(response.file()).isPresent();
        response.discard();
    }
}
