package io.modvault.server.connection;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request head is not complete within the deadline, counted from the
 * accept or from the first bytes read while no response is owed: a client dripping its headers
 * (slowloris) or connecting and sending nothing is cut, whatever its pace. Sits right after the
 * HTTP decoder, which forwards every read's completion even when no message is complete yet,
 * and forwards a request only once its head has arrived. While a response is owed the clock
 * is off (the idle timeout governs the time between requests).
 */
public final class RequestHeadDeadline extends ChannelDuplexHandler {
    private final Duration deadline;
    private final ConnectionEvents events;
    private ScheduledFuture<?> armed;
    private int responsesOwed;
    private boolean headInThisRead;

    public RequestHeadDeadline(Duration deadline, ConnectionEvents events) {
        this.deadline = deadline;
        this.events = events;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        arm(ctx);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            disarm();
            responsesOwed++;
            headInThisRead = true;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        if (!headInThisRead && responsesOwed == 0 && armed == null) {
            arm(ctx);
        }
        headInThisRead = false;
        super.channelReadComplete(ctx);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent && !isInterim(msg) && responsesOwed > 0) {
            responsesOwed--;
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        disarm();
        super.channelInactive(ctx);
    }

    /** A 1xx answer (e.g. the half-close probe's 103) precedes the response; it does not settle the request. */
    private static boolean isInterim(Object msg) {
        return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }

    private void arm(ChannelHandlerContext ctx) {
        armed = ctx.executor().schedule(() -> expire(ctx), deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        armed = null;
        if (responsesOwed == 0 && ctx.channel().isOpen()) {
            events.refused(
                    "request_header_timeout",
                    "connection from " + ctx.channel().remoteAddress() + " closed: no complete request head within "
                            + deadline.toMillis() + " ms");
            ctx.close();
        }
    }

    private void disarm() {
        if (armed != null) {
            armed.cancel(false);
            armed = null;
        }
    }
}
