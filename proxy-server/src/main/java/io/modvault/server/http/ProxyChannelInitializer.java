package io.modvault.server.http;

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
 * {@code IdleStateHandler} (closes connections idle for 5 minutes, via the handler) →
 * {@code HttpServerCodec} (request lines up to 8 KiB, so that longer paths still reach the
 * parser's 400 instead of a bare decoder failure) → {@code HttpServerKeepAliveHandler} →
 * {@code HttpObjectAggregator} (GET/HEAD carry no body; 64 KiB is plenty) →
 * {@link ProxyRequestHandler}. Zips go out as {@code FileRegion}s, which the codec writes
 * without a chunked-write handler.
 */
public final class ProxyChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final ProxyServices services;
    private final MemoryCache memory;

    public ProxyChannelInitializer(ProxyServices services) {
        this.services = services;
        this.memory = new MemoryCache(services.memoryCacheBytes(), services.clock());
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline p = channel.pipeline();
        p.addLast("idle", new IdleStateHandler(0, 0, 300, TimeUnit.SECONDS));
        p.addLast("codec", new HttpServerCodec(8192, 16384, 8192));
        p.addLast("keepAlive", new HttpServerKeepAliveHandler());
        p.addLast("aggregator", new HttpObjectAggregator(64 * 1024));
        p.addLast("proxy", new ProxyRequestHandler(services, memory));
    }
}
