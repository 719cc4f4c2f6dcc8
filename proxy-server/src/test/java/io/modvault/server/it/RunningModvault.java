package io.modvault.server.it;

import io.modvault.server.ModvaultServer;
import io.modvault.server.config.ConfigLoader;
import io.modvault.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A real modvault server on 127.0.0.1, port 0, for integration tests; settings as environment entries. */
final class RunningModvault implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final ModvaultServer server;

    private RunningModvault(ModvaultServer server) {
        this.server = server;
    }

    static RunningModvault start(Path dataDir, String upstream, Map<String, String> settings)
            throws InterruptedException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(name -> name.startsWith("MODVAULT_") || name.startsWith("GO"));
        env.putAll(settings);
        env.putIfAbsent("MODVAULT_LISTEN", "127.0.0.1:0");
        env.putIfAbsent("GOSUMDB", "off");
        // Hermetic: with GOSUMDB=off the default would serve sum.golang.org to clients, reached
        // directly when the fake upstream does not offer it. Tests that want it say so.
        if (env.get("GOSUMDB").equals("off")) {
            env.putIfAbsent("MODVAULT_SUMDB_PROXY", "off");
        }
        env.put("MODVAULT_DATA_DIR", dataDir.toString());
        env.put("GOPROXY", upstream);
        ServerConfig config = ConfigLoader.load(env, Optional.empty(), Map.of());
        return new RunningModvault(ModvaultServer.start(config));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    int port() {
        return server.port();
    }

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        server.close();
    }
}
