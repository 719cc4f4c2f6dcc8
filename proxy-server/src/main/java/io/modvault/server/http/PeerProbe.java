package io.modvault.server.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Tells a half-closed client from a vanished one while its answer is still being prepared. Both
 * look the same on arrival (the client's FIN), but only a client that is still reading accepts
 * data: so the server sends an interim {@code 103 Early Hints} (which HTTP/1.1 clients must
 * accept and may ignore before the final answer), and a second one a moment later. To a socket
 * that was closed, the first provokes a reset and the second then fails, which closes the channel
 * and so cancels the fetch that nobody waits for; a half-closed client just reads two interim
 * answers and then its own. Only two probes are sent, well within what clients accept (Go's
 * transport takes up to five).
 */
final class PeerProbe {
    private static final long SECOND_PROBE_MILLIS = 300;

    private PeerProbe() {}

    /** Probes while {@code pending} says the answer is still being prepared; runs on the event loop. */
    static void start(ChannelHandlerContext ctx, BooleanSupplier pending) {
        probe(ctx);
        ctx.executor()
                .schedule(
                        () -> {
                            if (pending.getAsBoolean() && ctx.channel().isActive()) {
                                probe(ctx);
                            }
                        },
                        SECOND_PROBE_MILLIS,
                        TimeUnit.MILLISECONDS);
    }

    private static void probe(ChannelHandlerContext ctx) {
        DefaultFullHttpResponse hint =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(103));
        ctx.writeAndFlush(hint).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
}
