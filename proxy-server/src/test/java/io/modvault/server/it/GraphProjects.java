package io.modvault.server.it;

import io.modvault.core.testing.GitHttpServer;
import io.modvault.core.testing.GoProject;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestRepositories;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module graph where minimal version selection, pruning and the main module's directives all
 * matter, for the go command to judge prewarming by. A chain {@code m00 … m19}, three versions
 * each: {@code m<i> v1.k.0} requires {@code m<i+1> v1.k.0} and {@code m<i+2> v1.0.0}, so many
 * versions are in the graph and not selected; {@code m07} is at go 1.16 (unpruned), {@code m03}
 * requires a module without go.mod ({@code legacy v2.0.0+incompatible}), {@code m05} one with an
 * uppercase path, {@code m09} a version retracted by its successor, {@code m01} a module whose
 * unimported package's dependency would raise a version only without pruning ({@link #split()}). Project one (go 1.21) requires
 * {@code m00 v1.2.0} and a private module from the loopback git server, replaces {@code m19} by
 * a fork (every version) and {@code m10 v1.0.0} by {@code v1.1.0}, excludes {@code m15 v1.2.0},
 * and replaces a module by a local directory whose go.mod requires {@code Upper v1.1.0}. Project
 * two (go 1.16, unpruned) requires {@code m10 v1.0.0} and {@code Upper v1.0.0}.
 */
final class GraphProjects {
    static final String PREFIX = "example.test/graph/";
    static final String UPPER = PREFIX + "Upper";
    static final String LEGACY = PREFIX + "legacy";
    static final String RETRACTED = PREFIX + "retracted";
    static final String FORK = PREFIX + "fork19";
    static final String LOCAL = PREFIX + "local";
    static final String SPLIT = PREFIX + "split";
    static final String SIDE = PREFIX + "side";
    static final String DEEP = PREFIX + "deep";
    static final String PRIVATE = TestRepositories.TAGGED;
    private static final int CHAIN = 20;
    private static final Instant TIME = Instant.parse("2024-03-01T00:00:00Z");

    private GraphProjects() {}

    static String chain(int i) {
        return PREFIX + String.format("m%02d", i);
    }

    /** Every public module version of the graph, for the fake upstream and the test checksum database. */
    static List<TestModule> modules() {
        List<TestModule> modules = new ArrayList<>();
        for (int i = 0; i < CHAIN; i++) {
            for (int k = 0; k < 3; k++) {
                modules.add(chainModule(i, "v1." + k + ".0"));
            }
        }
        modules.add(module(DEEP, "v1.0.0", "module " + DEEP + "\n\ngo 1.21\n", "deep", List.of()));
        modules.add(module(DEEP, "v1.1.0", "module " + DEEP + "\n\ngo 1.21\n", "deep", List.of()));
        modules.add(module(
                SIDE,
                "v1.0.0",
                "module " + SIDE + "\n\ngo 1.21\n\nrequire " + DEEP + " v1.1.0\n",
                "side",
                List.of(DEEP)));
        modules.add(split());
        modules.add(module(FORK, "v1.0.0", "module " + FORK + "\n\ngo 1.21\n", "m19", List.of()));
        modules.add(module(UPPER, "v1.0.0", "module " + UPPER + "\n\ngo 1.21\n", "upper", List.of()));
        modules.add(module(UPPER, "v1.1.0", "module " + UPPER + "\n\ngo 1.21\n", "upper", List.of()));
        modules.add(module(LEGACY, "v2.0.0+incompatible", null, "legacy", List.of()));
        modules.add(module(RETRACTED, "v1.0.0", "module " + RETRACTED + "\n\ngo 1.21\n", "retracted", List.of()));
        modules.add(module(
                RETRACTED,
                "v1.1.0",
                "module " + RETRACTED + "\n\ngo 1.21\n\nretract v1.0.0 // broken\n",
                "retracted",
                List.of()));
        return modules;
    }

    /** Writes project one into {@code dir}. */
    static Path projectOne(Path dir) {
        GoProject.create(
                dir.resolve("local"),
                LOCAL,
                Map.of(
                        "go.mod",
                        "module " + LOCAL + "\n\ngo 1.21\n\nrequire " + UPPER + " v1.1.0\n",
                        "local.go",
                        source("local", List.of(UPPER))));
        return GoProject.create(
                dir,
                "example.test/app1",
                Map.of(
                        "go.mod",
                        "module example.test/app1\n\ngo 1.21\n\nrequire (\n"
                                + "\t" + chain(0) + " v1.2.0\n"
                                + "\t" + PRIVATE + " v1.1.0\n"
                                + "\t" + LOCAL + " v1.0.0\n)\n\n"
                                + "replace " + chain(19) + " => " + FORK + " v1.0.0\n\n"
                                + "replace " + chain(10) + " v1.0.0 => " + chain(10) + " v1.1.0\n\n"
                                + "replace " + LOCAL + " => ./local\n\n"
                                + "exclude " + chain(15) + " v1.2.0\n",
                        "main.go",
                        program(List.of(chain(0), PRIVATE, LOCAL))));
    }

    /** Writes project two into {@code dir}. */
    static Path projectTwo(Path dir) {
        return GoProject.create(
                dir,
                "example.test/app2",
                Map.of(
                        "go.mod",
                        "module example.test/app2\n\ngo 1.16\n\nrequire (\n"
                                + "\t" + chain(10) + " v1.0.0\n"
                                + "\t" + UPPER + " v1.0.0\n)\n",
                        "main.go",
                        program(List.of(chain(10), UPPER))));
    }

    /** True for request paths and coordinates of the private module's host. */
    static boolean isPrivate(String pathOrCoordinate) {
        return pathOrCoordinate.contains(GitHttpServer.HOST);
    }

    private static TestModule chainModule(int i, String version) {
        List<String> requires = new ArrayList<>();
        if (i + 1 < CHAIN) {
            requires.add(chain(i + 1) + " " + version);
        }
        if (i + 2 < CHAIN) {
            requires.add(chain(i + 2) + " v1.0.0");
        }
        switch (i) {
            case 1 -> requires.add(SPLIT + " v1.0.0");
            case 2 -> requires.add(DEEP + " v1.0.0");
            case 3 -> requires.add(LEGACY + " v2.0.0+incompatible");
            case 5 -> requires.add(UPPER + " v1.0.0");
            case 9 -> requires.add(RETRACTED + " v1.0.0");
            default -> {}
        }
        StringBuilder goMod = new StringBuilder("module " + chain(i) + "\n\ngo " + (i == 7 ? "1.16" : "1.21") + "\n");
        requires.forEach(r -> goMod.append("\nrequire ").append(r));
        goMod.append('\n');
        return module(
                chain(i),
                version,
                goMod.toString(),
                String.format("m%02d", i),
                requires.stream().map(r -> r.substring(0, r.indexOf(' '))).toList());
    }

    /**
     * {@code split v1.0.0}: its root package imports nothing, its {@code extra} package (which
     * nothing imports) imports {@code side}, which requires {@code deep v1.1.0}. Under pruning,
     * {@code side} is in the graph but its go.mod is not read, so {@code deep} stays at the
     * {@code v1.0.0} that {@code m02} requires; over the whole closure it would be {@code v1.1.0}.
     */
    private static TestModule split() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("go.mod", "module " + SPLIT + "\n\ngo 1.21\n\nrequire " + SIDE + " v1.0.0\n");
        files.put("split.go", source("split", List.of()).replace("NAME", SPLIT));
        files.put("extra/extra.go", source("extra", List.of(SIDE)).replace("NAME", SPLIT + "/extra"));
        return TestModule.of(SPLIT, "v1.0.0", TIME, files);
    }

    /** A module whose one package imports {@code imports}; without go.mod when {@code goMod} is null. */
    private static TestModule module(String path, String version, String goMod, String pkg, List<String> imports) {
        Map<String, String> files = new LinkedHashMap<>();
        if (goMod != null) {
            files.put("go.mod", goMod);
        }
        files.put(pkg + ".go", source(pkg, imports).replace("NAME", path + "@" + version));
        return TestModule.of(path, version, TIME, files);
    }

    private static String source(String pkg, List<String> imports) {
        StringBuilder text = new StringBuilder("package " + pkg + "\n\n");
        List<String> uses = new ArrayList<>();
        for (int i = 0; i < imports.size(); i++) {
            text.append("import d")
                    .append(i)
                    .append(" \"")
                    .append(imports.get(i))
                    .append("\"\n");
            uses.add("d" + i + ".Name");
        }
        text.append("\n// Name names this module version.\nfunc Name() string { return \"NAME\" }\n");
        if (!uses.isEmpty()) {
            text.append("\nvar _ = []func() string{")
                    .append(String.join(", ", uses))
                    .append("}\n");
        }
        return text.toString();
    }

    private static String program(List<String> imports) {
        StringBuilder text = new StringBuilder("package main\n\nimport (\n\t\"fmt\"\n");
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < imports.size(); i++) {
            text.append("\td").append(i).append(" \"").append(imports.get(i)).append("\"\n");
            calls.add("d" + i + ".Name()");
        }
        return text.append(")\n\nfunc main() { fmt.Println(")
                .append(String.join(", ", calls))
                .append(") }\n")
                .toString();
    }
}
