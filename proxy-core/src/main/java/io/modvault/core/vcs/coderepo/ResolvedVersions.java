package io.modvault.core.vcs.coderepo;

import io.modvault.core.vcs.git.GitMirror;
import io.modvault.core.vcs.git.RefDerivedState;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The canonical versions of one mirror's modules that Stat resolved to themselves, each with
 * Stat's answer and the module's directory (commit, subdirectory, go.mod) at that commit: what
 * {@code .mod} and {@code .zip} would otherwise work out again in three to six git processes.
 * An answer depends only on immutable objects and on the refs: a tag's commit, and for a
 * pseudo-version the tags on and before its commit. Refs change only when a fetch changes them,
 * and the mirror then calls {@link #refsChanged()}, which drops every entry, tagged and pseudo
 * alike; an epoch keeps a resolution that began before it from storing its stale result
 * afterwards. Failures are never remembered. Bounded: least recently used first, by count and by
 * the go.mod bytes held.
 */
final class ResolvedVersions implements RefDerivedState {
    static final int MAX_ENTRIES = 1024;
    static final long MAX_GO_MOD_BYTES = 4L << 20;

    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, RevisionConverter.Converted> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long goModBytes;
    private long epoch;

    /** The one instance {@code mirror} holds for its modules. */
    static ResolvedVersions of(GitMirror mirror) {
        return mirror.derived(ResolvedVersions.class, ResolvedVersions::new);
    }

    /** The entry's key: a module is its repository root (which fixes its directory layout) and its path. */
    static String key(ModuleLayout layout, String version) {
        return layout.codeRoot() + " " + layout.path() + "@" + version;
    }

    /** Read before resolving; pass it to {@link #put}. */
    long epoch() {
        lock.lock();
        try {
            return epoch;
        } finally {
            lock.unlock();
        }
    }

    Optional<RevisionConverter.Converted> get(String key) {
        lock.lock();
        try {
            return Optional.ofNullable(entries.get(key));
        } finally {
            lock.unlock();
        }
    }

    /** Remembers a resolution that started at {@code startEpoch}, unless the refs have changed since. */
    void put(String key, RevisionConverter.Converted resolved, long startEpoch) {
        long size = goModSize(resolved);
        if (size > MAX_GO_MOD_BYTES) {
            return;
        }
        lock.lock();
        try {
            if (startEpoch != epoch) {
                return;
            }
            RevisionConverter.Converted previous = entries.put(key, resolved);
            goModBytes += size - (previous == null ? 0 : goModSize(previous));
            Iterator<Map.Entry<String, RevisionConverter.Converted>> eldest =
                    entries.entrySet().iterator();
            while (entries.size() > MAX_ENTRIES || goModBytes > MAX_GO_MOD_BYTES) {
                goModBytes -= goModSize(eldest.next().getValue());
                eldest.remove();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Forgets everything: the mirror's refs have changed. */
    @Override
    public void refsChanged() {
        lock.lock();
        try {
            entries.clear();
            goModBytes = 0;
            epoch++;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    private static long goModSize(RevisionConverter.Converted resolved) {
        return resolved.dir().goMod().map(b -> (long) b.length).orElse(0L);
    }
}
