package io.modvault.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a small main module for the go command to build: a go.mod ({@code module <name>},
 * {@code go 1.21}, unless {@code files} brings its own) plus the given files, typically a
 * {@code main.go} such as {@link TestModules#programImportingCatalogue()}.
 */
public final class GoProject {

    private GoProject() {}

    /** Creates {@code dir} with go.mod and {@code files} (relative path → UTF-8 text); returns {@code dir}. */
    public static Path create(Path dir, String moduleName, Map<String, String> files) {
        try {
            Path base = dir.toAbsolutePath().normalize();
            Files.createDirectories(base);
            if (!files.containsKey("go.mod")) {
                Files.writeString(base.resolve("go.mod"), TestModules.goMod(moduleName), StandardCharsets.UTF_8);
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = base.resolve(file.getKey()).normalize();
                if (!target.startsWith(base)) {
                    throw new IllegalArgumentException("file outside the project: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("creating Go project " + moduleName + " in " + dir, e);
        }
    }
}
