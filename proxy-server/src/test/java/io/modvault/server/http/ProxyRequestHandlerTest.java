package io.modvault.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modvault.core.catalog.StoredVersions;
import io.modvault.core.fetch.FetchSettings;
import io.modvault.core.fetch.ModuleProxy;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.core.upstream.DownloadedFile;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.upstream.UpstreamResult;
import io.modvault.server.metrics.ProxyMetrics;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyRequestHandlerTest {
    @TempDir
    Path dir;

    private final AtomicInteger upstreamCalls = new AtomicInteger();
    private final Deque<RuntimeException> upstreamThrows = new ArrayDeque<>();
    private InMemoryModuleStore store;
    private EmbeddedChannel channel;
    private final DirectExecutorService blocking = new DirectExecutorService();
    private AccessLog accessLog;

    @BeforeEach
    void setUp() {
        store = InMemoryModuleStore.open(dir, Clock.systemUTC());
        UpstreamClient upstream = new UpstreamClient() {
            @Override
            public String name() {
                return "https://counting.example";
            }

            @Override
            public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
                upstreamCalls.incrementAndGet();
                RuntimeException failure = upstreamThrows.poll();
                if (failure != null) {
                    throw failure;
                }
                return new UpstreamResult.Found<>(name(), "v1.0.0\n".getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes) {
                upstreamCalls.incrementAndGet();
                return new UpstreamResult.Failed<>(name(), "no files here", false);
            }
        };
        ProxyMetrics metrics = new ProxyMetrics();
        ProxyServices services = new ProxyServices(
                new ModuleProxy(store, upstream, FetchSettings.defaults(), Clock.systemUTC()),
                blocking,
                metrics,
                Clock.systemUTC(),
                new AtomicInteger(),
                1 << 20,
                accessLog = new AccessLog(System.out, 16, () -> true),
                new StoredVersions(store));
        channel = new EmbeddedChannel(new ProxyRequestHandler(
                services, new MemoryCache(1 << 20, Clock.systemUTC()), new ErrorAnswers(metrics, Clock.systemUTC())));
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
            assertThat(response.content().toString(StandardCharsets.UTF_8))
                    .endsWith("\n")
                    .doesNotContain("\n\n");
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

    @Test
    void unexpectedFailureAnswers500WithAnIncidentIdAndNoExceptionText() {
        upstreamThrows.add(new IllegalStateException("secret detail at /srv/modvault/data/blobs/ab"));
        FullHttpResponse response = exchange(HttpMethod.GET, "/example.test/m/@v/list");
        try {
            String body = response.content().toString(StandardCharsets.UTF_8);
            assertThat(response.status().code()).isEqualTo(500);
            assertThat(body)
                    .matches("internal error \\(incident [0-9a-f]{8}; the server log has the detail\\)\n")
                    .doesNotContain("secret")
                    .doesNotContain("/srv")
                    .doesNotContain("Exception");
        } finally {
            response.release();
        }
    }

    /** Failure 5: disk full answered 500 with the Java exception and the absolute temp-file path. */
    @Test
    void diskFullAnswers507WithoutPathCountsItAndRecoversOnTheNextRequest() {
        upstreamThrows.add(new UncheckedIOException(
                "cannot write download target /srv/modvault/tmp/dl-1.tmp",
                new FileSystemException("/srv/modvault/tmp/dl-1.tmp", null, "No space left on device")));
        FullHttpResponse full = exchange(HttpMethod.GET, "/example.test/m/@v/list");
        try {
            assertThat(full.status().code()).isEqualTo(507);
            assertThat(full.content().toString(StandardCharsets.UTF_8))
                    .isEqualTo("insufficient storage: modvault's disk is full; retry once space is freed\n");
        } finally {
            full.release();
        }
        FullHttpResponse recovered = exchange(HttpMethod.GET, "/example.test/m/@v/list");
        try {
            assertThat(recovered.status().code()).isEqualTo(200);
        } finally {
            recovered.release();
        }
        FullHttpResponse metrics = exchange(HttpMethod.GET, "/metrics");
        try {
            assertThat(metrics.content().toString(StandardCharsets.UTF_8)).contains("modvault_disk_full_total 1.0");
        } finally {
            metrics.release();
        }
    }

    /** Failure 6: a client that shut its sending side after the request got no answer. */
    @Test
    void halfClosedClientStillGetsItsAnswerAndTheConnectionClosesAfterIt() {
        blocking.hold = true;
        channel.writeInbound(
                new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/example.test/m/@v/list"));
        channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        assertThat(channel.isOpen()).isTrue();
        FullHttpResponse probe = channel.readOutbound();
        assertThat(probe.status().code())
                .as("interim answer probing whether the client still reads")
                .isEqualTo(103);
        probe.release();
        blocking.runHeld();
        channel.runPendingTasks();
        FullHttpResponse response = channel.readOutbound();
        try {
            assertThat(response.status().code()).isEqualTo(200);
            assertThat(response.content().toString(StandardCharsets.UTF_8)).isEqualTo("v1.0.0\n");
        } finally {
            response.release();
        }
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void halfClosedIdleConnectionIsClosedAtOnce() {
        channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        assertThat(channel.isOpen()).isFalse();
    }
}
