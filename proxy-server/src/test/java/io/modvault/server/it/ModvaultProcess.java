package io.modvault.server.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * modvault in a separate JVM (same classpath as the tests), so a test can kill it with
 * SIGKILL mid-flight and start it again on the same data directory.
 */
final class ModvaultProcess implements AutoCloseable {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Process process;
    private final int port;

    private ModvaultProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ModvaultProcess start(Path dataDir, String upstream, int port, Path log)
            throws IOException, InterruptedException {
        return start(dataDir, upstream, port, log, Map.of());
    }

    /** Like {@link #start(Path, String, int, Path)} with {@code settings} added to (or replacing) the environment. */
    static ModvaultProcess start(Path dataDir, String upstream, int port, Path log, Map<String, String> settings)
            throws IOException, InterruptedException {
        ModvaultProcess started = new ModvaultProcess(
                launcher(dataDir, upstream, port, log, settings).start(), port);
        started.awaitHealthy();
        return started;
    }

    /** The process builder {@link #start} runs, for tests that expect start-up to fail. */
    static ProcessBuilder launcher(Path dataDir, String upstream, int port, Path log, Map<String, String> settings) {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.modvault.server.Main", "serve"));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MODVAULT_") || name.startsWith("GO"));
        env.put("GOSUMDB", "off");
        env.put("MODVAULT_SUMDB_PROXY", "off");
        env.put("GOPROXY", upstream);
        env.put("MODVAULT_DATA_DIR", dataDir.toString());
        env.put("MODVAULT_LISTEN", "127.0.0.1:" + port);
        env.putAll(settings);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return builder;
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("modvault exited with " + process.exitValue() + " during start-up");
            }
            try {
                HttpResponse<Void> health = CLIENT.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/healthz"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("modvault did not become healthy within 30 s");
    }

    /** The server's process id, as it records itself beside its store's lock. */
    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, then wait for the graceful shutdown; returns the exit status. */
    int terminate() throws InterruptedException {
        process.destroy();
        process.waitFor();
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            killHard();
        }
    }
}
