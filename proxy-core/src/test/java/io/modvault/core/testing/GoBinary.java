package io.modvault.core.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locates the go binary once per JVM; a missing binary fails the calling test with a clear message. */
final class GoBinary {

    private static volatile Path found;

    private GoBinary() {}

    static Path find() {
        Path go = found;
        if (go == null) {
            go = search();
            found = go;
        }
        return go;
    }

    private static Path search() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "go"));
                }
            }
        }
        candidates.add(Path.of("/usr/local/go/bin/go"));
        return candidates.stream()
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst()
                .map(p -> p.toAbsolutePath().normalize())
                .orElseThrow(() -> new IllegalStateException("the go command is required by this test but was"
                        + " found neither on PATH nor at /usr/local/go/bin/go; install Go 1.21 or newer"));
    }
}
