package io.modvault.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the built {@code modvault.jar} as an operator would ({@code java -jar}), with a chosen
 * {@code java} and environment, and collects its exit status and streams; finds a JDK older
 * than the one modvault needs under {@code /usr/lib/jvm} to check what that Java is told.
 */
final class JarLauncher {
    /** Exit status and what the process wrote. */
    record Run(int exit, String stdout, String stderr) {}

    private JarLauncher() {}

    static Path jar() {
        return Path.of(System.getProperty("basedir", "."), "target", "modvault.jar");
    }

    /** The java running these tests: new enough by construction. */
    static Path currentJava() {
        return Path.of(ProcessHandle.current().info().command().orElse("java"));
    }

    static Run run(Path java, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("MODVAULT_") || name.startsWith("GO"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        // Output is small (a version line, a start-up failure): read both streams after exit.
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not exit within 60 s");
        }
        return new Run(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** A {@code bin/java} under /usr/lib/jvm whose release file says a version below {@code required}. */
    static Optional<Path> olderJava(int required) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> feature(home).filter(v -> v < required).isPresent())
                    .map(home -> home.resolve("bin/java"))
                    .sorted()
                    .findFirst();
        }
    }

    /** The feature release from a JDK's {@code release} file: {@code JAVA_VERSION="17.0.15"} is 17. */
    private static Optional<Integer> feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"), StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    v = v.startsWith("1.") ? v.substring(2) : v;
                    return Optional.of(Integer.parseInt(v.split("[.+-]")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a JDK with a readable release file: not a candidate
        }
        return Optional.empty();
    }
}
