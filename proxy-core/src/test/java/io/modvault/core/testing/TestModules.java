package io.modvault.core.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fixed module catalogue the end-to-end tests share, all under the reserved
 * {@code example.test} domain so nothing can ever reach a real host. Every version carries real Go
 * source: its package has {@code func Name() string} returning {@code "<path>@<version>"}, so a
 * program built against the catalogue prints which versions the go command selected. Also the
 * rules a proxy uses for {@code @v/list} (tagged versions only) and {@code @latest}.
 */
public final class TestModules {

    /** Upper-case path elements: escaped as {@code example.test/!upper/!case}; package {@code upper}. */
    public static final String UPPER = "example.test/Upper/Case";
    /** A major-version-suffix module; package {@code multi}. */
    public static final String MULTI_V2 = "example.test/multi/v2";
    /** No go.mod in any version; v1.0.0 and v2.0.0+incompatible; package {@code legacy}. */
    public static final String LEGACY = "example.test/legacy";
    /** No go.mod; package {@code nomod}. */
    public static final String NOMOD = "example.test/nomod";
    /** Only pre-releases, so {@code latest} resolves to the highest pre-release; package {@code pre}. */
    public static final String PRE = "example.test/pre";
    /** Only a pseudo-version: empty {@code @v/list}, {@code @latest} answers it; package {@code pseudo}. */
    public static final String PSEUDO = "example.test/pseudo";

    public static final String PSEUDO_VERSION = "v0.0.0-20240102030405-abcdefabcdef";

    private static final Map<String, String> PACKAGES =
            Map.of(UPPER, "upper", MULTI_V2, "multi", LEGACY, "legacy", NOMOD, "nomod", PRE, "pre", PSEUDO, "pseudo");

    private static final List<TestModule> CATALOGUE = List.of(
            upperCase("v1.0.0", "2024-01-02T03:04:05Z"),
            upperCase("v1.1.0", "2024-02-03T04:05:06Z"),
            simple(MULTI_V2, "v2.0.0", Instant.parse("2024-03-01T10:00:00Z"), "multi", true),
            simple(MULTI_V2, "v2.1.0", Instant.parse("2024-03-02T10:00:00Z"), "multi", true),
            simple(LEGACY, "v1.0.0", Instant.parse("2019-05-06T07:08:09Z"), "legacy", false),
            simple(LEGACY, "v2.0.0+incompatible", Instant.parse("2020-05-06T07:08:09Z"), "legacy", false),
            simple(NOMOD, "v1.0.0", Instant.parse("2018-01-01T00:00:00Z"), "nomod", false),
            simple(PRE, "v0.9.0-rc.1", Instant.parse("2024-04-01T12:00:00Z"), "pre", true),
            simple(PRE, "v0.9.0-rc.2", Instant.parse("2024-04-02T12:00:00Z"), "pre", true),
            // The .info time equals the timestamp inside the pseudo-version, as for a real commit.
            simple(PSEUDO, PSEUDO_VERSION, Instant.parse("2024-01-02T03:04:05Z"), "pseudo", true));

    private TestModules() {}

    /** All catalogue modules, every version, in a fixed order. */
    public static List<TestModule> catalogue() {
        return CATALOGUE;
    }

    /** Distinct module paths of the catalogue, in catalogue order. */
    public static List<String> modulePaths() {
        return List.copyOf(
                CATALOGUE.stream().map(TestModule::path).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** One catalogue version; fails loudly for a coordinate the catalogue does not have. */
    public static TestModule get(String path, String version) {
        return CATALOGUE.stream()
                .filter(m -> m.path().equals(path) && m.version().equals(version))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not in the catalogue: " + path + "@" + version));
    }

    /** The Go package name of a catalogue module (its last import-path element is not always it). */
    public static String packageName(String path) {
        String name = PACKAGES.get(path);
        if (name == null) {
            throw new IllegalArgumentException("not in the catalogue: " + path);
        }
        return name;
    }

    /** The {@code @v/list} body a correct proxy serves for a catalogue module. */
    public static String expectedList(String path) {
        return listOf(CATALOGUE, requireKnown(path));
    }

    /** The version a correct proxy answers to {@code @latest} for a catalogue module. */
    public static TestModule expectedLatest(String path) {
        return latestOf(CATALOGUE, requireKnown(path)).orElseThrow();
    }

    /**
     * {@code @v/list} for {@code path} among {@code modules}: tagged versions only (no
     * pseudo-versions), ascending semver order, one per line with a trailing newline; empty when
     * there are none.
     */
    public static String listOf(Collection<TestModule> modules, String path) {
        List<String> versions = modules.stream()
                .filter(m -> m.path().equals(path))
                .map(TestModule::version)
                .toList();
        return Versions.tagged(versions).stream().map(v -> v + "\n").collect(Collectors.joining());
    }

    /** {@code @latest} for {@code path}: highest release, else highest pre-release, else highest pseudo-version. */
    public static Optional<TestModule> latestOf(Collection<TestModule> modules, String path) {
        List<TestModule> versions =
                modules.stream().filter(m -> m.path().equals(path)).toList();
        return Versions.latest(versions.stream().map(TestModule::version).toList())
                .flatMap(v ->
                        versions.stream().filter(m -> m.version().equals(v)).findFirst());
    }

    /**
     * A module with one Go file {@code <pkg>.go} defining {@code Name()}, and a go.mod
     * ({@code module <path>\n\ngo 1.21\n}) when {@code withGoMod}; for tests that need more
     * modules or versions than the catalogue.
     */
    public static TestModule simple(String path, String version, Instant time, String pkg, boolean withGoMod) {
        Map<String, String> files = new LinkedHashMap<>();
        if (withGoMod) {
            files.put("go.mod", goMod(path));
        }
        files.put(pkg + ".go", nameSource(pkg, path, version, "\"" + path + "@" + version + "\""));
        return TestModule.of(path, version, time, files);
    }

    /** The go.mod every catalogue module with a go.mod has. */
    public static String goMod(String path) {
        return "module " + path + "\n\ngo 1.21\n";
    }

    /** main.go of a program that imports every catalogue module and prints each {@code Name()}. */
    public static String programImportingCatalogue() {
        StringBuilder imports = new StringBuilder();
        StringBuilder calls = new StringBuilder();
        for (String path : modulePaths()) {
            imports.append('\t')
                    .append(packageName(path))
                    .append(" \"")
                    .append(path)
                    .append("\"\n");
            calls.append("\tfmt.Println(").append(packageName(path)).append(".Name())\n");
        }
        return "package main\n\nimport (\n\t\"fmt\"\n\n" + imports + ")\n\nfunc main() {\n" + calls + "}\n";
    }

    /** What {@link #programImportingCatalogue()} prints when every module resolves to its {@code @latest}. */
    public static String expectedProgramOutput() {
        return modulePaths().stream()
                .map(p -> expectedLatest(p).coordinate() + "\n")
                .collect(Collectors.joining());
    }

    private static TestModule upperCase(String version, String time) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("go.mod", goMod(UPPER));
        files.put("LICENSE", "Test fixture for modvault; no rights reserved.\n");
        files.put(
                "upper.go",
                nameSource("upper", UPPER, version, "text.Join(\"" + UPPER + "\", \"" + version + "\")")
                        .replace("package upper\n", "package upper\n\nimport \"" + UPPER + "/internal/text\"\n"));
        files.put(
                "internal/text/text.go",
                "// Package text joins coordinates.\npackage text\n\n"
                        + "// Join returns path@version.\n"
                        + "func Join(path, version string) string { return path + \"@\" + version }\n");
        return TestModule.of(UPPER, version, Instant.parse(time), files);
    }

    private static String nameSource(String pkg, String path, String version, String expression) {
        return "// Package " + pkg + " is a modvault test fixture (" + path + "@" + version + ").\n"
                + "package " + pkg + "\n\n"
                + "// Name reports the module path and version this package was built from.\n"
                + "func Name() string { return " + expression + " }\n";
    }

    private static String requireKnown(String path) {
        packageName(path);
        return path;
    }
}
