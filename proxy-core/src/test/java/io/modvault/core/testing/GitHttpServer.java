package io.modvault.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

/**
 * A loopback git hosting site for {@value #HOST}: serves the bare repositories
 * {@code <root>/<org>/<repo>.git} on 127.0.0.1 (ephemeral port) to clients that use it as their
 * HTTP proxy ({@code HTTP_PROXY=}{@link #proxyUrl()}), so module paths can name a host that never
 * resolves and no packet leaves the machine. It accepts absolute-form (proxy) and origin-form
 * requests alike and answers
 * <ul>
 * <li>{@code ?go-get=1} for any path at or below a repository with its
 * {@code <meta name="go-import" content="git.example.test/org/repo git http://git.example.test/org/repo.git">}
 * page (to everyone: the go command never sends credentials over plain http), 404 otherwise;</li>
 * <li>git smart HTTP ({@code /org/repo.git/info/refs}, {@code /git-upload-pack}, also without
 * {@code .git}) through the real {@code git http-backend}, behind optional Basic auth
 * ({@link #requireBasicAuth}: 401 with {@code WWW-Authenticate: Basic realm="git"});</li>
 * <li>503 to everything while {@link #setAvailable(boolean) unavailable}, 502 to proxy requests for
 * any other host (so a leak shows up in the log instead of reaching the internet).</li>
 * </ul>
 * Every request is logged ({@link #requestLog()}). {@code CONNECT} (an {@code HTTPS_PROXY} tunnel)
 * cannot be routed by the JDK server, which closes such connections unanswered and unlogged; the
 * go command then falls back to http for GOINSECURE hosts.
 */
public final class GitHttpServer implements AutoCloseable {

    /** The host every test repository is published under; reserved, never resolvable. */
    public static final String HOST = "git.example.test";

    private record Credentials(String user, String password) {}

    private final Path root;
    private final GitHttpBackend backend;
    private final Map<String, Credentials> repoCredentials = new ConcurrentHashMap<>();
    private final List<GitRequest> log = new ArrayList<>();
    private volatile Credentials allCredentials;
    private volatile boolean available = true;
    private final HttpServer server;
    private final ExecutorService executor;

    private GitHttpServer(Path root) throws IOException {
        this.root = root;
        this.backend = new GitHttpBackend(root);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.server = HttpServer.create(new InetSocketAddress(loopback(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts serving the bare repositories below {@code reposRoot} (created if missing). */
    public static GitHttpServer start(Path reposRoot) {
        Path root = reposRoot.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            return new GitHttpServer(root);
        } catch (IOException e) {
            throw new UncheckedIOException("starting the git server for " + root, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the value for {@code HTTP_PROXY} / {@code http_proxy}. */
    public String proxyUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Path root() {
        return root;
    }

    /** The clone URL of a repository, as its go-import page announces it: {@code http://git.example.test/org/repo.git}. */
    public static String repoUrl(String repo) {
        return "http://" + HOST + "/" + repo + ".git";
    }

    /** Requires these Basic credentials for the git requests of every repository without its own. */
    public GitHttpServer requireBasicAuth(String user, String password) {
        allCredentials = new Credentials(Objects.requireNonNull(user), Objects.requireNonNull(password));
        return this;
    }

    /** Requires these Basic credentials for the git requests of one repository, e.g. {@code org/secret}. */
    public GitHttpServer requireBasicAuth(String repo, String user, String password) {
        repoCredentials.put(repo, new Credentials(Objects.requireNonNull(user), Objects.requireNonNull(password)));
        return this;
    }

    /** Whether git requests for {@code repo} need credentials. */
    public boolean requiresAuth(String repo) {
        return repoCredentials.containsKey(repo) || allCredentials != null;
    }

    /** {@code false} makes every request answer 503 until set back to {@code true}. */
    public void setAvailable(boolean isAvailable) {
        available = isAvailable;
    }

    /** Every request so far, in the order their responses started (each is logged before its client sees it). */
    public List<GitRequest> requestLog() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Requests whose decoded path starts with {@code pathPrefix} (leading slash optional). */
    public int requests(String pathPrefix) {
        String prefix = pathPrefix.startsWith("/") ? pathPrefix : "/" + pathPrefix;
        return (int)
                requestLog().stream().filter(r -> r.path().startsWith(prefix)).count();
    }

    public void resetLog() {
        synchronized (log) {
            log.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    static boolean isGoGet(String query) {
        return query != null && List.of(query.split("&")).contains("go-get=1");
    }

    /** Sends a small text body, logging {@code status} first. */
    static void sendText(HttpExchange exchange, IntConsumer log, int status, String text) throws IOException {
        byte[] bytes = (text.endsWith("\n") ? text : text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        log.accept(status);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getPath() == null ? "" : uri.getPath();
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            boolean absolute = uri.isAbsolute();
            String host = absolute ? String.valueOf(uri.getHost()) : hostHeader(exchange);
            Optional<String> sentUser =
                    BasicAuth.user(exchange.getRequestHeaders().getFirst("Authorization"));
            // Logged when the status is decided, before the client can see a byte of the response.
            boolean[] logged = {false};
            IntConsumer log = status -> {
                logged[0] = true;
                record(new GitRequest(exchange.getRequestMethod(), host, path, query, absolute, sentUser, status));
            };
            try {
                route(exchange, log, absolute, host, path, query);
            } catch (IOException | RuntimeException e) {
                if (!logged[0]) {
                    log.accept(500);
                }
                throw e;
            }
        }
    }

    private void route(HttpExchange exchange, IntConsumer log, boolean absolute, String host, String path, String query)
            throws IOException {
        if (!available) {
            sendText(exchange, log, 503, "git server unavailable (setAvailable(false))");
            return;
        }
        if (absolute && !HOST.equalsIgnoreCase(host)) {
            sendText(exchange, log, 502, "this test proxy only serves " + HOST + ", not " + host);
            return;
        }
        Optional<GitRepoPath> target = GitRepoPath.find(root, path);
        if (target.isEmpty() || (isGoGet(query) && target.get().dotGit())) {
            sendText(exchange, log, 404, "no repository at " + HOST + path);
            return;
        }
        String repo = target.get().repo();
        if (isGoGet(query)) {
            GoImportPage.send(exchange, log, repo);
            return;
        }
        Credentials required = repoCredentials.getOrDefault(repo, allCredentials);
        Optional<String> authenticated = Optional.empty();
        if (required != null) {
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            if (!BasicAuth.matches(header, required.user(), required.password())) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"git\"");
                sendText(exchange, log, 401, "authentication required for " + HOST + "/" + repo);
                return;
            }
            authenticated = Optional.of(required.user());
        }
        backend.serve(exchange, log, target.get(), query, authenticated);
    }

    private void record(GitRequest request) {
        synchronized (log) {
            log.add(request);
        }
    }

    private static String hostHeader(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host == null ? "" : host;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 is always a valid address", e);
        }
    }
}
