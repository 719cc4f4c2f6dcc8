package io.modvault.core.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of a Go module as test data: its plain (unescaped) path and version, the bytes a
 * proxy serves as {@code .mod}, the files of its zip relative to the module root, and the commit
 * time served in {@code .info}. A module "has" a go.mod exactly when {@code files} contains
 * {@code go.mod}; otherwise {@code goMod} is the synthesized {@code module <path>\n} the go
 * command expects for legacy modules. Byte arrays are copied in and out, and equality is by
 * content, so instances are safe to share between tests.
 */
public record TestModule(String path, String version, byte[] goMod, Map<String, byte[]> files, Instant time) {

    public TestModule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(goMod, "goMod");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(time, "time");
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("@")) {
            throw new IllegalArgumentException("bad module path: " + path);
        }
        if (!Versions.isCanonical(version)) {
            throw new IllegalArgumentException("version must be canonical semver: " + version);
        }
        files = copyFiles(files);
        goMod = goMod.clone();
        byte[] shipped = files.get("go.mod");
        if (shipped != null && !Arrays.equals(shipped, goMod)) {
            throw new IllegalArgumentException(coordinate(path, version) + ": goMod differs from files[go.mod]");
        }
    }

    /**
     * A module from text files (UTF-8); {@code goMod} is {@code files["go.mod"]} when present,
     * otherwise synthesized.
     */
    public static TestModule of(String path, String version, Instant time, Map<String, String> textFiles) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        textFiles.forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
        byte[] goMod = files.getOrDefault("go.mod", synthesizedGoMod(path));
        return new TestModule(path, version, goMod, files, time);
    }

    /** What the go command serves for a module without go.mod (coderepo.go {@code LegacyGoMod}). */
    public static byte[] synthesizedGoMod(String path) {
        return ("module " + path + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public boolean hasGoModFile() {
        return files.containsKey("go.mod");
    }

    /** {@code path@version}, e.g. {@code example.test/Upper/Case@v1.0.0}. */
    public String coordinate() {
        return coordinate(path, version);
    }

    /** The prefix every zip entry name starts with: {@code path@version/}. */
    public String zipPrefix() {
        return coordinate() + "/";
    }

    @Override
    public byte[] goMod() {
        return goMod.clone();
    }

    /** Files in sorted order; the arrays are copies. */
    @Override
    public Map<String, byte[]> files() {
        SortedMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        return Collections.unmodifiableSortedMap(copy);
    }

    /** Total size of all file contents, in bytes. */
    public long contentSize() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TestModule other)) {
            return false;
        }
        return path.equals(other.path)
                && version.equals(other.version)
                && time.equals(other.time)
                && Arrays.equals(goMod, other.goMod)
                && sameFiles(files, other.files);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, version, time, Arrays.hashCode(goMod), files.keySet());
    }

    @Override
    public String toString() {
        return "TestModule[" + coordinate() + ", " + files.size() + " files, go.mod "
                + (hasGoModFile() ? "shipped" : "synthesized") + ", " + time + "]";
    }

    private static String coordinate(String path, String version) {
        return path + "@" + version;
    }

    private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
    }

    /** Rejects names the go command would never put in a zip (see x/mod zip.go checks). */
    private static Map<String, byte[]> copyFiles(Map<String, byte[]> files) {
        SortedMap<String, byte[]> copy = new TreeMap<>();
        Set<String> folded = new HashSet<>();
        files.forEach((name, bytes) -> {
            Objects.requireNonNull(bytes, name);
            boolean badElement =
                    Arrays.stream(name.split("/", -1)).anyMatch(e -> e.isEmpty() || e.equals(".") || e.equals(".."));
            if (badElement || name.contains("\\")) {
                throw new IllegalArgumentException("not a clean relative file path: " + name);
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if ((lower.equals("go.mod") || lower.endsWith("/go.mod")) && !name.equals("go.mod")) {
                throw new IllegalArgumentException("go.mod is allowed only at the module root: " + name);
            }
            if (!folded.add(lower)) {
                throw new IllegalArgumentException("file names collide under case folding: " + name);
            }
            copy.put(name, bytes.clone());
        });
        return Collections.unmodifiableSortedMap(copy);
    }
}
