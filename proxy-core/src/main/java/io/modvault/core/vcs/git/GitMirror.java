package io.modvault.core.vcs.git;

import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.VcsException.Kind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A bare mirror of one repository, kept like the go command's codehost git cache: every branch
 * and tag fetched ({@code git fetch --prune --force}), answers read from it with local git
 * commands. The remote is asked at most once per TTL for lists, {@code latest} and branch
 * lookups, and whenever a revision is unknown; a tag or commit already in the mirror is
 * resolved without network. One {@link ReentrantLock} (virtual threads must not pin) serializes
 * fetches; reads run concurrently. Revisions resolve as codehost's {@code stat} does: tag,
 * branch, {@code HEAD}, or a lower-case hex hash prefix of at least 7 digits. The mirror also
 * holds state that higher layers derive from its refs ({@link RefDerivedState}, such as coderepo's
 * resolved versions), and tells it when a fetch changes the refs.
 */
public final class GitMirror {
    private static final int MIN_HASH_DIGITS = 7;

    private final Path dir;
    private final URI url;
    private final Clock clock;
    private final Duration ttl;
    private final MirrorSync sync;
    private final MirrorReads reads;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Class<?>, RefDerivedState> derived = new ConcurrentHashMap<>();
    private volatile RefSnapshot snapshot;
    private volatile long generation;

    public GitMirror(Path dir, URI url, GitCommand git, GitAuth auth, Clock clock, Duration ttl) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath();
        this.url = Objects.requireNonNull(url, "url");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(git, "git");
        Objects.requireNonNull(auth, "auth");
        this.sync = new MirrorSync(this.dir, url, git, auth);
        this.reads = new MirrorReads(this.dir, url, git, auth.source());
    }

    public Path directory() {
        return dir;
    }

    public URI url() {
        return url;
    }

    /** The URL without userinfo, for messages and {@code Origin.URL}. */
    public String redactedUrl() {
        return GitFailures.redact(url);
    }

    /** Branches and tags no older than the TTL; asks the remote when they are older. */
    public RefSnapshot refs() {
        RefSnapshot current = knownRefs();
        if (isFresh(current)) {
            return current;
        }
        return sync(false);
    }

    /** Asks the remote now, whatever the TTL (one fetch at a time per mirror). */
    public RefSnapshot refresh() {
        return sync(true);
    }

    /** Branches and tags as the mirror has them, without network; empty before the first fetch. */
    public RefSnapshot knownRefs() {
        RefSnapshot current = snapshot;
        if (current != null) {
            return current;
        }
        lock.lock();
        try {
            if (snapshot == null) {
                RefLists.Listing local = sync.localRefs();
                snapshot = new RefSnapshot(local.ids(), local.commits(), Optional.empty(), Instant.MIN);
            }
            return snapshot;
        } finally {
            lock.unlock();
        }
    }

    /** Resolves a tag, branch, {@code HEAD} or hash (prefix); NOT_FOUND when the remote does not know it. */
    public GitRevision resolve(String rev) {
        Objects.requireNonNull(rev, "rev");
        if (isHashLike(rev)) {
            Optional<GitRevision> local = statLocal(rev, Optional.empty());
            if (local.isPresent()) {
                return local.get();
            }
        }
        String tagRef = RefSnapshot.TAGS + rev;
        if (knownRefs().commits().containsKey(tagRef)) {
            // Tags are taken to be immutable, as the go command does: no network.
            return require(tagRef, Optional.of(tagRef));
        }
        long before = generation;
        Optional<GitRevision> found = lookup(refs(), rev);
        if (found.isEmpty() && generation == before) {
            found = lookup(refresh(), rev);
        }
        return found.orElseThrow(
                () -> new VcsException(Kind.NOT_FOUND, "unknown revision " + rev + " in " + redactedUrl()));
    }

    /** The commit time of a commit in the mirror. */
    public Instant commitTime(String commit) {
        return statLocal(commit, Optional.empty())
                .map(GitRevision::time)
                .orElseThrow(
                        () -> new VcsException(Kind.NOT_FOUND, "unknown revision " + commit + " in " + redactedUrl()));
    }

    /** The content of {@code path} at {@code commit}; empty when there is no such file (codehost ReadFile). */
    public Optional<byte[]> readFile(String commit, String path, long maxBytes) {
        return reads.readFile(commit, path, maxBytes);
    }

    /** Whether {@code ancestor} is {@code commit} or one of its ancestors (codehost DescendsFrom). */
    public boolean isAncestor(String ancestor, String commit) {
        return reads.isAncestor(ancestor, commit);
    }

    /** Names of the tags reachable from {@code commit} (the input of codehost RecentTag). */
    public List<String> tagsMergedInto(String commit) {
        return reads.tagsMergedInto(commit);
    }

    /**
     * Writes {@code git archive --format=zip -0} of {@code commit} (limited to {@code subdir} unless
     * empty) with codehost ReadZip's flags: entries under {@code prefix/}, line endings as stored,
     * export-subst and export-ignore disabled; stored, not deflated, as it is only an intermediate.
     * Fails when the archive exceeds {@code maxBytes}.
     */
    public void archive(String commit, String subdir, Path targetZip, long maxBytes) {
        lock.lock();
        try {
            sync.ensureAttributes();
        } finally {
            lock.unlock();
        }
        reads.archive(commit, subdir, targetZip, maxBytes);
    }

    /**
     * This mirror's one instance of {@code type}, made by {@code create} on first use and told of
     * every change of the refs from then on. It lives as long as the mirror does.
     */
    public <T extends RefDerivedState> T derived(Class<T> type, Supplier<T> create) {
        return type.cast(derived.computeIfAbsent(type, t -> create.get()));
    }

    private RefSnapshot sync(boolean force) {
        long seen = generation;
        lock.lock();
        try {
            RefSnapshot current = snapshot;
            if (current != null && (generation != seen || !force && isFresh(current))) {
                // Another caller fetched while this one waited for the lock.
                return current;
            }
            RefSnapshot fetched;
            try {
                fetched = sync.refresh(clock.instant());
            } catch (RuntimeException e) {
                // A fetch that failed half-way may still have moved refs on disk.
                refsChanged();
                throw e;
            }
            snapshot = fetched;
            generation++;
            if (current == null
                    || !current.ids().equals(fetched.ids())
                    || !current.head().equals(fetched.head())) {
                // After the new snapshot is visible: a resolution that reads the new epoch sees the new refs.
                refsChanged();
            }
            return fetched;
        } finally {
            lock.unlock();
        }
    }

    private void refsChanged() {
        derived.values().forEach(RefDerivedState::refsChanged);
    }

    private boolean isFresh(RefSnapshot refs) {
        return !refs.fetchedAt().equals(Instant.MIN)
                && clock.instant().isBefore(refs.fetchedAt().plus(ttl));
    }

    /** codehost stat's lookup among the remote's refs, after the local fast paths failed. */
    private Optional<GitRevision> lookup(RefSnapshot refs, String rev) {
        for (String ref : List.of(RefSnapshot.TAGS + rev, RefSnapshot.HEADS + rev)) {
            if (refs.commits().containsKey(ref)) {
                return Optional.of(require(refs.commits().get(ref), Optional.of(ref)));
            }
        }
        if (rev.equals("HEAD") && refs.head().isPresent()) {
            return Optional.of(require(refs.head().get(), Optional.of("HEAD")));
        }
        if (!isHashLike(rev)) {
            return Optional.empty();
        }
        String ref = null;
        String hash = null;
        for (Map.Entry<String, String> entry : refs.allWithHead().entrySet()) {
            if (entry.getValue().startsWith(rev)) {
                if (hash != null && !hash.equals(entry.getValue())) {
                    throw new VcsException(Kind.NOT_FOUND, "ambiguous revision " + rev + " in " + redactedUrl());
                }
                ref = ref == null ? entry.getKey() : ref;
                hash = entry.getValue();
            }
        }
        if (hash != null) {
            return Optional.of(require(hash, Optional.of(ref)));
        }
        // Not a ref tip: after a full fetch, any commit of a branch's or tag's history resolves.
        return statLocal(rev, Optional.empty());
    }

    private GitRevision require(String rev, Optional<String> ref) {
        return statLocal(rev, ref)
                .orElseThrow(() -> new VcsException(
                        Kind.FAILED,
                        "commit of " + ref.orElse(rev) + " is missing from the mirror of " + redactedUrl()));
    }

    /** codehost statLocal: the commit a revision names in the mirror, if it is there. */
    private Optional<GitRevision> statLocal(String rev, Optional<String> ref) {
        if (!sync.exists()) {
            return Optional.empty();
        }
        return reads.statLocal(rev)
                .map(commit -> new GitRevision(
                        commit.hash(),
                        commit.time(),
                        ref.filter(r -> !commit.hash().startsWith(r)),
                        knownRefs().tagsAt(commit.hash())));
    }

    /** codehost's test for a hash (prefix): 7 or more lower-case hex digits, at most a SHA-256's 64. */
    static boolean isHashLike(String rev) {
        if (rev.length() < MIN_HASH_DIGITS || rev.length() > 64) {
            return false;
        }
        for (int i = 0; i < rev.length(); i++) {
            char c = rev.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "GitMirror[" + redactedUrl() + " at " + dir + "]";
    }
}
