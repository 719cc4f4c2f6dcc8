package io.modvault.core.modgraph;

import io.modvault.core.module.ModuleCoordinate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Module graphs for tests: published go.mod files served by an in-memory {@link GoModSource} that
 * counts what it was asked, and main modules written to a temp directory.
 */
final class GraphFixture {
    private final Path root;
    private final Map<String, String> published = new ConcurrentHashMap<>();
    final Map<String, Integer> asked = new ConcurrentHashMap<>();

    GraphFixture(Path root) {
        this.root = root;
    }

    /** Publishes {@code module@version} with a go.mod at {@code go} requiring {@code requires} ("path@version"). */
    GraphFixture publish(String coordinate, String go, String... requires) {
        published.put(coordinate, goMod(coordinate.substring(0, coordinate.indexOf('@')), go, requires, ""));
        return this;
    }

    /** Writes {@code dir/go.mod}, with {@code extra} directives (replace, exclude) appended. */
    Path main(String dir, String module, String go, String extra, String... requires) {
        return write(dir + "/go.mod", goMod(module, go, requires, extra));
    }

    Path write(String file, String text) {
        try {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            return Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    GoModSource source() {
        return version -> {
            asked.merge(version.toString(), 1, Integer::sum);
            String goMod = published.get(version.toString());
            return goMod == null
                    ? new GoModSource.Answer.Missing("404 " + version)
                    : new GoModSource.Answer.Found(goMod.getBytes(StandardCharsets.UTF_8));
        };
    }

    ModuleGraph load(MainModules mains) throws InterruptedException {
        return ModuleGraph.load(mains, source(), 4);
    }

    static Set<String> names(Set<ModuleCoordinate> coordinates) {
        return coordinates.stream().map(ModuleCoordinate::toString).collect(Collectors.toSet());
    }

    private static String goMod(String module, String go, String[] requires, String extra) {
        StringBuilder text = new StringBuilder("module " + module + "\n");
        if (!go.isEmpty()) {
            text.append("\ngo ").append(go).append('\n');
        }
        for (String require : List.of(requires)) {
            text.append("require ").append(require.replace('@', ' ')).append('\n');
        }
        return text.append(extra).toString();
    }
}
