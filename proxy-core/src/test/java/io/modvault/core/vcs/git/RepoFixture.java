package io.modvault.core.vcs.git;

import io.modvault.core.storage.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Mirrors over test repositories, sharing one mirror directory and clock. Open for extension: the
 * coderepo tests add module repos over the same mirrors.
 */
public class RepoFixture {
    public static final Duration TTL = Duration.ofMinutes(1);

    public final Path root;
    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    public final GitMirrors mirrors;

    public RepoFixture(Path root) {
        this.root = root;
        this.mirrors = new GitMirrors(root.resolve("mirrors"), TestGit.command(root.resolve("home")), clock, TTL);
    }

    public TestRepo repo(String name) {
        return TestRepo.create(root.resolve(name));
    }

    public GitMirror mirror(TestRepo repo) {
        return mirrors.forUrl(repo.uri());
    }
}
