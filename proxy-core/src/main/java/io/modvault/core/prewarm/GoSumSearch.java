package io.modvault.core.prewarm;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Searches a directory tree (a monorepo checkout) for the files prewarming reads, skipping
 * {@code vendor/} and {@code testdata/} (which the go command's {@code ./...} skips too),
 * {@code node_modules/}, and hidden directories (names starting with {@code .}). The
 * directory given is searched even when its own name would be skipped. Symbolic links are not
 * followed, so a link loop cannot trap the search. Results are sorted, so runs are repeatable.
 */
final class GoSumSearch {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("vendor", "testdata", "node_modules");

    private GoSumSearch() {}

    /** The go.sum files found, and the go.mod and go.work files, whose module graphs are expanded. */
    record Found(List<Path> goSums, List<Path> graphs) {}

    static Found in(Path root) {
        List<Path> goSums = new ArrayList<>();
        List<Path> graphs = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return dir.equals(root) || !skipped(dir.getFileName().toString())
                            ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String name = file.getFileName().toString();
                    if (attributes.isRegularFile() && name.equals(GoSumExpander.GO_SUM)) {
                        goSums.add(file);
                    } else if (attributes.isRegularFile() && ModuleGraphExpander.isGraphFile(name)) {
                        graphs.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new InputException(root + ": cannot search: " + e, e);
        }
        goSums.sort(null);
        graphs.sort(null);
        return new Found(List.copyOf(goSums), List.copyOf(graphs));
    }

    private static boolean skipped(String name) {
        return SKIPPED_DIRECTORIES.contains(name) || name.startsWith(".");
    }
}
