package io.modvault.server.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modvault.core.catalog.IndexLines;
import io.modvault.core.catalog.StoredVersions;
import io.modvault.core.fetch.FetchSettings;
import io.modvault.core.fetch.ModuleProxy;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.MutableClock;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.core.upstream.Upstreams;
import io.modvault.server.metrics.ProxyMetrics;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexEndpointTest {
    private static final Instant START = Instant.parse("2026-12-04T10:00:00.123Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private InMemoryModuleStore store;
    private EmbeddedChannel channel;
    private AccessLog accessLog;

    @BeforeEach
    void setUp() {
        store = InMemoryModuleStore.open(dir, clock);
        ProxyMetrics metrics = new ProxyMetrics();
        ProxyServices services = new ProxyServices(
                new ModuleProxy(store, Upstreams.forUri(dir.toUri(), null), FetchSettings.defaults(), clock),
                new DirectExecutorService(),
                metrics,
                clock,
                new AtomicInteger(),
                1 << 20,
                accessLog = new AccessLog(System.out, 16, () -> true),
                new StoredVersions(store));
        channel = new EmbeddedChannel(
                new ProxyRequestHandler(services, new MemoryCache(1 << 20, clock), new ErrorAnswers(metrics, clock)));
    }

    @AfterEach
    void tearDown() {
        assertFalse(channel.finishAndReleaseAll());
        accessLog.close();
        store.close();
    }

    @Test
    void listsStoredVersionsOldestFirstAsJsonLinesOfThePublicIndex() {
        store.put(
                EntryKey.of(EntryKind.MOD, "github.com/!azure/go-autorest@v14.2.0+incompatible"), "m".getBytes(UTF_8));
        clock.advance(Duration.ofMillis(1500));
        store.put(EntryKey.of(EntryKind.INFO, "golang.org/x/text@v0.3.0"), "{}".getBytes(UTF_8));

        String body = get("/index", 200);

        assertThat(body)
                .isEqualTo(
                        "{\"Path\":\"github.com/Azure/go-autorest\",\"Version\":\"v14.2.0+incompatible\","
                                + "\"Timestamp\":\"2026-12-04T10:00:00.123Z\"}\n"
                                + "{\"Path\":\"golang.org/x/text\",\"Version\":\"v0.3.0\",\"Timestamp\":\"2026-12-04T10:00:01.623Z\"}\n");
        List<IndexLines.Line> lines = IndexLines.parse(body);
        assertThat(lines).extracting(IndexLines.Line::timestamp).containsExactly(START, START.plusMillis(1500));
        assertThat(IndexLines.parse(get("/index?since=2026-12-04T10:00:01.623Z", 200)))
                .extracting(IndexLines.Line::path)
                .containsExactly("golang.org/x/text");
        assertThat(IndexLines.parse(get("/index?since=2026-12-04T11:00:00.5%2B01:00&limit=1", 200)))
                .extracting(IndexLines.Line::path)
                .containsExactly("golang.org/x/text");
        assertThat(IndexLines.parse(get("/index?limit=1&include=all", 200))).hasSize(1);
        assertThat(get("/index?limit=99999", 200)).isEqualTo(body);
        assertThat(get("/index?since=2030-01-01T00:00:00Z", 200)).isEmpty();
    }

    @Test
    void badSinceOrLimitIsA400WithOneLineOfText() {
        for (String query : List.of("since=yesterday", "since=", "limit=0", "limit=-3", "limit=ten", "since=%zz")) {
            FullHttpResponse response = exchange("/index?" + query);
            try {
                assertThat(response.status().code()).as(query).isEqualTo(400);
                assertThat(response.headers().get("Content-Type")).isEqualTo(Responses.TEXT);
                String text = response.content().toString(UTF_8);
                assertThat(text).endsWith("\n").hasLineCount(1);
            } finally {
                response.release();
            }
        }
    }

    private String get(String uri, int status) {
        FullHttpResponse response = exchange(uri);
        try {
            assertThat(response.status().code()).isEqualTo(status);
            return response.content().toString(UTF_8);
        } finally {
            response.release();
        }
    }

    private FullHttpResponse exchange(String uri) {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri));
        channel.runPendingTasks();
        return channel.readOutbound();
    }
}
