package io.modvault.core.vcs.coderepo;

import io.modvault.core.testing.GoCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The independent judge of module zips: {@code tools/modzip}, a Go program calling x/mod's
 * {@code zip.CreateFromVCS} (the go command's file rules) and {@code dirhash.HashZip}. Built once
 * into {@code target/} with the real go toolchain; the first build may download x/mod from the
 * Go module proxy into the user's module cache.
 */
final class ModZipOracle {
    /** What x/mod made of one version: its h1 and its entry names in zip order. */
    record Result(String h1, List<String> names) {}

    private static Path binary;

    private ModZipOracle() {}

    static Result zip(Path repoDir, String revision, String subdir, String module, String version) {
        List<String> lines = run(List.of("zip", repoDir.toString(), revision, subdir, module, version));
        return new Result(lines.get(0), List.copyOf(lines.subList(1, lines.size())));
    }

    static String pseudoVersion(String major, String older, long unixSeconds, String rev) {
        return run(List.of("pseudo", major, older, Long.toString(unixSeconds), rev))
                .get(0);
    }

    private static List<String> run(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(args);
        String out = exec(command, Path.of("."), Map.of());
        return out.lines().toList();
    }

    private static synchronized Path binary() {
        if (binary != null) {
            return binary;
        }
        Path source = Path.of("..", "tools", "modzip").toAbsolutePath().normalize();
        Path target = Path.of("target", "tools", "modzip-oracle").toAbsolutePath();
        try {
            if (!Files.isExecutable(target) || newer(source, target)) {
                Files.createDirectories(target.getParent());
                exec(
                        List.of(GoCommand.binary().toString(), "build", "-o", target.toString(), "."),
                        source,
                        Map.of("GOFLAGS", "-mod=mod", "GOTOOLCHAIN", "local", "GOWORK", "off", "CGO_ENABLED", "0"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        binary = target;
        return target;
    }

    private static boolean newer(Path source, Path target) throws IOException {
        long built = Files.getLastModifiedTime(target).toMillis();
        for (String name : List.of("main.go", "go.mod", "go.sum")) {
            if (Files.getLastModifiedTime(source.resolve(name)).toMillis() > built) {
                return true;
            }
        }
        return false;
    }

    private static String exec(List<String> command, Path dir, Map<String, String> extraEnv) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(extraEnv);
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        try {
            Path err = Files.createTempFile("modzip-oracle", ".err");
            builder.redirectError(err.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            boolean done = process.waitFor(300, TimeUnit.SECONDS);
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            if (!done || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " failed: " + stderr);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
