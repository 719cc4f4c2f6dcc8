package io.modvault.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.fetch.CacheOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    private static AccessLog.Entry entry(String uri, int status) {
        return new AccessLog.Entry(
                0, new InetSocketAddress("127.0.0.1", 5555), "GET", uri, status, 42, 3, CacheOutcome.HIT, false);
    }

    @Test
    void writesOneLinePerRequestInOrderAndFlushesOnClose() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AccessLog log = new AccessLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1024, () -> true);
        for (int i = 0; i < 100; i++) {
            log.record(entry("/m" + i + "/@v/list", 200));
        }
        log.close();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(100);
        assertThat(lines[0])
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ INFO  access 127\\.0\\.0\\.1 "
                        + "\"GET /m0/@v/list\" 200 42 3ms HIT");
        assertThat(lines[99]).contains("\"GET /m99/@v/list\"");
        assertThat(log.dropped()).isZero();
    }

    @Test
    void dropsAndCountsLinesWhenTheWriterFallsBehindInsteadOfBlocking() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PrintStream stalled = new PrintStream(new ByteArrayOutputStream()) {
            @Override
            public void write(byte[] buf, int off, int len) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        AccessLog log = new AccessLog(stalled, 4, () -> true);
        for (int i = 0; i < 50; i++) {
            log.record(entry("/x", 200));
        }
        assertThat(log.dropped()).isGreaterThanOrEqualTo(40);
        release.countDown();
        log.close();
    }
}
