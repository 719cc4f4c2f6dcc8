package io.modvault.server.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * First handler of every connection: admits it while fewer than the total and per-address caps
 * are open, otherwise answers one line of 503 and closes it at once, before any request is read,
 * so connections already admitted keep their place. Counting is lock-free; nothing blocks.
 */
@ChannelHandler.Sharable
public final class ConnectionGate extends ChannelInboundHandlerAdapter {
    private static final AttributeKey<Object> ADMITTED_AS = AttributeKey.valueOf("modvault.admittedAs");
    private static final ByteBuf TOO_MANY = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 34\r\n"
                    + "Retry-After: 1\r\nConnection: close\r\n\r\ntoo many connections, retry later\n",
            StandardCharsets.US_ASCII));
    private final ConnectionLimits limits;
    private final ConnectionEvents events;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<Object, Integer> perClient = new ConcurrentHashMap<>();

    public ConnectionGate(ConnectionLimits limits, ConnectionEvents events) {
        this.limits = limits;
        this.events = events;
    }

    /** Connections admitted and still open. */
    public int open() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Object client = clientOf(ctx.channel().remoteAddress());
        if (open.incrementAndGet() > limits.maxConnections()) {
            open.decrementAndGet();
            refuse(ctx, "max_connections", client);
            return;
        }
        if (perClient.merge(client, 1, Integer::sum) > limits.maxPerClient()) {
            release(client);
            open.decrementAndGet();
            refuse(ctx, "max_connections_per_client", client);
            return;
        }
        ctx.channel().attr(ADMITTED_AS).set(client);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Object client = ctx.channel().attr(ADMITTED_AS).getAndSet(null);
        if (client != null) {
            release(client);
            open.decrementAndGet();
        }
        ctx.fireChannelInactive();
    }

    private void refuse(ChannelHandlerContext ctx, String reason, Object client) {
        events.refused(
                reason,
                "connection from " + client + " refused: " + open.get() + " open (caps " + limits.maxConnections()
                        + " total, " + limits.maxPerClient() + " per client)");
        ctx.writeAndFlush(TOO_MANY.duplicate()).addListener(ChannelFutureListener.CLOSE);
    }

    private void release(Object client) {
        perClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }

    private static Object clientOf(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress()
                : String.valueOf(address);
    }
}
