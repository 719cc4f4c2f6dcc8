package io.modvault.core.verify;

import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.policy.PrefixPatterns;
import io.modvault.core.storage.LocalErrors;
import io.modvault.core.storage.ModuleStore;
import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbVerifier;
import io.modvault.sumdb.VerifiedLookup;
import io.modvault.sumdb.dirhash.DirHash;
import io.modvault.sumdb.tlog.TreeHead;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a downloaded {@code .mod} or {@code .zip} may be stored: computes its
 * {@code h1:}, looks the version up in the checksum database, verifies the signed tree head,
 * proves the record included in it and that tree consistent with the newest head this server
 * trusted before (persisted, only moving forward), and requires the record to hold exactly this
 * hash. Modules matching GONOSUMDB are never looked up (their names must not leak); with
 * GOSUMDB=off nothing is. Verification fails closed: no proof, no storage.
 */
public final class ModuleVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleVerifier.class);
    private final Optional<ChecksumDatabase> database;
    private final PrefixPatterns noSumdb;
    private final ChecksumReads reads;
    private final Optional<SumdbVerifier> verifier;
    private final Optional<TrustedTreeHeads> trusted;
    private final VerificationStats stats = new VerificationStats();
    /** Guards advancing the trusted head; a ReentrantLock so a virtual thread waiting on it never pins its carrier. */
    private final ReentrantLock lock = new ReentrantLock();

    public ModuleVerifier(
            Optional<ChecksumDatabase> database, PrefixPatterns noSumdb, ModuleStore store, ChecksumReads reads) {
        this.database = database;
        this.noSumdb = noSumdb;
        this.reads = reads;
        this.verifier = database.map(db -> new SumdbVerifier(db.key()));
        this.trusted =
                verifier.map(v -> new TrustedTreeHeads(store, v, database.get().name()));
    }

    /** True when {@code modulePath} matches GONOSUMDB: never name it to a checksum database. */
    public boolean isPrivate(String modulePath) {
        return noSumdb.matches(modulePath);
    }

    public Optional<ChecksumDatabase> database() {
        return database;
    }

    /** The newest tree head this store trusts (signed note kept in it), if any. */
    public Optional<TreeHead> trustedTreeHead() {
        return trusted.flatMap(TrustedTreeHeads::current);
    }

    public VerificationStats stats() {
        return stats;
    }

    public Verdict verifyMod(ModulePath module, String version, byte[] goMod) {
        return verify(module, version, DirHash.hashGoMod(goMod), false);
    }

    public Verdict verifyZip(ModulePath module, String version, Path zip) {
        String hash;
        try {
            hash = DirHash.hashZip(zip);
        } catch (IOException | SumdbException e) {
            return new Verdict.Refused(
                    502, "zip for " + module.value() + "@" + version + " cannot be hashed: " + LocalErrors.describe(e));
        }
        return verify(module, version, hash, true);
    }

    /** {@link #verifyZip} for a zip whose {@code h1:} the caller already computed (import hashes each zip once). */
    public Verdict verifyZipHash(ModulePath module, String version, String h1) {
        return verify(module, version, h1, true);
    }

    private Verdict verify(ModulePath module, String version, String hash, boolean zip) {
        if (database.isEmpty() || isPrivate(module.value())) {
            stats.skipped.increment();
            return new Verdict.Accepted(hash, database.isEmpty() ? "unverified: GOSUMDB=off" : "unverified: GONOSUMDB");
        }
        String subject = module.value() + "@" + version;
        String name = database.get().name();
        byte[] body;
        try {
            body = reads.read("lookup/" + module.escaped() + "@" + ModuleVersion.escape(version));
        } catch (ChecksumReads.ChecksumReadException e) {
            stats.unavailable.increment();
            return new Verdict.Refused(
                    e.timedOut() ? 504 : 502,
                    "cannot verify " + subject + " against checksum database " + name + ": " + e.getMessage());
        }
        try {
            Optional<TreeHead> before = trusted.get().current();
            DatabaseTiles tiles = new DatabaseTiles(reads);
            VerifiedLookup lookup = verifier.get().verifyLookup(module.value(), version, body, before, tiles);
            SumdbVerifier.requireHashes(
                    lookup,
                    module.value(),
                    version,
                    zip ? Optional.of(hash) : Optional.empty(),
                    zip ? Optional.empty() : Optional.of(hash));
            if (lookup.advanced()) {
                advance(before, lookup, tiles);
            }
            stats.verified.increment();
            return new Verdict.Accepted(hash, name);
        } catch (SumdbException e) {
            return refusal(subject, name, e);
        }
    }

    /**
     * Checks a signed tree head that arrived without a lookup (an air-gap bundle's head): it must
     * verify with the configured key and be consistent with the trusted head (proven with tiles
     * read through this verifier's {@link ChecksumReads}, of whichever tree is newer); a newer head
     * becomes the trusted one. A fork is refused with SECURITY ERROR, like a fetched lookup's.
     */
    public Verdict acceptTreeHead(byte[] signedNote) {
        if (database.isEmpty()) {
            return new Verdict.Refused(502, "no checksum database configured (GOSUMDB=off) to check a tree head with");
        }
        String name = database.get().name();
        try {
            TreeHead head = verifier.get().verifyTreeHead(signedNote);
            lock.lock();
            try {
                Optional<TreeHead> now = trusted.get().current();
                DatabaseTiles tiles = new DatabaseTiles(reads);
                if (now.isPresent() && head.size() >= now.get().size()) {
                    verifier.get().verifyConsistency(now.get(), head, tiles);
                } else if (now.isPresent()) {
                    verifier.get().verifyConsistency(head, now.get(), tiles);
                }
                trusted.get().advanceTo(head, signedNote);
            } finally {
                lock.unlock();
            }
            return new Verdict.Accepted(head.hashBase64(), name);
        } catch (SumdbException e) {
            return refusal("tree head of " + name, name, e);
        }
    }

    /**
     * Moves the trusted head forward. Proofs ran without the lock (tile downloads of concurrent
     * verifications overlap); if another verification advanced the head meanwhile, the two heads
     * are proven consistent here before the newer one is kept.
     */
    private void advance(Optional<TreeHead> before, VerifiedLookup lookup, DatabaseTiles tiles) {
        lock.lock();
        try {
            Optional<TreeHead> now = trusted.get().current();
            if (now.isPresent() && !now.equals(before)) {
                TreeHead ours = lookup.tree();
                TreeHead theirs = now.get();
                if (ours.size() >= theirs.size()) {
                    verifier.get().verifyConsistency(theirs, ours, tiles);
                } else {
                    verifier.get().verifyConsistency(ours, theirs, tiles);
                }
            }
            trusted.get().advanceTo(lookup.tree(), lookup.signedNote());
        } finally {
            lock.unlock();
        }
    }

    private Verdict refusal(String subject, String name, SumdbException e) {
        switch (e.reason()) {
            case MISMATCH -> {
                stats.mismatches.increment();
                LOG.warn("refusing to store {}", firstLine(e.getMessage()));
                return new Verdict.Refused(502, "SECURITY: verifying " + firstLine(e.getMessage()));
            }
            case FORK -> {
                stats.forks.increment();
                LOG.error("checksum database {} misbehaves (refusing {}):\n{}", name, subject, e.getMessage());
                return new Verdict.Refused(
                        502,
                        "SECURITY ERROR: checksum database " + name
                                + " shows a tree inconsistent with the one this server trusts; refusing " + subject);
            }
            default -> {
                stats.unavailable.increment();
                LOG.warn("cannot verify {}: {}", subject, firstLine(e.getMessage()));
                return new Verdict.Refused(
                        502,
                        "cannot verify " + subject + " against checksum database " + name + ": "
                                + firstLine(e.getMessage()));
            }
        }
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
