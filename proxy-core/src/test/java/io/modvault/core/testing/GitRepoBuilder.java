package io.modvault.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a git repository with the system git, reproducibly: a fixed author and committer
 * ({@value #IDENTITY_NAME} &lt;{@value #IDENTITY_EMAIL}&gt;), commit and tag times given by the
 * caller in UTC, {@code main} as the initial branch and no user or system git configuration, so
 * the same calls give the same commit hashes on every machine. Edits are fluent, e.g.
 * {@code repo.write("go.mod", text).symlink("link.go", "real.go").commit("msg", time).tag("v1.0.0")};
 * {@link #publish(Path)} then mirrors every branch and tag into a bare repository
 * {@code <serverRoot>/<name>.git} for {@link GitHttpServer}. Not thread-safe.
 */
public final class GitRepoBuilder {

    public static final String IDENTITY_NAME = "Modvault Fixture";
    public static final String IDENTITY_EMAIL = "fixture@modvault.test";

    private final Path workTree;
    private final String name;

    private GitRepoBuilder(Path workTree, String name) {
        this.workTree = workTree;
        this.name = name;
    }

    /**
     * A new repository in {@code workTree} (created; must not be a repository yet) that will be
     * published as {@code name}, e.g. {@code org/tagged}.
     */
    public static GitRepoBuilder init(Path workTree, String name) {
        if (!name.matches("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*") || name.endsWith(".git")) {
            throw new IllegalArgumentException("repository name must be like org/repo without .git: " + name);
        }
        Path dir = workTree.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + dir, e);
        }
        GitRunner.run(dir, Map.of(), "-c", "init.defaultBranch=main", "init", "-q");
        return new GitRepoBuilder(dir, name);
    }

    /** The repository name, e.g. {@code org/tagged}. */
    public String name() {
        return name;
    }

    public Path workTree() {
        return workTree;
    }

    /** Writes a UTF-8 file (parent directories created), replacing a file or symlink already there. */
    public GitRepoBuilder write(String path, String content) {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public GitRepoBuilder write(String path, byte[] content) {
        Path target = inside(path);
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + path + " in " + name, e);
        }
        return this;
    }

    /** A symbolic link {@code path} whose target is {@code target} (relative to the link's directory). */
    public GitRepoBuilder symlink(String path, String target) {
        Path link = inside(path);
        try {
            Files.createDirectories(link.getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException("creating symlink " + path + " in " + name, e);
        }
        return this;
    }

    /** Removes a file or symlink (or an empty directory) from the work tree. */
    public GitRepoBuilder delete(String path) {
        Path target = inside(path);
        try {
            if (!Files.deleteIfExists(target)) {
                throw new IllegalArgumentException("nothing to delete at " + path + " in " + name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + path + " in " + name, e);
        }
        return this;
    }

    /** Stages everything in the work tree and commits it with author and committer time {@code time}. */
    public GitRepoBuilder commit(String message, Instant time) {
        GitRunner.run(workTree, Map.of(), "add", "-A");
        GitRunner.run(workTree, dated(time), "commit", "-q", "--allow-empty", "--no-verify", "-m", message);
        return this;
    }

    /** A lightweight tag at HEAD. */
    public GitRepoBuilder tag(String tag) {
        GitRunner.run(workTree, Map.of(), "tag", tag);
        return this;
    }

    /** An annotated tag at HEAD (a tag object, which readers must peel), dated like the HEAD commit. */
    public GitRepoBuilder annotatedTag(String tag) {
        Instant time = Instant.ofEpochSecond(Long.parseLong(
                GitRunner.run(workTree, Map.of(), "log", "-1", "--format=%ct").trim()));
        GitRunner.run(workTree, dated(time), "tag", "-a", "-m", "release " + tag, tag);
        return this;
    }

    /** Creates branch {@code branch} at HEAD and switches to it; later commits go there. */
    public GitRepoBuilder branch(String branch) {
        GitRunner.run(workTree, Map.of(), "checkout", "-q", "-b", branch);
        return this;
    }

    /** Switches to an existing branch (the work tree follows it). */
    public GitRepoBuilder checkout(String branch) {
        GitRunner.run(workTree, Map.of(), "checkout", "-q", branch);
        return this;
    }

    /** The full commit hash of HEAD. */
    public String head() {
        return resolve("HEAD");
    }

    /** The full commit hash a revision (branch, tag, hash prefix) names; tags are peeled. */
    public String resolve(String revision) {
        return GitRunner.run(workTree, Map.of(), "rev-parse", "--verify", "-q", revision + "^{commit}")
                .trim();
    }

    /**
     * Mirrors all branches and tags into {@code <serverRoot>/<name>.git} (a bare repository created on
     * first use whose HEAD is {@code main}); publishing again updates it, deleted refs included.
     */
    public Path publish(Path serverRoot) {
        Path bare = serverRoot.toAbsolutePath().normalize().resolve(name + ".git");
        try {
            if (!Files.isDirectory(bare)) {
                Files.createDirectories(bare);
                GitRunner.run(bare, Map.of(), "-c", "init.defaultBranch=main", "init", "-q", "--bare");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("creating bare repository " + bare, e);
        }
        GitRunner.run(workTree, Map.of(), "push", "-q", "--mirror", bare.toString());
        return bare;
    }

    private Path inside(String path) {
        Path target = workTree.resolve(Objects.requireNonNull(path)).normalize();
        if (!target.startsWith(workTree) || target.equals(workTree) || target.startsWith(workTree.resolve(".git"))) {
            throw new IllegalArgumentException("not a work-tree file path: " + path);
        }
        return target;
    }

    private static Map<String, String> dated(Instant time) {
        String date = time.getEpochSecond() + " +0000";
        return Map.of(
                "GIT_AUTHOR_NAME",
                IDENTITY_NAME,
                "GIT_AUTHOR_EMAIL",
                IDENTITY_EMAIL,
                "GIT_COMMITTER_NAME",
                IDENTITY_NAME,
                "GIT_COMMITTER_EMAIL",
                IDENTITY_EMAIL,
                "GIT_AUTHOR_DATE",
                date,
                "GIT_COMMITTER_DATE",
                date);
    }
}
