package io.modvault.core.vcs.discovery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A git host's web front on 127.0.0.1 answering go-get pages: scripted answers keyed by path and
 * query, 404 for anything else; every request is recorded with its target (absolute-form when it
 * came through {@link ForwardProxy} as plain http) and its Authorization header.
 */
final class PageServer implements AutoCloseable {

    record Request(String target, String pathAndQuery, String authorization) {}

    private record Answer(int status, String location, String body, long stallMillis) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private PageServer(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static PageServer http() throws IOException {
        return new PageServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    static PageServer https(SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new PageServer(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Answers {@code pathAndQuery} (e.g. {@code /org/repo?go-get=1}) with a status and an HTML body. */
    PageServer page(String pathAndQuery, int status, String html) {
        answers.put(pathAndQuery, new Answer(status, null, html, 0));
        return this;
    }

    /** A go-get page carrying the given go-import tag contents. */
    PageServer goImport(String pathAndQuery, String... contents) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head>\n");
        for (String content : contents) {
            html.append("<meta name=\"go-import\" content=\"").append(content).append("\">\n");
        }
        return page(
                pathAndQuery,
                200,
                html.append("</head><body>go get</body></html>\n").toString());
    }

    PageServer redirect(String pathAndQuery, String location) {
        answers.put(pathAndQuery, new Answer(302, location, "", 0));
        return this;
    }

    /** Answers only after {@code millis} (or when the server closes). */
    PageServer stall(String pathAndQuery, long millis) {
        answers.put(pathAndQuery, new Answer(200, null, "", millis));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        requests.add(new Request(
                uri.toString(), pathAndQuery, exchange.getRequestHeaders().getFirst("Authorization")));
        Answer answer = answers.getOrDefault(pathAndQuery, new Answer(404, null, "<html>not found</html>", 0));
        try {
            if (answer.stallMillis() > 0 && closing.await(answer.stallMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (answer.location() != null) {
            exchange.getResponseHeaders().add("Location", answer.location());
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
