package io.modvault.core.vcs.discovery;

import io.modvault.core.vcs.VcsException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The go command's static import-path rules ({@code vcsPaths} of {@code cmd/go/internal/vcs},
 * go1.26): hosting sites whose repository root follows from the path alone, and the explicit
 * {@code host/path/repo.git[/sub]} form. Empty means "ask the site" (go-get discovery). A path
 * that claims a known site but does not fit its pattern fails, as in Go, without a network call.
 */
final class KnownRepoPaths {

    /** One site rule; {@code root} is the regex group holding the repository root. */
    private record Site(String pathPrefix, Pattern pattern, boolean checkSuffix) {}

    private static final List<Site> SITES = List.of(
            new Site(
                    "github.com", Pattern.compile("^(?<root>github\\.com/[\\w.\\-]+/[\\w.\\-]+)(/[\\w.\\-]+)*$"), true),
            new Site(
                    "bitbucket.org",
                    Pattern.compile("^(?<root>bitbucket\\.org/(?<bitname>[\\w.\\-]+/[\\w.\\-]+))(/[\\w.\\-]+)*$"),
                    true),
            new Site(
                    "hub.jazz.net/git",
                    Pattern.compile("^(?<root>hub\\.jazz\\.net/git/[a-z0-9]+/[\\w.\\-]+)(/[\\w.\\-]+)*$"),
                    true),
            new Site(
                    "git.apache.org",
                    Pattern.compile("^(?<root>git\\.apache\\.org/[a-z0-9_.\\-]+\\.git)(/[\\w.\\-]+)*$"),
                    false),
            new Site(
                    "git.openstack.org",
                    Pattern.compile("^(?<root>git\\.openstack\\.org/[\\w.\\-]+/[\\w.\\-]+)(\\.git)?(/[\\w.\\-]+)*$"),
                    false),
            new Site(
                    "chiselapp.com",
                    Pattern.compile("^(?<root>chiselapp\\.com/user/[A-Za-z0-9]+/repository/[\\w.\\-]+)$"),
                    false));

    /** Go's general rule; unanchored at the start like Go's FindStringSubmatch, lazy up to the first VCS suffix. */
    private static final Pattern EXPLICIT_VCS = Pattern.compile("(?<root>(?<repo>([a-z0-9.\\-]+\\.)+[a-z0-9.\\-]+"
            + "(:[0-9]+)?(/~?[\\w.\\-]+)+?)\\.(?<vcs>bzr|fossil|git|hg|svn))(/~?[\\w.\\-]+)*$");

    private static final List<String> VCS_SUFFIXES = List.of(".hg", ".git", ".svn", ".bzr", ".fossil");

    private KnownRepoPaths() {}

    /**
     * The repository for {@code importPath} if a static rule decides it.
     *
     * @param insecure GOINSECURE matched the path: an explicit {@code .git} path is then cloned
     *     over http instead of https
     * @throws VcsException NOT_FOUND for a path that claims a known site but is malformed, FAILED
     *     for a site or suffix that is not git
     */
    static Optional<RepoLocation> resolve(String importPath, boolean insecure) {
        for (Site site : SITES) {
            if (!hasPathPrefix(importPath, site.pathPrefix())) {
                continue;
            }
            Matcher m = site.pattern().matcher(importPath);
            if (!m.find()) {
                throw new VcsException(
                        VcsException.Kind.NOT_FOUND,
                        "invalid " + site.pathPrefix() + " import path \"" + importPath + "\"");
            }
            String root = m.group("root");
            if (site.checkSuffix() && VCS_SUFFIXES.stream().anyMatch(root::endsWith)) {
                throw new VcsException(
                        VcsException.Kind.NOT_FOUND,
                        "invalid version control suffix in " + site.pathPrefix() + "/ path");
            }
            if (site.pathPrefix().equals("chiselapp.com")) {
                throw notGit(importPath, "fossil");
            }
            return Optional.of(new RepoLocation(root, URI.create("https://" + root), "git"));
        }
        Matcher m = EXPLICIT_VCS.matcher(importPath);
        if (!m.find()) {
            return Optional.empty();
        }
        if (!m.group("vcs").equals("git")) {
            throw notGit(importPath, m.group("vcs"));
        }
        // Like Go, the URL is the path without its ".git" suffix; git servers answer for both.
        String scheme = insecure ? "http" : "https";
        return Optional.of(new RepoLocation(m.group("root"), URI.create(scheme + "://" + m.group("repo")), "git"));
    }

    private static VcsException notGit(String importPath, String vcs) {
        return new VcsException(
                VcsException.Kind.FAILED,
                importPath + " is kept in " + vcs + "; modvault fetches git repositories only");
    }

    /** Go's {@code str.HasPathPrefix}. */
    static boolean hasPathPrefix(String s, String prefix) {
        return s.startsWith(prefix)
                && (s.length() == prefix.length() || prefix.endsWith("/") || s.charAt(prefix.length()) == '/');
    }
}
