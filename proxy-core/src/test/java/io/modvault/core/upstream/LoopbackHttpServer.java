package io.modvault.core.upstream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
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

/** A JDK HttpServer on 127.0.0.1, port 0, dispatching exact raw paths and recording requests. */
final class LoopbackHttpServer implements AutoCloseable {

    interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    record Recorded(String method, String rawPath, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    /** Slow handlers wait on this (bounded), so closing the server releases them at once. */
    private final CountDownLatch closing = new CountDownLatch(1);

    private final String scheme;

    private LoopbackHttpServer(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    static LoopbackHttpServer start() throws IOException {
        return new LoopbackHttpServer(HttpServer.create(loopback(), 0), "http");
    }

    static LoopbackHttpServer startTls(SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(loopback(), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new LoopbackHttpServer(server, "https");
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    void handle(String rawPath, Handler handler) {
        handlers.put(rawPath, handler);
    }

    URI base() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** Sleeps up to {@code millis}, or less if the server is closed first. */
    void pause(long millis) throws InterruptedException {
        closing.await(millis, TimeUnit.MILLISECONDS);
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        requests.add(new Recorded(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                Map.copyOf(exchange.getRequestHeaders())));
        Handler handler = handlers.get(exchange.getRequestURI().getRawPath());
        try {
            if (handler == null) {
                respond(exchange, 404, null, "");
            } else {
                handler.handle(exchange);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
