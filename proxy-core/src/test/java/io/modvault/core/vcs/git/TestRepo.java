package io.modvault.core.vcs.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A git work tree built by a test with the system git: fixed author and committer, and commit
 * dates that start at 2020-01-02T03:04:05Z and advance one hour per commit, so hashes, commit
 * times and pseudo-versions are the same on every run.
 */
public final class TestRepo {
    public static final Instant FIRST_COMMIT = Instant.parse("2020-01-02T03:04:05Z");

    private final Path dir;
    private final Map<String, String> env;
    private Instant nextCommit = FIRST_COMMIT;

    private TestRepo(Path dir, Path home) {
        this.dir = dir;
        this.env = TestGit.environment(home);
        env.put("GIT_AUTHOR_NAME", "Test Author");
        env.put("GIT_AUTHOR_EMAIL", "author@example.com");
        env.put("GIT_COMMITTER_NAME", "Test Committer");
        env.put("GIT_COMMITTER_EMAIL", "committer@example.com");
    }

    public static TestRepo create(Path dir) {
        try {
            Files.createDirectories(dir);
            Path home = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-home"));
            TestRepo repo = new TestRepo(dir, home);
            repo.git("init", "-q", "-b", "main");
            return repo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public URI uri() {
        return dir.toUri();
    }

    public TestRepo write(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestRepo symlink(String path, String target) {
        try {
            Path link = dir.resolve(path);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestRepo remove(String path) {
        git("rm", "-q", "-r", "--", path);
        return this;
    }

    /** Stages everything and commits; returns the full hash. */
    public String commit(String message) {
        git("add", "-A");
        String date = nextCommit.getEpochSecond() + " +0000";
        env.put("GIT_AUTHOR_DATE", date);
        env.put("GIT_COMMITTER_DATE", date);
        nextCommit = nextCommit.plus(Duration.ofHours(1));
        git("commit", "-q", "--allow-empty", "-m", message);
        return head();
    }

    public String head() {
        return git("rev-parse", "HEAD").trim();
    }

    public Instant commitTime(String rev) {
        return Instant.ofEpochSecond(
                Long.parseLong(git("log", "-n1", "--format=%ct", rev).trim()));
    }

    public TestRepo tag(String name) {
        git("tag", name);
        return this;
    }

    public TestRepo annotatedTag(String name) {
        git("tag", "-a", "-m", "release " + name, name);
        return this;
    }

    public TestRepo checkout(String branch) {
        git("checkout", "-q", branch);
        return this;
    }

    public TestRepo newBranch(String branch) {
        git("checkout", "-q", "-b", branch);
        return this;
    }

    public String git(String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
