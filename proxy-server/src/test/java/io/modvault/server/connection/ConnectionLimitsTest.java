package io.modvault.server.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {
    private final List<String> refusals = new ArrayList<>();
    private final ConnectionEvents events = (reason, detail) -> refusals.add(reason);

    private EmbeddedChannel withDeadline() {
        return new EmbeddedChannel(new HttpServerCodec(), new RequestHeadDeadline(Duration.ofSeconds(10), events));
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }

    /** Failure 2: a client dripping its headers held its connection (and a descriptor) forever. */
    @Test
    void clientDrippingItsHeadIsCutAtTheDeadlineWhateverItsPace() {
        EmbeddedChannel channel = withDeadline();
        channel.writeInbound(ascii("GET /example.test/m/@v/list HTTP/1.1\r\n"));
        for (int second = 0; second < 9; second++) {
            channel.advanceTimeBy(1, TimeUnit.SECONDS);
            channel.writeInbound(ascii("X"));
            channel.runScheduledPendingTasks();
        }
        assertThat(channel.isOpen()).isTrue();
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isFalse();
        assertThat(refusals).containsExactly("request_header_timeout");
        channel.finishAndReleaseAll();
    }

    @Test
    void connectionThatSendsNothingIsCutAtTheDeadline() {
        EmbeddedChannel channel = withDeadline();
        channel.advanceTimeBy(10, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void completeHeadStopsTheClockAndAnIdleKeepAliveConnectionIsNotCutByIt() {
        EmbeddedChannel channel = withDeadline();
        channel.writeInbound(ascii("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"));
        HttpRequest request = channel.readInbound();
        assertThat(request.uri()).isEqualTo("/a");
        ReferenceCountUtil.release(channel.readInbound());
        channel.advanceTimeBy(30, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen())
                .as("a response is owed: the deadline does not apply")
                .isTrue();
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        ReferenceCountUtil.release(channel.readOutbound());
        channel.advanceTimeBy(30, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen())
                .as("between requests only the idle timeout applies")
                .isTrue();
        channel.writeInbound(ascii("GET /b HTTP/1.1\r\n"));
        channel.advanceTimeBy(10, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen())
                .as("the next head's clock starts at its first byte")
                .isFalse();
        channel.finishAndReleaseAll();
    }

    @Test
    void connectionsBeyondThePerClientCapGetOneLine503AndAreClosedWhileAdmittedOnesStay() {
        ConnectionGate gate =
                new ConnectionGate(new ConnectionLimits(Duration.ofSeconds(10), Duration.ofSeconds(60), 10, 2), events);
        EmbeddedChannel first = new EmbeddedChannel(gate);
        EmbeddedChannel second = new EmbeddedChannel(gate);
        EmbeddedChannel third = new EmbeddedChannel(gate);
        assertThat(first.isOpen()).isTrue();
        assertThat(second.isOpen()).isTrue();
        assertThat(third.isOpen()).isFalse();
        ByteBuf answer = third.readOutbound();
        assertThat(answer.toString(StandardCharsets.US_ASCII))
                .startsWith("HTTP/1.1 503 ")
                .endsWith("\r\n\r\ntoo many connections, retry later\n");
        answer.release();
        assertThat(refusals).containsExactly("max_connections_per_client");
        assertThat(gate.open()).isEqualTo(2);
        first.close();
        EmbeddedChannel fourth = new EmbeddedChannel(gate);
        assertThat(fourth.isOpen()).as("a closed connection frees its place").isTrue();
        assertThat(gate.open()).isEqualTo(2);
        for (EmbeddedChannel channel : List.of(first, second, third, fourth)) {
            assertFalse(channel.finishAndReleaseAll());
        }
    }

    @Test
    void connectionsBeyondTheTotalCapAreRefused() {
        ConnectionGate gate =
                new ConnectionGate(new ConnectionLimits(Duration.ofSeconds(10), Duration.ofSeconds(60), 1, 1), events);
        EmbeddedChannel admitted = new EmbeddedChannel(gate);
        EmbeddedChannel refused = new EmbeddedChannel(gate);
        assertThat(refused.isOpen()).isFalse();
        assertThat(refusals).containsExactly("max_connections");
        assertThat(admitted.finishAndReleaseAll()).isFalse();
        assertThat(refused.finishAndReleaseAll()).isTrue();
    }

    @Test
    void defaultCapLeavesHeadroomForStoreBlobsAndUpstreams() {
        assertThat(FileDescriptorBudget.maxConnections(1024)).isEqualTo(384);
        assertThat(FileDescriptorBudget.maxConnections(20_000)).isEqualTo(8000);
        assertThat(FileDescriptorBudget.maxConnections(100)).isEqualTo(64);
        ConnectionLimits auto = ConnectionLimits.of(
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                ConnectionLimits.OptionalCap.AUTO,
                ConnectionLimits.OptionalCap.AUTO,
                20_000);
        assertThat(auto.maxConnections()).isEqualTo(8000);
        assertThat(auto.maxPerClient()).isEqualTo(4000);
    }

    @Test
    void warningsAreAtMostOneLinePerIntervalWithTheCounts() {
        List<String> lines = new ArrayList<>();
        MutableClock clock = new MutableClock();
        RateLimitedWarning warning = new RateLimitedWarning(clock, Duration.ofSeconds(10), lines::add);
        for (int i = 0; i < 1000; i++) {
            warning.record(i % 2 == 0 ? "max_connections" : "request_header_timeout", "detail " + i);
        }
        clock.now = clock.now.plusSeconds(10);
        warning.record("max_connections", "last");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{max_connections=1}");
        assertThat(lines.get(1))
                .startsWith("{max_connections=500, request_header_timeout=500}")
                .endsWith("latest: last");
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
