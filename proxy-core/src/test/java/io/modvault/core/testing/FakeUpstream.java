package io.modvault.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A GOPROXY-protocol HTTP server on 127.0.0.1 (ephemeral port) that serves a {@link GoProxyTree}
 * from disk and can be scripted per path to fail, stall, truncate or tamper, while counting every
 * request. Paths are percent-decoded from the raw request path (so {@code %21} and {@code !} are
 * the same and {@code +incompatible} survives) and always compared in that decoded form with a
 * leading slash; callers may pass {@link GoProxyTree#zipPath} and friends directly. Scripts
 * ({@link #on}) win over {@link #onPrefix} handlers, which win over the tree; unknown paths get
 * 404. {@link #stop()} and {@link #start()} simulate an outage on the same port.
 */
public final class FakeUpstream implements AutoCloseable {

    private record Rule(Predicate<String> matcher, Reply reply, AtomicInteger remaining) {}

    private record Mount(String prefix, HttpHandler handler) {}

    private static final InetAddress LOOPBACK = loopback();

    private final Path root;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Mount> mounts = new CopyOnWriteArrayList<>();
    private final RequestCounter counter = new RequestCounter();
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    private FakeUpstream(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Starts serving {@code tree}; modules added to the tree later are served too. */
    public static FakeUpstream start(GoProxyTree tree) {
        return start(tree.root());
    }

    /** Starts serving any directory in GOPROXY layout (e.g. a copied module download cache). */
    public static FakeUpstream start(Path treeRoot) {
        FakeUpstream upstream = new FakeUpstream(treeRoot);
        upstream.start();
        return upstream;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash; stable across stop/start. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Scripts every request whose decoded path equals {@code path}, until {@link #clearRules()}. */
    public FakeUpstream on(String path, Reply reply) {
        return on(path, reply, Integer.MAX_VALUE);
    }

    /** Scripts the next {@code times} requests for {@code path}; later ones are served normally. */
    public FakeUpstream on(String path, Reply reply, int times) {
        String wanted = UrlPaths.normalize(path);
        return on(wanted::equals, reply, times);
    }

    /** Scripts every request whose decoded path (leading slash included) matches. */
    public FakeUpstream on(Predicate<String> path, Reply reply) {
        return on(path, reply, Integer.MAX_VALUE);
    }

    /** The newest matching rule wins; a rule is used at most {@code times} times. */
    public FakeUpstream on(Predicate<String> path, Reply reply, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be positive: " + times);
        }
        rules.addFirst(new Rule(Objects.requireNonNull(path), Objects.requireNonNull(reply), new AtomicInteger(times)));
        return this;
    }

    public void clearRules() {
        rules.clear();
    }

    /**
     * Hands every request whose decoded path starts with {@code prefix} (e.g.
     * {@code /sumdb/sum.example.test/}) to {@code handler}, after counting it; for mounting a test
     * checksum database. A matching script still wins; of its delivery settings only the header
     * delay applies to handler responses.
     */
    public FakeUpstream onPrefix(String prefix, HttpHandler handler) {
        mounts.addFirst(new Mount(UrlPaths.normalize(prefix), Objects.requireNonNull(handler)));
        return this;
    }

    /** Requests seen for {@code path} (any spelling of it, see the class comment). */
    public int requests(String path) {
        return counter.count(UrlPaths.normalize(path));
    }

    public int totalRequests() {
        return counter.total();
    }

    /** Decoded paths of all requests so far, in arrival order. */
    public List<String> requestLog() {
        return counter.log();
    }

    public void resetCounts() {
        counter.reset();
    }

    /** Binds the port again after {@link #stop()} (the ephemeral one on the first start). */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server = bind();
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        port = server.getAddress().getPort();
    }

    /** Closes the listening socket and every open connection: clients see connection refused. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
        executor = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
    }

    private HttpServer bind() {
        InetSocketAddress address = new InetSocketAddress(LOOPBACK, port);
        // A just-closed port can stay busy for a moment; retry briefly, never forever.
        for (int attempt = 1; ; attempt++) {
            try {
                return HttpServer.create(address, 64);
            } catch (BindException e) {
                if (attempt == 50) {
                    throw new UncheckedIOException("fake upstream cannot bind " + address, e);
                }
                try {
                    Thread.sleep(Duration.ofMillis(100));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while binding " + address, interrupted);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("fake upstream cannot bind " + address, e);
            }
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 is always a valid address", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path;
            try {
                path = UrlPaths.normalize(exchange.getRequestURI().getRawPath());
            } catch (IllegalArgumentException e) {
                counter.record(exchange.getRequestURI().getRawPath());
                sendText(exchange, 400, "bad request path: " + e.getMessage(), Reply.serve());
                return;
            }
            counter.record(path);
            Reply reply = script(path).orElseGet(Reply::serve);
            ReplyWriter.pause(reply.headerDelay());
            switch (reply.body()) {
                case Reply.Body.Fixed fixed ->
                    ReplyWriter.send(
                            exchange,
                            fixed.status(),
                            fixed.contentType(),
                            fixed.bytes().length,
                            new ByteArrayInputStream(fixed.bytes()),
                            reply);
                case Reply.Body.Served served -> serve(exchange, path, reply);
            }
        }
    }

    private Optional<Reply> script(String path) {
        for (Rule rule : rules) {
            if (rule.matcher().test(path) && rule.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Optional.of(rule.reply());
            }
        }
        return Optional.empty();
    }

    private void serve(HttpExchange exchange, String path, Reply reply) throws IOException {
        for (Mount mount : mounts) {
            if (path.startsWith(mount.prefix())) {
                mount.handler().handle(exchange);
                return;
            }
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            sendText(exchange, 405, "method not allowed: " + exchange.getRequestMethod(), reply);
            return;
        }
        // Dot segments (also hides GoProxyTree's temp files) and NUL never name a tree file.
        boolean suspicious = path.contains("/.") || path.indexOf('\0') >= 0;
        Path file = suspicious ? root : root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            sendText(exchange, 404, "not found: " + path, reply);
            return;
        }
        // Size and bytes from one open channel: GoProxyTree may atomically replace the file meanwhile.
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            ReplyWriter.send(exchange, 200, contentType(path), channel.size(), Channels.newInputStream(channel), reply);
        }
    }

    private static void sendText(HttpExchange exchange, int status, String text, Reply reply) throws IOException {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        ReplyWriter.send(
                exchange, status, "text/plain; charset=utf-8", bytes.length, new ByteArrayInputStream(bytes), reply);
    }

    private static String contentType(String path) {
        if (path.endsWith(".info") || path.endsWith("/@latest")) {
            return "application/json";
        }
        return path.endsWith(".zip") ? "application/zip" : "text/plain; charset=utf-8";
    }
}
