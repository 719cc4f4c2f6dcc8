package io.modvault.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.modvault.sumdb.dirhash.DirHash;
import io.modvault.sumdb.testing.TestChecksumLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Go checksum database over HTTP for tests, serving a {@link TestChecksumLog} the way
 * sum.golang.org does ({@link SumdbRoutes}): mount it on a {@link FakeUpstream} at
 * {@code /sumdb/<name>/} ({@link #mountOn}, which also answers the go command's
 * {@code supported} probe) or {@link #start()} it alone on 127.0.0.1. It counts every request
 * by its path relative to the database root ({@code /lookup/…}, {@code /tile/…}), keeps them in
 * arrival order (so a test can prove a private module was never looked up), and can be switched
 * at run time to a forked log with the same key, or made unavailable (503). Thread-safe.
 */
public final class ChecksumDatabaseServer implements HttpHandler, AutoCloseable {

    private final String name;
    private final String mountRoot;
    private final RequestCounter counter = new RequestCounter();
    private volatile TestChecksumLog log;
    private volatile boolean available = true;
    private HttpServer server;
    private ExecutorService executor;

    private ChecksumDatabaseServer(TestChecksumLog log) {
        this.log = Objects.requireNonNull(log, "log");
        this.name = log.signer().verifierKey().name();
        this.mountRoot = "/sumdb/" + name;
    }

    /** Serves {@code log}; its key name is the database name. */
    public static ChecksumDatabaseServer of(TestChecksumLog log) {
        return new ChecksumDatabaseServer(log);
    }

    /** A fresh log signed by a new key named {@code name}, holding the records of {@code modules}, in order. */
    public static ChecksumDatabaseServer forModules(String name, Collection<TestModule> modules) {
        ChecksumDatabaseServer server = of(TestChecksumLog.create(name));
        modules.forEach(server::add);
        return server;
    }

    /** Appends the record of {@code module} (zip and go.mod {@code h1:}) to the served log; returns its id. */
    public long add(TestModule module) {
        return log.addRecord(module.path(), module.version(), zipHash(module), goModHash(module));
    }

    /** The {@code h1:} of the zip {@link ModuleZips#write} makes for {@code module}. */
    public static String zipHash(TestModule module) {
        Path zip = null;
        try {
            zip = Files.createTempFile("modvault-sumdb-", ".zip");
            return DirHash.hashZip(ModuleZips.write(module, zip));
        } catch (IOException e) {
            throw new UncheckedIOException("hashing the zip of " + module.coordinate(), e);
        } finally {
            deleteQuietly(zip);
        }
    }

    /** The {@code h1:} of {@code module}'s go.mod. */
    public static String goModHash(TestModule module) {
        return DirHash.hashGoMod(module.goMod());
    }

    /** The database (and key) name, e.g. {@code sumdb.test}. */
    public String name() {
        return name;
    }

    /** The value for {@code GOSUMDB} when the database is reached through a proxy. */
    public String verifierKey() {
        return log.verifierKey();
    }

    /** The log served now (the original or a fork). */
    public TestChecksumLog log() {
        return log;
    }

    /** Serves {@code other} from now on; it must be signed by the same key (e.g. a fork). */
    public void serve(TestChecksumLog other) {
        if (!other.verifierKey().equals(log.verifierKey())) {
            throw new IllegalArgumentException("a log signed by another key: " + other.verifierKey());
        }
        log = other;
    }

    /**
     * Switches to a fork of the served log that shares only its first {@code keepRecords} records
     * and returns it; whatever is appended to it is a different history under the same key.
     */
    public TestChecksumLog serveFork(long keepRecords) {
        TestChecksumLog fork = log.fork(keepRecords);
        log = fork;
        return fork;
    }

    /** While false every request gets 503. */
    public void setAvailable(boolean value) {
        available = value;
    }

    /** {@code /sumdb/<name>/}, where the go command looks for the database behind a proxy. */
    public String mountPrefix() {
        return mountRoot + "/";
    }

    /** Mounts this database on {@code upstream} at {@link #mountPrefix()}; returns this. */
    public ChecksumDatabaseServer mountOn(FakeUpstream upstream) {
        upstream.onPrefix(mountPrefix(), this);
        return this;
    }

    /** Requests seen for {@code path} relative to the database root, e.g. {@code /latest} ({@code %21} = {@code !}). */
    public int requests(String path) {
        return counter.count(UrlPaths.normalize(path));
    }

    public int totalRequests() {
        return counter.total();
    }

    /** Paths of all requests so far, relative to the database root, in arrival order. */
    public List<String> requestLog() {
        return counter.log();
    }

    /** {@code module@version} (plain) of every lookup so far, in arrival order. */
    public List<String> lookups() {
        return requestLog().stream()
                .flatMap(p -> SumdbRoutes.lookedUp(p).stream())
                .map(Object::toString)
                .toList();
    }

    /** True if any lookup asked about module {@code path} or a module below it ({@code path/…}). */
    public boolean wasAskedAbout(String path) {
        return requestLog().stream()
                .flatMap(p -> SumdbRoutes.lookedUp(p).stream())
                .anyMatch(c -> c.module().equals(path) || c.module().startsWith(path + "/"));
    }

    public void resetCounts() {
        counter.reset();
    }

    /** Starts a standalone server on 127.0.0.1 at an ephemeral port; see {@link #baseUrl()}. */
    public synchronized ChecksumDatabaseServer start() {
        if (server == null) {
            try {
                server = HttpServer.create(
                        new InetSocketAddress(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), 0), 64);
            } catch (IOException e) {
                throw new UncheckedIOException("checksum database cannot bind 127.0.0.1", e);
            }
            executor = Executors.newVirtualThreadPerTaskExecutor();
            server.createContext("/", exchange -> {
                try (exchange) {
                    handle(exchange);
                }
            });
            server.setExecutor(executor);
            server.start();
        }
        return this;
    }

    /** {@code http://127.0.0.1:<port>} of the standalone server (no trailing slash). */
    public synchronized String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("the checksum database was not started standalone");
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stops the standalone server, if started; mounts are unaffected. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            executor = null;
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path;
        try {
            path = UrlPaths.normalize(exchange.getRequestURI().getRawPath());
        } catch (IllegalArgumentException e) {
            send(exchange, SumdbRoutes.Answer.text(400, "bad request path\n"));
            return;
        }
        if (path.startsWith(mountPrefix())) {
            path = path.substring(mountRoot.length());
        }
        counter.record(path);
        if (!exchange.getRequestMethod().equals("GET")) {
            send(exchange, SumdbRoutes.Answer.text(405, "method not allowed\n"));
        } else if (!available) {
            send(exchange, SumdbRoutes.Answer.text(503, "checksum database unavailable\n"));
        } else {
            send(exchange, SumdbRoutes.answer(log, path));
        }
    }

    private static void send(HttpExchange exchange, SumdbRoutes.Answer answer) throws IOException {
        byte[] body = answer.body();
        ReplyWriter.send(
                exchange,
                answer.status(),
                answer.contentType(),
                body.length,
                new ByteArrayInputStream(body),
                Reply.serve());
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover temp file is harmless; the hash was computed or the error reported.
            }
        }
    }
}
