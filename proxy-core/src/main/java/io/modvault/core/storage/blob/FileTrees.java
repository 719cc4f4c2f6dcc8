package io.modvault.core.storage.blob;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Small file-system operations the blob area needs: directory fsync and tree deletion. */
final class FileTrees {
    private FileTrees() {}

    /** Makes a rename or creation inside {@code dir} durable (Linux and macOS allow this). */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Deletes everything below {@code dir}, keeping {@code dir} itself. */
    static void deleteChildren(Path dir) throws IOException {
        List<Path> doomed;
        try (Stream<Path> tree = Files.walk(dir)) {
            doomed = tree.filter(path -> !path.equals(dir))
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }
        for (Path path : doomed) {
            Files.deleteIfExists(path);
        }
    }

    /** Best effort: a temp file that cannot be deleted now is removed when the store next opens. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // tmp/ is emptied at the next open
        }
    }
}
