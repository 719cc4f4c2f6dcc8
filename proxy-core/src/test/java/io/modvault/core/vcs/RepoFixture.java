package io.modvault.core.vcs;

import io.modvault.core.module.ModulePath;
import io.modvault.core.storage.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Mirrors and module repos over test repositories, sharing one mirror directory and clock. */
final class RepoFixture {
    static final Duration TTL = Duration.ofMinutes(1);

    final Path root;
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final GitMirrors mirrors;

    RepoFixture(Path root) {
        this.root = root;
        this.mirrors = new GitMirrors(root.resolve("mirrors"), TestGit.command(root.resolve("home")), clock, TTL);
    }

    TestRepo repo(String name) {
        return TestRepo.create(root.resolve(name));
    }

    GitMirror mirror(TestRepo repo) {
        return mirrors.forUrl(repo.uri());
    }

    ModuleRepo module(String modulePath, String repoRoot, TestRepo repo) {
        return new ModuleRepo(ModulePath.of(modulePath), new RepoLocation(repoRoot, repo.uri(), "git"), mirror(repo));
    }
}
