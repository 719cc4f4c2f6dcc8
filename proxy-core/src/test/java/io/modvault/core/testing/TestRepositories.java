package io.modvault.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The git repositories the direct-mode (private module) tests share, published under
 * {@value GitHttpServer#HOST} for a {@link GitHttpServer}. Each has real Go source (see
 * {@link TestRepositorySources}), fixed commit times and identity, hence the same commit hashes
 * everywhere:
 * <ul>
 * <li>{@code org/tagged}: an untagged first commit; {@code v1.0.0}, {@code v1.1.0} (annotated),
 * {@code v1.2.0-rc.1}; two untagged commits on {@code main}; a {@code feature} branch off v1.1.0;</li>
 * <li>{@code org/major}: v1 at the root, {@code /v2} directory module tagged {@code v2.0.0};</li>
 * <li>{@code org/branchv2}: {@code v1.0.0} on main, a {@code v2} branch whose root go.mod is the
 * {@code /v2} module, tagged {@code v2.0.0} and {@code v2.1.0};</li>
 * <li>{@code org/mono}: root module with the only LICENSE ({@code v1.0.0}) and {@code tools/cli}
 * tagged {@code tools/cli/v1.0.0} and {@code tools/cli/v1.1.0};</li>
 * <li>{@code org/legacy}: no go.mod; {@code v1.0.0}, {@code v2.0.0+incompatible},
 * {@code v3.1.0+incompatible};</li>
 * <li>{@code org/excluded}: {@code vendor/}, a nested module, a symlink and {@code pkg/vendor/}
 * at {@code v1.0.0} (go 1.21) and {@code v1.1.0} (go 1.24, where vendor rules change);</li>
 * <li>{@code org/secret}: {@code v1.0.0}, {@code v1.1.0}; git requests need Basic credentials
 * {@value #SECRET_USER}/{@value #SECRET_PASSWORD} ({@link #serve()} sets that up).</li>
 * </ul>
 */
public final class TestRepositories {

    public static final String HOST = GitHttpServer.HOST;
    public static final String TAGGED = HOST + "/org/tagged";
    public static final String MAJOR = HOST + "/org/major";
    public static final String MAJOR_V2 = MAJOR + "/v2";
    public static final String BRANCHV2 = HOST + "/org/branchv2";
    public static final String BRANCHV2_V2 = BRANCHV2 + "/v2";
    public static final String MONO = HOST + "/org/mono";
    public static final String MONO_CLI = MONO + "/tools/cli";
    public static final String LEGACY = HOST + "/org/legacy";
    public static final String EXCLUDED = HOST + "/org/excluded";
    public static final String SECRET = HOST + "/org/secret";
    public static final String SECRET_REPO = "org/secret";
    public static final String SECRET_USER = "alice";
    public static final String SECRET_PASSWORD = "s3cret";
    /** The root LICENSE of {@code org/mono}, which the go command copies into the tools/cli zip. */
    public static final String MONO_LICENSE = TestRepositorySources.LICENSE;

    private static final Map<String, String> REPOS = Map.of(
            TAGGED,
            "org/tagged",
            MAJOR,
            "org/major",
            MAJOR_V2,
            "org/major",
            BRANCHV2,
            "org/branchv2",
            BRANCHV2_V2,
            "org/branchv2",
            MONO,
            "org/mono",
            MONO_CLI,
            "org/mono",
            LEGACY,
            "org/legacy",
            EXCLUDED,
            "org/excluded",
            SECRET,
            SECRET_REPO);

    private final Path serverRoot;
    private final List<DirectVersion> versions;

    private TestRepositories(Path serverRoot, List<DirectVersion> versions) {
        this.serverRoot = serverRoot;
        this.versions = versions;
    }

    /**
     * Builds every repository in {@code root/work} and publishes the bare copies to
     * {@code root/repos} ({@link #serverRoot()}); takes about a second.
     */
    public static TestRepositories create(Path root) {
        Path base = root.toAbsolutePath().normalize();
        Path serverRoot = base.resolve("repos");
        try {
            Files.createDirectories(serverRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + serverRoot, e);
        }
        return new TestRepositories(serverRoot, new TestRepositoryScripts(base.resolve("work"), serverRoot).buildAll());
    }

    /** The directory of bare repositories ({@code org/<repo>.git}) to hand to {@link GitHttpServer#start}. */
    public Path serverRoot() {
        return serverRoot;
    }

    /** Starts a {@link GitHttpServer} on {@link #serverRoot()} with the secret repository protected. */
    public GitHttpServer serve() {
        return protect(GitHttpServer.start(serverRoot));
    }

    /** Requires the secret repository's credentials on {@code server}; returns it. */
    public static GitHttpServer protect(GitHttpServer server) {
        return server.requireBasicAuth(SECRET_REPO, SECRET_USER, SECRET_PASSWORD);
    }

    /** Every (module, version) pair the repositories must yield, tags first per repository. */
    public List<DirectVersion> versions() {
        return versions;
    }

    /** The versions of one module path. */
    public List<DirectVersion> versions(String module) {
        return versions.stream().filter(v -> v.module().equals(module)).toList();
    }

    /** One expected version; fails loudly when there is no such pair. */
    public DirectVersion version(String module, String version) {
        return versions.stream()
                .filter(v -> v.module().equals(module) && v.version().equals(version))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such test version: " + module + "@" + version));
    }

    /** Versions reached by a branch name or commit-hash prefix rather than a tag (pseudo-versions). */
    public List<DirectVersion> revisionQueries() {
        return versions.stream().filter(v -> !v.isTagged()).toList();
    }

    /** Module paths in a fixed order. */
    public List<String> modulePaths() {
        return List.copyOf(
                versions.stream().map(DirectVersion::module).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** What {@code go list -m -versions} and {@code /@v/list} report: tagged versions in semver order. */
    public List<String> expectedVersionList(String module) {
        return Versions.tagged(versions(module).stream()
                .filter(DirectVersion::isTagged)
                .map(DirectVersion::version)
                .toList());
    }

    /**
     * What {@code @latest} resolves to: the highest tagged release, else the highest tagged
     * pre-release (every module here has tags, so never a pseudo-version).
     */
    public String expectedLatest(String module) {
        return Versions.latest(expectedVersionList(module))
                .orElseThrow(() -> new IllegalArgumentException("no tagged versions: " + module));
    }

    /** The repository ({@code org/name}) a module path of this set lives in. */
    public static String repoOf(String module) {
        String repo = REPOS.get(module);
        if (repo == null) {
            throw new IllegalArgumentException("not a test repository module: " + module);
        }
        return repo;
    }

    /** Repositories whose git requests need credentials. */
    public static Set<String> reposRequiringAuth() {
        return Set.of(SECRET_REPO);
    }

    public static boolean requiresAuth(String module) {
        return reposRequiringAuth().contains(repoOf(module));
    }
}
