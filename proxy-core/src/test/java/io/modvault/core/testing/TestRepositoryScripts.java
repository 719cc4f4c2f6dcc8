package io.modvault.core.testing;

import static io.modvault.core.testing.TestRepositories.BRANCHV2;
import static io.modvault.core.testing.TestRepositories.BRANCHV2_V2;
import static io.modvault.core.testing.TestRepositories.EXCLUDED;
import static io.modvault.core.testing.TestRepositories.LEGACY;
import static io.modvault.core.testing.TestRepositories.MAJOR;
import static io.modvault.core.testing.TestRepositories.MAJOR_V2;
import static io.modvault.core.testing.TestRepositories.MONO;
import static io.modvault.core.testing.TestRepositories.MONO_CLI;
import static io.modvault.core.testing.TestRepositories.SECRET;
import static io.modvault.core.testing.TestRepositories.TAGGED;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The history of each {@link TestRepositories} repository, written with {@link GitRepoBuilder},
 * and the {@link DirectVersion}s it must yield. Pseudo-versions are spelled out here from the
 * commit time and hash by the three rules of ref/mod (no tag before: {@code vX.0.0-};
 * after a release {@code vX.Y.Z}: {@code vX.Y.(Z+1)-0.}; after a pre-release: {@code vX.Y.Z-pre.0.}).
 */
final class TestRepositoryScripts {

    private static final DateTimeFormatter PSEUDO_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final Path work;
    private final Path serverRoot;
    private final List<DirectVersion> versions = new ArrayList<>();
    private Instant lastCommit;

    TestRepositoryScripts(Path work, Path serverRoot) {
        this.work = work;
        this.serverRoot = serverRoot;
    }

    /** Builds and publishes every repository; returns the versions in a fixed order. */
    List<DirectVersion> buildAll() {
        tagged();
        major();
        branchV2();
        mono();
        legacy();
        excluded();
        secret();
        return List.copyOf(versions);
    }

    private void tagged() {
        GitRepoBuilder repo = init("org/tagged");
        repo.write("go.mod", goMod(TAGGED, "1.21"))
                .write("tagged.go", TestRepositorySources.simple("tagged", TAGGED, "initial"));
        commit(repo, "initial commit", "2024-01-01T10:00:00Z");
        untagged(repo, TAGGED, "initial", repo.head().substring(0, 10), pseudoWithoutTag("v0", repo.head()));
        repo.write("README.md", "# tagged\n")
                .write("tagged.go", TestRepositorySources.simple("tagged", TAGGED, "v1.0.0"));
        commit(repo, "first release", "2024-01-02T10:00:00Z");
        tagged(repo.tag("v1.0.0"), TAGGED, "v1.0.0");
        repo.write("internal/text/text.go", TestRepositorySources.textPackage())
                .write("tagged.go", TestRepositorySources.withText("tagged", TAGGED, "v1.1.0"));
        commit(repo, "use internal/text", "2024-01-03T10:00:00Z");
        tagged(repo.annotatedTag("v1.1.0"), TAGGED, "v1.1.0");
        repo.branch("feature")
                .write(
                        "feature.go",
                        "package tagged\n\n// Feature is only on the feature branch.\n" + "const Feature = true\n")
                .write("tagged.go", TestRepositorySources.withText("tagged", TAGGED, "feature"));
        commit(repo, "feature work", "2024-01-06T10:00:00Z");
        untagged(repo, TAGGED, "feature", "feature", pseudoAfter("v1.1.0", repo.head()));
        repo.checkout("main").write("tagged.go", TestRepositorySources.withText("tagged", TAGGED, "v1.2.0-rc.1"));
        commit(repo, "release candidate", "2024-01-04T10:00:00Z");
        tagged(repo.annotatedTag("v1.2.0-rc.1"), TAGGED, "v1.2.0-rc.1");
        repo.write("tagged.go", TestRepositorySources.withText("tagged", TAGGED, "untagged-1"));
        commit(repo, "untagged work 1", "2024-01-05T10:00:00Z");
        untagged(repo, TAGGED, "untagged-1", repo.head().substring(0, 12), pseudoAfter("v1.2.0-rc.1", repo.head()));
        repo.write("tagged.go", TestRepositorySources.withText("tagged", TAGGED, "untagged-2"));
        commit(repo, "untagged work 2", "2024-01-07T10:00:00Z");
        untagged(repo, TAGGED, "untagged-2", "main", pseudoAfter("v1.2.0-rc.1", repo.head()));
        repo.publish(serverRoot);
    }

    private void major() {
        GitRepoBuilder repo = init("org/major");
        repo.write("go.mod", goMod(MAJOR, "1.21"))
                .write("major.go", TestRepositorySources.simple("major", MAJOR, "v1.0.0"));
        commit(repo, "v1", "2024-02-01T10:00:00Z");
        tagged(repo.tag("v1.0.0"), MAJOR, "v1.0.0");
        repo.write("v2/go.mod", goMod(MAJOR_V2, "1.21"))
                .write("v2/major.go", TestRepositorySources.simple("major", MAJOR_V2, "v2.0.0"));
        commit(repo, "v2 in a major subdirectory", "2024-02-02T10:00:00Z");
        tagged(repo.tag("v2.0.0"), MAJOR_V2, "v2.0.0");
        repo.publish(serverRoot);
    }

    private void branchV2() {
        GitRepoBuilder repo = init("org/branchv2");
        repo.write("go.mod", goMod(BRANCHV2, "1.21"))
                .write("branchv2.go", TestRepositorySources.simple("branchv2", BRANCHV2, "v1.0.0"));
        commit(repo, "v1", "2024-03-01T10:00:00Z");
        tagged(repo.tag("v1.0.0"), BRANCHV2, "v1.0.0");
        repo.branch("v2")
                .write("go.mod", goMod(BRANCHV2_V2, "1.21"))
                .write("branchv2.go", TestRepositorySources.simple("branchv2", BRANCHV2_V2, "v2.0.0"));
        commit(repo, "v2 on the v2 branch", "2024-03-02T10:00:00Z");
        tagged(repo.tag("v2.0.0"), BRANCHV2_V2, "v2.0.0");
        repo.write("branchv2.go", TestRepositorySources.simple("branchv2", BRANCHV2_V2, "v2.1.0"));
        commit(repo, "v2.1", "2024-03-03T10:00:00Z");
        tagged(repo.annotatedTag("v2.1.0"), BRANCHV2_V2, "v2.1.0");
        repo.checkout("main").publish(serverRoot);
    }

    private void mono() {
        GitRepoBuilder repo = init("org/mono");
        repo.write("LICENSE", TestRepositorySources.LICENSE)
                .write("go.mod", goMod(MONO, "1.21"))
                .write("mono.go", TestRepositorySources.simple("mono", MONO, "v1.0.0"))
                .write("tools/cli/go.mod", goMod(MONO_CLI, "1.21"))
                .write("tools/cli/cli.go", TestRepositorySources.simple("cli", MONO_CLI, "v1.0.0"));
        commit(repo, "root and tools/cli", "2024-04-01T10:00:00Z");
        tagged(repo.tag("v1.0.0"), MONO, "v1.0.0");
        tagged(repo.tag("tools/cli/v1.0.0"), MONO_CLI, "v1.0.0");
        repo.write("tools/cli/cli.go", TestRepositorySources.simple("cli", MONO_CLI, "v1.1.0"));
        commit(repo, "tools/cli v1.1.0", "2024-04-02T10:00:00Z");
        tagged(repo.annotatedTag("tools/cli/v1.1.0"), MONO_CLI, "v1.1.0");
        repo.publish(serverRoot);
    }

    private void legacy() {
        GitRepoBuilder repo = init("org/legacy");
        String[][] releases = {
            {"v1.0.0", "v1.0.0", "2019-05-01T10:00:00Z"},
            {"v2.0.0", "v2.0.0+incompatible", "2020-05-01T10:00:00Z"},
            {"v3.1.0", "v3.1.0+incompatible", "2021-05-01T10:00:00Z"}
        };
        for (String[] release : releases) {
            repo.write("legacy.go", TestRepositorySources.simple("legacy", LEGACY, release[0]));
            commit(repo, "legacy " + release[0], release[2]);
            repo.tag(release[0]);
            record(repo, LEGACY, release[1], Optional.empty(), release[0]);
        }
        repo.publish(serverRoot);
    }

    private void excluded() {
        GitRepoBuilder repo = init("org/excluded");
        repo.write("go.mod", goMod(EXCLUDED, "1.21"))
                .write("README.md", "# excluded\n")
                .write("real.go", TestRepositorySources.withUtil("excluded", EXCLUDED, "v1.0.0"))
                .write("internal/util/util.go", TestRepositorySources.utilPackage())
                .symlink("link.go", "real.go")
                .write("vendor/modules.txt", "# example.com/dep v1.0.0\n## explicit\nexample.com/dep\n")
                .write("vendor/example.com/dep/dep.go", "package dep\n")
                .write(
                        "pkg/vendor/vendor.go",
                        "// Package vendor is kept from go 1.24 on (golang.org/issue/37397).\n" + "package vendor\n")
                .write("nested/go.mod", goMod(EXCLUDED + "/nested", "1.21"))
                .write("nested/n.go", "package nested\n");
        commit(repo, "files the module zip must leave out", "2024-05-01T10:00:00Z");
        tagged(repo.tag("v1.0.0"), EXCLUDED, "v1.0.0");
        repo.write("go.mod", goMod(EXCLUDED, "1.24"))
                .write("real.go", TestRepositorySources.withUtil("excluded", EXCLUDED, "v1.1.0"));
        commit(repo, "go 1.24: vendor/modules.txt is left out too", "2024-05-02T10:00:00Z");
        tagged(repo.tag("v1.1.0"), EXCLUDED, "v1.1.0");
        repo.publish(serverRoot);
    }

    private void secret() {
        GitRepoBuilder repo = init("org/secret");
        repo.write("go.mod", goMod(SECRET, "1.21"))
                .write("secret.go", TestRepositorySources.simple("secret", SECRET, "v1.0.0"));
        commit(repo, "first release", "2024-06-01T10:00:00Z");
        tagged(repo.tag("v1.0.0"), SECRET, "v1.0.0");
        repo.write("secret.go", TestRepositorySources.simple("secret", SECRET, "v1.1.0"));
        commit(repo, "second release", "2024-06-02T10:00:00Z");
        tagged(repo.annotatedTag("v1.1.0"), SECRET, "v1.1.0");
        repo.publish(serverRoot);
    }

    private GitRepoBuilder init(String name) {
        return GitRepoBuilder.init(work.resolve(name), name);
    }

    private void commit(GitRepoBuilder repo, String message, String time) {
        lastCommit = Instant.parse(time);
        repo.commit(message, lastCommit);
    }

    private void tagged(GitRepoBuilder repo, String module, String version) {
        record(repo, module, version, Optional.empty(), version);
    }

    private void untagged(GitRepoBuilder repo, String module, String label, String query, String pseudoVersion) {
        record(repo, module, pseudoVersion, Optional.of(query), label);
    }

    private void record(GitRepoBuilder repo, String module, String version, Optional<String> query, String label) {
        versions.add(
                new DirectVersion(module, version, repo.name(), repo.head(), lastCommit, query, module + "@" + label));
    }

    private String pseudoWithoutTag(String major, String hash) {
        return major + ".0.0-" + PSEUDO_TIME.format(lastCommit) + "-" + hash.substring(0, 12);
    }

    private String pseudoAfter(String tag, String hash) {
        String suffix = PSEUDO_TIME.format(lastCommit) + "-" + hash.substring(0, 12);
        if (tag.contains("-")) {
            return tag + ".0." + suffix;
        }
        int lastDot = tag.lastIndexOf('.');
        return tag.substring(0, lastDot + 1) + (Integer.parseInt(tag.substring(lastDot + 1)) + 1) + "-0." + suffix;
    }

    private static String goMod(String module, String goVersion) {
        return "module " + module + "\n\ngo " + goVersion + "\n";
    }
}
