package io.modvault.core.vcs.coderepo;

import io.modvault.core.module.ModulePath;
import io.modvault.core.vcs.discovery.RepoLocation;
import io.modvault.core.vcs.git.RepoFixture;
import io.modvault.core.vcs.git.TestRepo;
import java.nio.file.Path;

/** The git test fixture plus module repos over its mirrors. */
final class ModuleRepoFixture extends RepoFixture {

    ModuleRepoFixture(Path root) {
        super(root);
    }

    ModuleRepo module(String modulePath, String repoRoot, TestRepo repo) {
        return new ModuleRepo(ModulePath.of(modulePath), new RepoLocation(repoRoot, repo.uri(), "git"), mirror(repo));
    }
}
