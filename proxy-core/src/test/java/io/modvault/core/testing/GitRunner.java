package io.modvault.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the system {@code git} with an environment built from scratch, so that neither the user's
 * nor the machine's git configuration (signing, hooks paths, default branch, credential helpers,
 * proxies) can change what the fixtures produce. Output is captured through temp files, which
 * cannot dead-lock on full pipes.
 */
final class GitRunner {

    private static final long TIMEOUT_SECONDS = 60;

    private GitRunner() {}

    /** PATH from this JVM (to find git), UTC, C locale, no global or system config, no prompts. */
    static Map<String, String> hermeticEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        String path = System.getenv("PATH");
        env.put("PATH", path == null || path.isBlank() ? "/usr/local/bin:/usr/bin:/bin" : path);
        env.put("HOME", "/nonexistent");
        env.put("LC_ALL", "C");
        env.put("TZ", "UTC");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_TERMINAL_PROMPT", "0");
        return env;
    }

    /** {@code git <args>} in {@code dir} with the hermetic environment plus {@code extraEnv}; returns stdout. */
    static String run(Path dir, Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(hermeticEnvironment());
        builder.environment().putAll(extraEnv);
        try {
            Path out = Files.createTempFile("modvault-git-", ".out");
            Path err = Files.createTempFile("modvault-git-", ".err");
            try {
                Process process = builder.redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                process.getOutputStream().close();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            command + " in " + dir + " did not finish in " + TIMEOUT_SECONDS + "s");
                }
                String stdout = Files.readString(out, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(command + " in " + dir + " failed with exit code "
                            + process.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
                }
                return stdout;
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "running " + command + " in " + dir + " (the system git is required by this test)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
