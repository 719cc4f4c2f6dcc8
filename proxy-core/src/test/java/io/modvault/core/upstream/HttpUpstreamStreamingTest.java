package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.upstream.UpstreamResult.Failed;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bodies that are too large, cut short or stalled, and servers too slow to answer. */
class HttpUpstreamStreamingTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final String ZIP = "m/@v/v1.0.0.zip";

    @TempDir
    Path tmp;

    private HttpTransport transport;

    @BeforeEach
    void start() {
        transport = HttpTransport.create(
                new HttpUpstreamSettings(Duration.ofSeconds(2), TIMEOUT, Optional.empty(), "modvault/test"));
    }

    @AfterEach
    void stop() {
        transport.close();
    }

    private HttpUpstreamClient client(URI base) {
        return new HttpUpstreamClient(base, transport);
    }

    private static URI base(RawHttpServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Test
    void abortsChunkedBodyAsSoonAsItExceedsTheLimit() throws Exception {
        long total = 64L * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        AtomicBoolean writeFailed = new AtomicBoolean();
        CountDownLatch handlerDone = new CountDownLatch(1);
        byte[] chunk = new byte[64 * 1024];
        try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
            server.handle("/" + ZIP, ex -> {
                try {
                    ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to trust
                    OutputStream out = ex.getResponseBody();
                    while (written.get() < total) {
                        out.write(chunk);
                        written.addAndGet(chunk.length);
                    }
                    out.close();
                } catch (IOException e) {
                    writeFailed.set(true);
                } finally {
                    handlerDone.countDown();
                }
            });

            UpstreamResult<DownloadedFile> result = client(server.base()).fetchFile(ZIP, tmp.resolve("t"), 256 * 1024);

            assertThat(result).isInstanceOf(Failed.class);
            assertThat(((Failed<DownloadedFile>) result).reason()).contains("exceeds the limit of 262144 bytes");
            assertThat(((Failed<DownloadedFile>) result).timedOut()).isFalse();
            assertThat(handlerDone.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(writeFailed).isTrue();
            assertThat(written.get()).isLessThan(total);
        }
    }

    @Test
    void abortsBodyWithoutLengthThatExceedsLimitInMemoryToo() throws Exception {
        try (RawHttpServer server = RawHttpServer.start((head, out, s) -> {
            RawHttpServer.write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            byte[] block = new byte[8192];
            for (int i = 0; i < 8 * 1024; i++) {
                out.write(block);
            }
        })) {
            UpstreamResult<byte[]> result = client(base(server)).fetchBytes(ZIP, 100_000);

            assertThat(result).isInstanceOf(Failed.class);
            assertThat(((Failed<byte[]>) result).reason()).contains("exceeds the limit of 100000 bytes");
        }
    }

    @Test
    void failsWhenConnectionDropsBeforeContentLengthIsReached() throws Exception {
        try (RawHttpServer server = RawHttpServer.start((head, out, s) -> {
            RawHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n");
            out.write(new byte[100]);
            out.flush();
        })) {
            UpstreamResult<DownloadedFile> file = client(base(server)).fetchFile(ZIP, tmp.resolve("t"), 10_000);
            UpstreamResult<byte[]> bytes = client(base(server)).fetchBytes(ZIP, 10_000);

            assertThat(file).isInstanceOf(Failed.class);
            assertThat(((Failed<DownloadedFile>) file).timedOut()).isFalse();
            assertThat(((Failed<DownloadedFile>) file).reason()).startsWith("reading " + base(server) + "/" + ZIP);
            assertThat(bytes).isInstanceOf(Failed.class);
        }
    }

    @Test
    void failsWhenConnectionDropsInsideAChunkedBody() throws Exception {
        try (RawHttpServer server = RawHttpServer.start((head, out, s) -> {
            RawHttpServer.write(
                    out,
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + "64\r\n"
                            + "a".repeat(40));
        })) {
            UpstreamResult<byte[]> result = client(base(server)).fetchBytes(ZIP, 10_000);

            assertThat(result).isInstanceOf(Failed.class);
            assertThat(((Failed<byte[]>) result).timedOut()).isFalse();
        }
    }

    @Test
    void timesOutWhenServerSendsNoHeaders() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
            server.handle("/" + ZIP, ex -> server.pause(10_000));
            long start = System.nanoTime();

            UpstreamResult<byte[]> result = client(server.base()).fetchBytes(ZIP, 10_000);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(result)
                    .isEqualTo(new Failed<byte[]>(
                            server.base().toString(),
                            "timed out after 300 ms waiting for " + server.base() + "/" + ZIP,
                            true));
        }
    }

    @Test
    void timesOutWhenBodyStallsAfterHeaders() throws Exception {
        try (RawHttpServer server = RawHttpServer.start((head, out, s) -> {
            RawHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + "z".repeat(10));
            s.pause(10_000);
        })) {
            long start = System.nanoTime();

            UpstreamResult<DownloadedFile> result = client(base(server)).fetchFile(ZIP, tmp.resolve("t"), 10_000);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(result)
                    .isEqualTo(new Failed<DownloadedFile>(
                            base(server).toString(),
                            "stalled: no data for 300 ms while reading " + base(server) + "/" + ZIP,
                            true));
        }
    }

    @Test
    void timesOutWhenErrorBodyStallsButStillReportsTheStatus() throws Exception {
        try (RawHttpServer server = RawHttpServer.start((head, out, s) -> {
            RawHttpServer.write(
                    out,
                    "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n" + "Content-Length: 100\r\n\r\nnot fo");
            s.pause(10_000);
        })) {
            UpstreamResult<byte[]> result = client(base(server)).fetchBytes(ZIP, 10_000);

            assertThat(result)
                    .isEqualTo(new UpstreamResult.NotFound<byte[]>(base(server).toString(), 404, "Not Found"));
        }
    }

    @Test
    void dripFeedingUpstreamIsCutByTheFetchDeadlineAndItsConnectionClosed() throws Exception {
        CountDownLatch connectionClosed = new CountDownLatch(1);
        try (HttpTransport shortDeadline = HttpTransport.create(new HttpUpstreamSettings(
                        Duration.ofSeconds(2), TIMEOUT, Optional.empty(), "modvault/test", Duration.ofSeconds(1)));
                RawHttpServer server = RawHttpServer.start((head, out, s) -> {
                    RawHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
                    try {
                        // One byte per 100 ms never trips the 300 ms pause timeout.
                        for (int i = 0; i < 100_000; i++) {
                            out.write('z');
                            out.flush();
                            s.pause(100);
                        }
                    } catch (IOException e) {
                        connectionClosed.countDown();
                    }
                })) {
            long start = System.nanoTime();

            UpstreamResult<DownloadedFile> result =
                    new HttpUpstreamClient(base(server), shortDeadline).fetchFile(ZIP, tmp.resolve("t"), 1_000_000);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(result).isInstanceOf(Failed.class);
            Failed<DownloadedFile> failed = (Failed<DownloadedFile>) result;
            assertThat(failed.timedOut()).isTrue();
            assertThat(failed.reason())
                    .startsWith("exceeded the fetch deadline of 1 s after ")
                    .endsWith(" bytes of " + base(server) + "/" + ZIP);
            assertThat(connectionClosed.await(10, TimeUnit.SECONDS))
                    .as("upstream connection closed")
                    .isTrue();
        }
    }
}
