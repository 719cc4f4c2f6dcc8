package io.modvault.core.vcs.discovery;

import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.VcsException.Kind;
import io.modvault.core.vcs.auth.Credential;
import io.modvault.core.vcs.auth.Credentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The go command's {@code repoRootForImportDynamic} and {@code metaImportsForPrefix} over a
 * {@link DiscoveryClient}: fetch the page of the import path itself; use its tags even when the
 * status is an error (Go reads the body first); otherwise report the status; choose the one tag
 * whose prefix covers the path; if that prefix is shorter than the path, require the prefix's own
 * page to agree. Error texts follow Go's, with the failure kinds modvault distinguishes.
 */
final class Discovery {

    /** The tags of a prefix's own page. */
    record PrefixPage(URI url, List<MetaImport> imports) {}

    private static final Set<String> GO_VCS = Set.of("git", "hg", "svn", "bzr", "fossil");

    private final DiscoveryClient client;
    private final Credentials credentials;
    private final ExpiringCache<PrefixPage> prefixes;

    Discovery(DiscoveryClient client, Credentials credentials, ExpiringCache<PrefixPage> prefixes) {
        this.client = client;
        this.credentials = credentials;
        this.prefixes = prefixes;
    }

    /** @throws VcsException with Go's "unrecognized import path" wording */
    RepoLocation discover(String importPath, boolean insecure) {
        try {
            return discoverOrThrow(importPath, insecure);
        } catch (VcsException e) {
            String message = "unrecognized import path \"" + importPath + "\": " + e.getMessage();
            throw new VcsException(e.kind(), message, e.getCause());
        }
    }

    private RepoLocation discoverOrThrow(String importPath, boolean insecure) {
        DiscoveryClient.Page page = fetch(importPath, insecure, (insecure ? "http/" : "") + "https fetch: ");
        List<MetaImport> imports = page.parsed().imports();
        if (imports.isEmpty()) {
            throwStatusFailure(page);
            page.parsed().error().ifPresent(err -> {
                throw new VcsException(Kind.NOT_FOUND, "parsing " + importPath + ": " + err);
            });
        }
        MetaImport chosen = switch (MetaImports.match(imports, importPath)) {
            case MetaImports.Found found -> found.meta();
            case MetaImports.NoMatch none ->
                throw new VcsException(
                        Kind.NOT_FOUND,
                        "parse " + page.url() + ": no go-import meta tags (" + none.detail() + ")"
                                + credentialHint(page));
            case MetaImports.Ambiguous ambiguous ->
                throw new VcsException(Kind.FAILED, "parse " + page.url() + ": " + ambiguous.detail());
        };
        if (!chosen.prefix().equals(importPath)) {
            // A page may only speak for its own prefix: confirm the tag where the prefix lives.
            PrefixPage confirmed = prefixes.get(
                    (insecure ? "insecure " : "secure ") + chosen.prefix(),
                    () -> prefixPage(chosen.prefix(), insecure));
            MetaImports.Match second = MetaImports.match(confirmed.imports(), importPath);
            if (!(second instanceof MetaImports.Found found) || !found.meta().equals(chosen)) {
                throw new VcsException(
                        Kind.FAILED,
                        page.url() + " and " + confirmed.url() + " disagree about go-import for " + chosen.prefix());
            }
        }
        return location(chosen, page.url());
    }

    private RepoLocation location(MetaImport meta, URI pageUrl) {
        if (!meta.subdir().isEmpty()) {
            throw new VcsException(
                    Kind.FAILED,
                    pageUrl + ": go-import subdirectory \"" + meta.subdir() + "\" for " + meta.prefix()
                            + " is not supported by modvault");
        }
        URI repo = repoRoot(meta.repoRoot(), pageUrl);
        if (!meta.vcs().equals("git")) {
            throw new VcsException(
                    Kind.FAILED,
                    GO_VCS.contains(meta.vcs())
                            ? meta.prefix() + " is kept in " + meta.vcs() + "; modvault fetches git repositories only"
                            : pageUrl + ": unknown vcs \"" + meta.vcs() + "\"");
        }
        return new RepoLocation(meta.prefix(), repo, "git");
    }

    /** Go's {@code validateRepoRoot}, plus git's need for a URL with "://" (no scp-like or local paths). */
    private static URI repoRoot(String repoRoot, URI pageUrl) {
        String prefix = pageUrl + ": invalid repo root \"" + repoRoot + "\": ";
        URI uri;
        try {
            uri = new URI(repoRoot);
        } catch (URISyntaxException e) {
            throw new VcsException(Kind.FAILED, prefix + e.getReason());
        }
        if (uri.getScheme() == null) {
            throw new VcsException(Kind.FAILED, prefix + "no scheme");
        }
        if (uri.getScheme().equalsIgnoreCase("file")) {
            throw new VcsException(Kind.FAILED, prefix + "file scheme disallowed");
        }
        if (!repoRoot.contains("://")) {
            throw new VcsException(Kind.FAILED, prefix + "not a URL git can fetch");
        }
        return uri;
    }

    private PrefixPage prefixPage(String prefix, boolean insecure) {
        DiscoveryClient.Page page = fetch(prefix, insecure, "fetching " + prefix + ": ");
        if (page.parsed().imports().isEmpty()) {
            throwStatusFailure(page);
            throw new VcsException(
                    Kind.NOT_FOUND,
                    page.parsed()
                            .error()
                            .map(err -> "parsing " + page.url() + ": " + err)
                            .orElse("fetching " + prefix + ": no go-import meta tag found in " + page.url()));
        }
        return new PrefixPage(page.url(), page.parsed().imports());
    }

    private DiscoveryClient.Page fetch(String path, boolean insecure, String context) {
        try {
            return client.get(path, insecure);
        } catch (DiscoveryClient.TransportFailure e) {
            throw new VcsException(e.timeout() ? Kind.TIMEOUT : Kind.FAILED, context + e.getMessage());
        }
    }

    /** Go's {@code resp.Err()} for a page without tags, sorted into modvault's kinds. */
    private void throwStatusFailure(DiscoveryClient.Page page) {
        int status = page.status();
        if (status >= 200 && status < 300) {
            return;
        }
        String reading = "reading " + page.url() + ": " + StatusLine.of(status);
        if (status == 401 || status == 403) {
            throw new VcsException(Kind.AUTH, reading + ": " + authProblem(page));
        }
        throw new VcsException(
                status == 404 || status == 410 ? Kind.NOT_FOUND : Kind.FAILED, reading + credentialHint(page));
    }

    private String authProblem(DiscoveryClient.Page page) {
        String host = authority(page.url());
        if (page.sentCredential().isPresent()) {
            return host + " refused the credentials (" + credentials.describeSources(host) + ")";
        }
        Optional<Credential> unsent = credentials.forHost(host);
        if (unsent.isPresent()) {
            return host + " requires authentication; the " + unsent.get().source() + " entry for "
                    + unsent.get().host() + " is sent only over https (or plain http to GOINSECURE hosts)";
        }
        return host + " requires authentication (" + credentials.describeSources(host) + ")";
    }

    /** Hosts often hide private repositories behind 404: say which credentials were in play. */
    private String credentialHint(DiscoveryClient.Page page) {
        return " (" + credentials.describeSources(authority(page.url())) + ")";
    }

    private static String authority(URI url) {
        return url.getPort() >= 0 ? url.getHost() + ":" + url.getPort() : url.getHost();
    }
}
