package io.modvault.server.http;

import io.modvault.server.connection.ConnectionEvents;
import io.modvault.server.connection.ConnectionGate;
import io.modvault.server.connection.ConnectionLimits;
import io.modvault.server.connection.RequestHeadDeadline;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of every accepted connection, in order:
 * {@link ConnectionGate} (refuses connections beyond the caps with a one-line 503) →
 * {@code IdleStateHandler} (closes keep-alive connections idle for the idle timeout, via the
 * handler) → {@code HttpServerCodec} (request lines up to 8 KiB, so that longer paths still
 * reach the parser's 400 instead of a bare decoder failure) → {@link RequestHeadDeadline}
 * (cuts clients that do not complete a request head in time) → {@code HttpServerKeepAliveHandler} →
 * {@code HttpObjectAggregator} (GET/HEAD carry no body; 64 KiB is plenty) →
 * {@link ProxyRequestHandler}. Zips go out as {@code FileRegion}s, which the codec writes
 * without a chunked-write handler.
 */
public final class ProxyChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final ProxyServices services;
    private final MemoryCache memory;
    private final ConnectionLimits limits;
    private final ConnectionGate gate;
    private final ConnectionEvents events;
    private final ErrorAnswers errors;

    public ProxyChannelInitializer(
            ProxyServices services, ConnectionLimits limits, ConnectionGate gate, ConnectionEvents events) {
        this.services = services;
        this.limits = limits;
        this.gate = gate;
        this.events = events;
        this.memory = new MemoryCache(services.memoryCacheBytes(), services.clock());
        this.errors = new ErrorAnswers(services.metrics(), services.clock());
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline p = channel.pipeline();
        p.addLast("gate", gate);
        p.addLast("idle", new IdleStateHandler(0, 0, limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        p.addLast("codec", new HttpServerCodec(8192, 16384, 8192));
        p.addLast("headDeadline", new RequestHeadDeadline(limits.headerTimeout(), events));
        p.addLast("keepAlive", new HttpServerKeepAliveHandler());
        p.addLast("aggregator", new HttpObjectAggregator(64 * 1024));
        p.addLast("proxy", new ProxyRequestHandler(services, memory, errors));
    }
}
