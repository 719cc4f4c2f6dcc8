package io.modvault.core.vcs.coderepo;

import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.discovery.RepoLocation;
import io.modvault.core.vcs.discovery.RepoResolver;
import io.modvault.core.vcs.git.TestRepo;
import java.util.Map;
import java.util.TreeMap;

/** A {@link RepoResolver} over a fixed map of repository roots, longest matching root first. */
final class MapResolver implements RepoResolver {
    private final TreeMap<String, RepoLocation> roots = new TreeMap<>();

    MapResolver(Map<String, TestRepo> repos) {
        repos.forEach((root, repo) -> roots.put(root, new RepoLocation(root, repo.uri(), "git")));
    }

    @Override
    public RepoLocation resolve(String modulePath) {
        for (String root : roots.descendingKeySet()) {
            if (modulePath.equals(root) || modulePath.startsWith(root + "/")) {
                return roots.get(root);
            }
        }
        throw new VcsException(VcsException.Kind.NOT_FOUND, "no repository for " + modulePath);
    }
}
