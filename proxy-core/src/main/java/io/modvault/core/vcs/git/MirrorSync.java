package io.modvault.core.vcs.git;

import io.modvault.core.storage.LocalErrors;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.git.RefLists.Listing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The network side of a {@link GitMirror}: creating the bare repository, listing the remote's
 * refs and fetching when they differ from the mirror's. Callers hold the mirror's lock.
 */
final class MirrorSync {
    static final long MAX_LISTING = 64L << 20;
    /** Disables export-subst and export-ignore so archives do not depend on in-tree attributes (go issue 27153). */
    static final String ATTRIBUTES = "\n* -export-subst -export-ignore\n";

    private final Path dir;
    private final URI url;
    private final GitCommand git;
    private final GitAuth auth;

    MirrorSync(Path dir, URI url, GitCommand git, GitAuth auth) {
        this.dir = dir;
        this.url = url;
        this.git = git;
        this.auth = auth;
    }

    boolean exists() {
        return Files.isDirectory(dir.resolve("objects"));
    }

    /** Lists the remote and fetches every branch and tag when the mirror differs from it. */
    RefSnapshot refresh(Instant now) {
        if (!exists()) {
            initialize(false);
        }
        Listing remote = RefLists.parseRemote(
                remote("git ls-remote", MAX_LISTING, "ls-remote", "-q", "--end-of-options", url.toString())
                        .stdout());
        Listing local = localRefs();
        if (usesSha256(remote) && local.ids().isEmpty() && !usesSha256(local)) {
            initialize(true);
        }
        if (!local.ids().equals(remote.ids())) {
            remote(
                    "git fetch",
                    1 << 20,
                    "-c",
                    "gc.autoDetach=false",
                    "fetch",
                    "--prune",
                    "--force",
                    "--end-of-options",
                    url.toString(),
                    "+refs/heads/*:refs/heads/*",
                    "+refs/tags/*:refs/tags/*");
            local = localRefs();
        }
        Optional<String> head = remote.head();
        if (head.isPresent() && !local.commits().containsValue(head.get()) && !isCommit(head.get())) {
            // A detached remote HEAD is on no branch: fetch its commit under a private ref.
            remote(
                    "git fetch",
                    1 << 20,
                    "-c",
                    "gc.autoDetach=false",
                    "fetch",
                    "--force",
                    "--end-of-options",
                    url.toString(),
                    "+" + head.get() + ":refs/modvault/HEAD");
        }
        return new RefSnapshot(local.ids(), local.commits(), head, now);
    }

    /** Branches and tags as the mirror has them, without network; empty before the first fetch. */
    Listing localRefs() {
        if (!exists()) {
            return new Listing(java.util.Map.of(), java.util.Map.of(), Optional.empty());
        }
        GitResult result = git.run(
                dir,
                List.of(),
                List.of("for-each-ref", "--format=" + RefLists.LOCAL_FORMAT, "refs/heads/", "refs/tags/"),
                MAX_LISTING);
        if (!result.succeeded()) {
            throw GitFailures.classify("git for-each-ref in the mirror of", url, result, auth.source());
        }
        return RefLists.parseLocal(result.stdout());
    }

    /** Makes sure the archive attributes are in place (an operator may have edited the mirror). */
    void ensureAttributes() {
        Path file = dir.resolve("info").resolve("attributes");
        try {
            Files.createDirectories(file.getParent());
            String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (!current.endsWith(ATTRIBUTES)) {
                Files.writeString(
                        file, ATTRIBUTES, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new VcsException(
                    VcsException.Kind.FAILED,
                    "writing the mirror's " + file.getFileName() + ": " + LocalErrors.describe(e),
                    e);
        }
    }

    private boolean isCommit(String hash) {
        return git.run(dir, List.of(), List.of("cat-file", "-e", "--end-of-options", hash + "^{commit}"), 0)
                .succeeded();
    }

    private GitResult remote(String operation, long maxStdout, String... args) {
        GitResult result = git.run(dir, auth.extraConfig(), List.of(args), maxStdout);
        if (!result.succeeded()) {
            throw GitFailures.classify(operation, url, result, auth.source());
        }
        return result;
    }

    /** (Re)creates the bare repository; a half-created one from a crash is removed first. */
    private void initialize(boolean sha256) {
        try {
            deleteTree(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new VcsException(
                    VcsException.Kind.FAILED,
                    "creating a mirror for " + GitFailures.redact(url) + ": " + LocalErrors.describe(e),
                    e);
        }
        List<String> args = new ArrayList<>(List.of("init", "--bare", "-q"));
        if (sha256) {
            args.add("--object-format=sha256");
        }
        GitResult result = git.run(dir, List.of(), args, 1 << 20);
        if (!result.succeeded()) {
            throw GitFailures.classify("git init for the mirror of", url, result, auth.source());
        }
        ensureAttributes();
    }

    private static boolean usesSha256(Listing listing) {
        return listing.ids().values().stream().anyMatch(id -> id.length() == 64)
                || listing.head().map(h -> h.length() == 64).orElse(false);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
