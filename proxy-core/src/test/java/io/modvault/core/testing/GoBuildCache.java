package io.modvault.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The one {@code GOCACHE} shared by every {@link GoCommand} in this JVM, so the standard library
 * is compiled once per test run rather than once per test. It is a temporary directory removed at
 * JVM exit, unless the system property {@code modvault.test.gocache} names a directory to use
 * (and keep) instead, e.g. to persist it between CI runs.
 */
final class GoBuildCache {

    static final String PROPERTY = "modvault.test.gocache";
    private static Path directory;

    private GoBuildCache() {}

    static synchronized Path directory() {
        if (directory == null) {
            directory = create();
        }
        return directory;
    }

    private static Path create() {
        try {
            String configured = System.getProperty(PROPERTY);
            if (configured != null && !configured.isBlank()) {
                return Files.createDirectories(Path.of(configured)).toAbsolutePath();
            }
            Path temp = Files.createTempDirectory("modvault-gocache-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(temp), "delete-gocache"));
            return temp;
        } catch (IOException e) {
            throw new UncheckedIOException("creating the shared GOCACHE", e);
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort at JVM exit: a leftover cache in the temp dir is harmless.
        }
    }
}
