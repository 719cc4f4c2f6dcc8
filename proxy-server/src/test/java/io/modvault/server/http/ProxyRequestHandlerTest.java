package io.modvault.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modvault.core.fetch.FetchSettings;
import io.modvault.core.fetch.ModuleProxy;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.core.upstream.DownloadedFile;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.upstream.UpstreamResult;
import io.modvault.server.metrics.ProxyMetrics;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.AbstractExecutorService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyRequestHandlerTest {
    @TempDir
    Path dir;
    private final AtomicInteger upstreamCalls = new AtomicInteger();
    private InMemoryModuleStore store;
    private EmbeddedChannel channel;
    private AccessLog accessLog;

    @BeforeEach
    void setUp() {
        store = InMemoryModuleStore.open(dir, Clock.systemUTC());
        UpstreamClient upstream = new UpstreamClient() {
            public String name() {
                return "https://counting.example";
            }

            public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
                upstreamCalls.incrementAndGet();
                return new UpstreamResult.Found<>(name(), "v1.0.0\n".getBytes(StandardCharsets.UTF_8));
            }

            public UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes) {
                upstreamCalls.incrementAndGet();
                return new UpstreamResult.Failed<>(name(), "no files here", false);
            }
        };
        ProxyMetrics metrics = new ProxyMetrics();
        ProxyServices services = new ProxyServices(new ModuleProxy(store, upstream, FetchSettings.defaults(), Clock.systemUTC()),
                new DirectExecutorService(), metrics, Clock.systemUTC(), new AtomicInteger(), 1 << 20,
                accessLog = new AccessLog(System.out, 16, () -> true));
        channel = new EmbeddedChannel(new ProxyRequestHandler(services, new MemoryCache(1 << 20, Clock.systemUTC()),
                new ErrorAnswers(metrics, Clock.systemUTC())));
    }

    @AfterEach
    void tearDown() {
        assertFalse(channel.finishAndReleaseAll());
        accessLog.close();
        store.close();
    }

    private FullHttpResponse exchange(HttpMethod method, String uri) {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri));
        channel.runPendingTasks();
        return channel.readOutbound();
    }

    @Test
    void answersMalformedPathWith400TextWithoutAskingUpstream() {
        FullHttpResponse response = exchange(HttpMethod.GET, "/example.test/%2e%2e/@v/list");
        try {
            assertThat(response.status().code()).isEqualTo(400);
            assertThat(response.headers().get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(response.content().toString(StandardCharsets.UTF_8)).endsWith("\n").doesNotContain("\n\n");
            assertThat(upstreamCalls).hasValue(0);
        } finally {
            response.release();
        }
    }

    @Test
    void refusesOtherMethodsWith405() {
        FullHttpResponse response = exchange(HttpMethod.POST, "/example.test/m/@v/list");
        try {
            assertThat(response.status().code()).isEqualTo(405);
            assertThat(response.headers().get("Allow")).isEqualTo("GET, HEAD");
        } finally {
            response.release();
        }
    }

    @Test
    void servesListAndCountsItInMetrics() {
        FullHttpResponse response = exchange(HttpMethod.GET, "/example.test/m/@v/list");
        try {
            assertThat(response.status().code()).isEqualTo(200);
            assertThat(response.content().toString(StandardCharsets.UTF_8)).isEqualTo("v1.0.0\n");
            assertThat(response.headers().get("X-Modvault-Cache")).isEqualTo("MISS");
        } finally {
            response.release();
        }
        FullHttpResponse metrics = exchange(HttpMethod.GET, "/metrics");
        try {
            assertThat(metrics.content().toString(StandardCharsets.UTF_8))
                    .contains("modvault_requests_total{kind=\"list\",outcome=\"MISS\",status=\"2xx\"} 1");
        } finally {
            metrics.release();
        }
    }

    @Test
    void headGetsHeadersWithoutBody() {
        FullHttpResponse response = exchange(HttpMethod.HEAD, "/example.test/m/@v/list");
        try {
            assertThat(response.status().code()).isEqualTo(200);
            assertThat(response.content().readableBytes()).isZero();
            assertThat(response.headers().getInt("Content-Length")).isEqualTo(7);
        } finally {
            response.release();
        }
    }

    /** Runs blocking work inline so the embedded channel test stays single-threaded. */
    private static final class DirectExecutorService extends AbstractExecutorService {
        public void execute(Runnable command) {
            command.run();
        }

        public void shutdown() {
        }

        public List<Runnable> shutdownNow() {
            return List.of();
        }

        public boolean isShutdown() {
            return false;
        }

        public boolean isTerminated() {
            return false;
        }

        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
