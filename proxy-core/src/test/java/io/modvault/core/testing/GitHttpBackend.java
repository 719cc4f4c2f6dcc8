package io.modvault.core.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Answers one smart-HTTP request by running the real {@code git http-backend} as a CGI program:
 * the request becomes CGI variables ({@code PATH_INFO}, {@code QUERY_STRING}, {@code CONTENT_*},
 * {@code REMOTE_USER} and every other header as {@code HTTP_*}, which is how http-backend learns
 * {@code Content-Encoding: gzip} and {@code Git-Protocol: version=2}), the request body is piped
 * to its stdin as it arrives (already de-chunked by the JDK server; without a length http-backend
 * reads to EOF), and its output is streamed back after the {@link CgiHead} is parsed.
 */
final class GitHttpBackend {

    private static final long TIMEOUT_SECONDS = 60;
    /** Never handed to the CGI program: credentials, and headers CGI passes another way. */
    private static final Set<String> NOT_FORWARDED =
            Set.of("authorization", "proxy-authorization", "content-type", "content-length");
    /** The JDK server frames the response itself. */
    private static final Set<String> NOT_RETURNED = Set.of("content-length", "transfer-encoding", "connection");

    private final Path root;

    GitHttpBackend(Path root) {
        this.root = root;
    }

    /** Serves the exchange, logging the status before the response starts. */
    void serve(HttpExchange exchange, IntConsumer log, GitRepoPath target, String query, Optional<String> user)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder("git", "http-backend").directory(root.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment(exchange, target, query, user));
        Process process = builder.start();
        Thread requestPump = Thread.ofVirtual().start(() -> pumpRequestBody(exchange, process));
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread stderrDrain = Thread.ofVirtual().start(() -> drain(process.getErrorStream(), stderr));
        try (InputStream output = process.getInputStream()) {
            CgiHead head;
            try {
                head = CgiHead.read(output);
            } catch (IOException e) {
                finish(process, requestPump, stderrDrain);
                GitHttpServer.sendText(
                        exchange,
                        log,
                        502,
                        "git http-backend failed: " + e.getMessage() + "\n" + stderr.toString(StandardCharsets.UTF_8));
                return;
            }
            for (Map.Entry<String, String> header : head.headers()) {
                if (!NOT_RETURNED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().add(header.getKey(), header.getValue());
                }
            }
            log.accept(head.status());
            exchange.sendResponseHeaders(head.status(), responseLength(exchange, head));
            try (OutputStream body = exchange.getResponseBody()) {
                output.transferTo(body);
            }
        } finally {
            finish(process, requestPump, stderrDrain);
        }
    }

    private Map<String, String> environment(
            HttpExchange exchange, GitRepoPath target, String query, Optional<String> user) {
        Map<String, String> env = GitRunner.hermeticEnvironment();
        env.put("GIT_PROJECT_ROOT", root.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("GATEWAY_INTERFACE", "CGI/1.1");
        env.put("SERVER_PROTOCOL", exchange.getProtocol());
        env.put("SERVER_SOFTWARE", "modvault-test-git-server");
        env.put("SERVER_NAME", GitHttpServer.HOST);
        env.put("SERVER_PORT", "80");
        env.put("REMOTE_ADDR", exchange.getRemoteAddress().getAddress().getHostAddress());
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("SCRIPT_NAME", "");
        env.put("PATH_INFO", target.pathInfo());
        env.put("QUERY_STRING", query);
        user.ifPresent(u -> env.put("REMOTE_USER", u));
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            env.put("CONTENT_TYPE", contentType);
        }
        String contentLength = exchange.getRequestHeaders().getFirst("Content-Length");
        if (contentLength != null && exchange.getRequestHeaders().getFirst("Transfer-Encoding") == null) {
            env.put("CONTENT_LENGTH", contentLength.trim());
        }
        for (Map.Entry<String, List<String>> header :
                exchange.getRequestHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(name)) {
                env.put(
                        "HTTP_" + name.toUpperCase(Locale.ROOT).replace('-', '_'),
                        String.join(", ", header.getValue()));
            }
        }
        return env;
    }

    private static long responseLength(HttpExchange exchange, CgiHead head) {
        int status = head.status();
        if (exchange.getRequestMethod().equals("HEAD") || status == 204 || status == 304) {
            return -1;
        }
        // For the JDK server 0 means "chunked" and -1 means "no body".
        long declared = head.contentLength().orElse(0);
        return head.contentLength().isPresent() && declared == 0 ? -1 : declared;
    }

    private static void pumpRequestBody(HttpExchange exchange, Process process) {
        try (InputStream in = exchange.getRequestBody();
                OutputStream out = process.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // http-backend may answer (e.g. 404) without reading the body; the pipe then breaks.
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream sink) {
        try (in) {
            in.transferTo(sink);
        } catch (IOException e) {
            // The process is gone; what was read is all there is.
        }
    }

    private static void finish(Process process, Thread requestPump, Thread stderrDrain) {
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            requestPump.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            stderrDrain.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
