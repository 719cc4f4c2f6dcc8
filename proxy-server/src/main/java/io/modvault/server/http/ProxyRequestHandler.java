package io.modvault.server.http;

import io.modvault.core.fetch.CacheOutcome;
import io.modvault.core.fetch.FetchResult;
import io.modvault.core.protocol.IndexQuery;
import io.modvault.core.protocol.ParseResult;
import io.modvault.core.protocol.ProxyRequest;
import io.modvault.core.protocol.ProxyRequestParser;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles requests on one connection, one at a time and in order (pipelined requests wait in
 * a queue, so responses can never overtake each other). On the event loop it only parses the
 * URL and answers fresh small artifacts from the {@link MemoryCache}; everything else (fetching,
 * opening files) runs on a virtual thread, and the prepared response is written back on the
 * event loop. Every request ends with one access-log line and one metrics update. A client that
 * shuts down its sending side after its requests (TCP half-close) still gets every answer; the
 * connection is closed once the last one is written.
 */
public final class ProxyRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyRequestHandler.class);
    private final ProxyServices services;
    private final ResponsePreparer preparer;
    private final MemoryCache memory;
    private final ErrorAnswers errors;
    private final Deque<FullHttpRequest> pending = new ArrayDeque<>();
    private boolean busy;
    /** Whether the request being answered may get interim answers (HTTP/1.1; never sent to 1.0). */
    private boolean interimAllowed;

    private boolean inputShutdown;
    /** The thread preparing the current response; interrupted when the client goes away. */
    private volatile Thread blockingThread;

    public ProxyRequestHandler(ProxyServices services, MemoryCache memory, ErrorAnswers errors) {
        super(false);
        this.services = services;
        this.preparer = new ResponsePreparer(services.clock());
        this.memory = memory;
        this.errors = errors;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        pending.add(request);
        if (!busy) {
            handleNext(ctx);
        }
    }

    private void handleNext(ChannelHandlerContext ctx) {
        FullHttpRequest request = pending.poll();
        if (request == null) {
            return;
        }
        busy = true;
        interimAllowed = request.protocolVersion().equals(HttpVersion.HTTP_1_1);
        services.inFlight().incrementAndGet();
        RequestContext rc =
                new RequestContext(request, request.method().name(), request.uri(), System.nanoTime(), "other");
        boolean headOnly = HttpMethod.HEAD.equals(request.method());
        if (!request.decoderResult().isSuccess()) {
            finish(
                    ctx,
                    rc,
                    Responses.error(
                            400,
                            "malformed HTTP request: "
                                    + request.decoderResult().cause().getMessage(),
                            CacheOutcome.NONE,
                            headOnly));
        } else if (!HttpMethod.GET.equals(request.method()) && !headOnly) {
            PreparedResponse refused = Responses.error(
                    405, "method " + request.method() + " not allowed; use GET or HEAD", CacheOutcome.NONE, false);
            refused.head().headers().set("Allow", "GET, HEAD");
            finish(ctx, rc, refused);
        } else if (IndexQuery.isIndex(request.uri())) {
            IndexQuery.Result query = IndexQuery.parse(request.uri());
            runBlocking(
                    ctx,
                    rc.withKind(IndexEndpoint.KIND),
                    () -> IndexEndpoint.answer(query, services.storedVersions(), headOnly));
        } else if (LocalEndpoints.handles(request.uri())) {
            runBlocking(ctx, rc, () -> LocalEndpoints.answer(request.uri(), services, headOnly));
        } else {
            dispatch(ctx, rc, headOnly);
        }
    }

    private void dispatch(ChannelHandlerContext ctx, RequestContext rc, boolean headOnly) {
        switch (ProxyRequestParser.parse(rc.uri())) {
            case ParseResult.Rejected rejected ->
                finish(ctx, rc, Responses.error(rejected.status(), rejected.reason(), CacheOutcome.NONE, headOnly));
            case ParseResult.Parsed parsed -> {
                HttpHeaders headers = rc.request().headers();
                ProxyRequest request = parsed.request();
                RequestContext kinded = rc.withKind(RequestKinds.of(request));
                boolean memorable = !(request instanceof ProxyRequest.Zip);
                Optional<MemoryCache.Entry> remembered =
                        memorable ? memory.fresh(request.upstreamPath()) : Optional.empty();
                if (remembered.isPresent()) {
                    MemoryCache.Entry hit = remembered.get();
                    finish(
                            ctx,
                            kinded,
                            ContentResponses.render(hit.content(), hit.etag(), headers, headOnly, services.clock()));
                    return;
                }
                runBlocking(ctx, kinded, () -> {
                    FetchResult result = services.proxy().get(request);
                    if (memorable && result instanceof FetchResult.Content content) {
                        String etag = ContentResponses.etagOf(content.body());
                        memory.offer(request.upstreamPath(), content, etag);
                        return ContentResponses.render(content, etag, headers, headOnly, services.clock());
                    }
                    return preparer.prepare(result, headers, headOnly);
                });
            }
        }
    }

    private void runBlocking(ChannelHandlerContext ctx, RequestContext rc, BlockingWork work) {
        services.blockingExecutor().execute(() -> {
            blockingThread = Thread.currentThread();
            if (!ctx.channel().isActive()) {
                Thread.currentThread().interrupt(); // gone before we started: channelInactive may have missed us
            }
            PreparedResponse response;
            try {
                response = work.run();
            } catch (Exception | Error e) {
                response = Thread.interrupted()
                        ? Responses.error(499, "client closed the connection", CacheOutcome.NONE, false)
                        : errors.answer(rc, e);
            } finally {
                blockingThread = null;
            }
            PreparedResponse ready = response;
            ctx.executor().execute(() -> finish(ctx, rc, ready));
        });
    }

    private void finish(ChannelHandlerContext ctx, RequestContext rc, PreparedResponse response) {
        boolean keepAlive = HttpUtil.isKeepAlive(rc.request())
                && rc.request().decoderResult().isSuccess();
        if (!ctx.channel().isActive()) {
            response.discard();
            completed(ctx, rc, response, false);
            return;
        }
        if (!keepAlive) {
            // Say so, or a client reusing the connection sees a reset instead of a clean end.
            response.head().headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ChannelFuture done;
        if (response.file().isPresent()) {
            ctx.write(response.head());
            ctx.write(response.file().get());
            done = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        } else {
            done = ctx.writeAndFlush(
                    Responses.full(response.head(), response.buffer().orElse(Unpooled.EMPTY_BUFFER)));
        }
        done.addListener((ChannelFutureListener) f -> {
            completed(ctx, rc, response, f.isSuccess());
            if (!keepAlive || !f.isSuccess() || (inputShutdown && pending.isEmpty())) {
                ctx.close();
            } else {
                handleNext(ctx);
            }
        });
    }

    private void completed(ChannelHandlerContext ctx, RequestContext rc, PreparedResponse response, boolean written) {
        long nanos = System.nanoTime() - rc.startNanos();
        services.metrics()
                .record(rc.kind(), response.outcome(), response.status(), written ? response.bodyBytes() : 0, nanos);
        AccessLog accessLog = services.accessLog();
        if (accessLog.enabled()) {
            accessLog.record(new AccessLog.Entry(
                    services.clock().millis(),
                    ctx.channel().remoteAddress(),
                    rc.method(),
                    rc.uri(),
                    response.status(),
                    written ? response.bodyBytes() : 0,
                    nanos / 1_000_000,
                    response.outcome(),
                    !written));
        }
        rc.request().release();
        busy = false;
        services.inFlight().decrementAndGet();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Thread preparing = blockingThread;
        if (preparing != null) {
            preparing.interrupt(); // the client is gone: stop waiting, and the fetch if no one else waits
        }
        for (FullHttpRequest queued; (queued = pending.poll()) != null; ) {
            queued.release();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof ChannelInputShutdownEvent) {
            inputShutdown = true;
            if (!busy && pending.isEmpty()) {
                ctx.close();
            } else if (interimAllowed) {
                PeerProbe.start(ctx, () -> busy);
            }
        } else if (event instanceof IdleStateEvent && !busy) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug(
                "connection {} closed after an error: {}",
                AccessLog.client(ctx.channel().remoteAddress()),
                cause.toString());
        ctx.close();
    }

    /** Work that may block; runs on a virtual thread. */
    @FunctionalInterface
    interface BlockingWork {
        PreparedResponse run() throws Exception;
    }
}
