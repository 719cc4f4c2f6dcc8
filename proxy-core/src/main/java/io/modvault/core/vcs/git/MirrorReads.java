package io.modvault.core.vcs.git;

import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.VcsException.Kind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local side of a {@link GitMirror}: git commands that read the bare repository without
 * network (log, cat-file, merge-base, for-each-ref, archive). They need no lock: git readers
 * are safe beside a running fetch.
 */
final class MirrorReads {
    /** A commit found in the mirror. */
    record Commit(String hash, Instant time) {}

    private final Path dir;
    private final URI url;
    private final GitCommand git;
    private final String credentialSource;

    MirrorReads(Path dir, URI url, GitCommand git, String credentialSource) {
        this.dir = dir;
        this.url = url;
        this.git = git;
        this.credentialSource = credentialSource;
    }

    /** {@code git log -n1} of a revision; empty when the mirror does not have it. */
    Optional<Commit> statLocal(String rev) {
        GitResult result = git.run(
                dir,
                List.of(),
                List.of(
                        "-c",
                        "log.showsignature=false",
                        "log",
                        "--no-decorate",
                        "-n1",
                        "--format=format:%H %ct",
                        "--end-of-options",
                        rev,
                        "--"),
                1 << 16);
        if (!result.succeeded()) {
            if (result.exited()) {
                return Optional.empty();
            }
            throw failure("git log", result);
        }
        String[] fields =
                new String(result.stdout(), StandardCharsets.UTF_8).trim().split(" ");
        try {
            return Optional.of(new Commit(fields[0], Instant.ofEpochSecond(Long.parseLong(fields[1]))));
        } catch (RuntimeException e) {
            throw new VcsException(
                    Kind.FAILED, "unexpected response from git log in the mirror of " + GitFailures.redact(url));
        }
    }

    Optional<byte[]> readFile(String commit, String path, long maxBytes) {
        GitResult result =
                git.run(dir, List.of(), List.of("cat-file", "--end-of-options", "blob", commit + ":" + path), maxBytes);
        if (result.succeeded()) {
            return Optional.of(result.stdout());
        }
        if (result.exited()) {
            // codehost ReadFile treats every failure of cat-file as "no such file".
            return Optional.empty();
        }
        if (result.outcome() == GitResult.Outcome.OUTPUT_LIMIT) {
            throw new VcsException(
                    Kind.FAILED,
                    path + " at " + commit + " in " + GitFailures.redact(url) + " is larger than " + maxBytes
                            + " bytes");
        }
        throw failure("git cat-file", result);
    }

    boolean isAncestor(String ancestor, String commit) {
        GitResult result =
                git.run(dir, List.of(), List.of("merge-base", "--is-ancestor", "--", ancestor, commit), 1 << 16);
        if (result.exited() && (result.exitCode() == 0 || result.exitCode() == 1)) {
            return result.exitCode() == 0;
        }
        throw failure("git merge-base", result);
    }

    List<String> tagsMergedInto(String commit) {
        GitResult result = git.run(
                dir,
                List.of(),
                List.of("for-each-ref", "--format=%(refname)", "--merged=" + commit, RefSnapshot.TAGS),
                MirrorSync.MAX_LISTING);
        if (!result.succeeded()) {
            throw failure("git for-each-ref", result);
        }
        List<String> tags = new ArrayList<>();
        for (String line : new String(result.stdout(), StandardCharsets.UTF_8).split("\n")) {
            String ref = line.trim();
            if (ref.startsWith(RefSnapshot.TAGS)) {
                tags.add(ref.substring(RefSnapshot.TAGS.length()));
            }
        }
        return tags;
    }

    /**
     * codehost ReadZip's command, but with the entries stored ({@code -0}, git's "store-only"
     * level): the archive is only read back to build the module zip, which compresses them, so
     * deflating them here too would be wasted work. The caller has made sure of the attributes file.
     */
    void archive(String commit, String subdir, Path targetZip, long maxBytes) {
        List<String> args = new ArrayList<>(List.of(
                "-c",
                "core.autocrlf=input",
                "-c",
                "core.eol=lf",
                "archive",
                "--format=zip",
                "-0",
                "--prefix=prefix/",
                "--end-of-options",
                commit));
        if (!subdir.isEmpty()) {
            args.add(subdir);
        }
        GitResult result = git.runToFile(dir, List.of(), args, targetZip, maxBytes);
        if (result.outcome() == GitResult.Outcome.OUTPUT_LIMIT) {
            throw new VcsException(
                    Kind.FAILED,
                    "repository tree too large: the uncompressed git archive of "
                            + (subdir.isEmpty() ? "" : subdir + "/ at ") + commit + " in " + GitFailures.redact(url)
                            + " exceeds modvault's limit of " + maxBytes + " bytes (it counts every file in the tree,"
                            + " including those a module zip leaves out, such as vendor/ and nested modules)");
        }
        if (!result.succeeded()) {
            throw failure("git archive", result);
        }
    }

    private VcsException failure(String operation, GitResult result) {
        return GitFailures.classify(operation + " in the mirror of", url, result, credentialSource);
    }
}
