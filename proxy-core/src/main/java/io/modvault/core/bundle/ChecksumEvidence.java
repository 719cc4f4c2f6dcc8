package io.modvault.core.bundle;

import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.verify.ChecksumDatabase;
import io.modvault.core.verify.ChecksumReads;
import io.modvault.sumdb.LookupResponse;
import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbVerifier;
import io.modvault.sumdb.tlog.TreeHead;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checksum-database part of a bundle, for the public versions in it. Every lookup is
 * re-issued under one tree head, the bundle's: the newest of the store's trusted head and the
 * heads of the lookups (a lookup answer is the record plus any signed head of a tree holding it,
 * and the go command proves the record in whichever head it is given). So the bundle carries
 * one {@code latest}, the lookups, and the tiles that prove each record in that tree, plus those
 * proving an older head (a previous bundle's, with {@code --after}) a prefix of it. Every proof
 * runs here, with the database key, before anything is written: an export never carries
 * evidence that does not verify, and a record whose hashes differ from the stored ones fails
 * its version.
 */
final class ChecksumEvidence {
    private final ChecksumDatabase database;
    private final ChecksumReads reads;
    private final SumdbVerifier verifier;
    private final Map<ModuleCoordinate, LookupResponse> lookups = new LinkedHashMap<>();

    ChecksumEvidence(ChecksumDatabase database, ChecksumReads reads) {
        this.database = database;
        this.reads = reads;
        this.verifier = new SumdbVerifier(database.key());
    }

    /** Reads (through the cache, else the database) the lookup of {@code c}; an {@link ExportException} says why not. */
    void addLookup(ModuleCoordinate c) {
        try {
            LookupResponse response = LookupResponse.parse(reads.read(BundleLayout.lookup(c)));
            verifier.verifyTreeHead(response.signedNote());
            lookups.put(c, response);
        } catch (ChecksumReads.ChecksumReadException | SumdbException | IllegalArgumentException e) {
            throw new ExportException("checksum database " + database.name() + " lookup: " + e.getMessage());
        }
    }

    /** The bundle's tree head: the newest of {@code trusted} and the lookups' heads. */
    TreeHead head(Optional<TreeHead> trusted) {
        return lookups.values().stream()
                .map(r -> verifier.verifyTreeHead(r.signedNote()))
                .map(Optional::of)
                .reduce(trusted, ChecksumEvidence::newer, ChecksumEvidence::newer)
                .orElseThrow(() -> new ExportException("no tree head of " + database.name() + " to export"));
    }

    private static Optional<TreeHead> newer(Optional<TreeHead> a, Optional<TreeHead> b) {
        return a.isEmpty()
                ? b
                : b.isEmpty() ? a : Optional.of(a.get().size() >= b.get().size() ? a.get() : b.get());
    }

    /**
     * The bundle's lookups re-issued under {@code head}, each proven included and holding
     * {@code expected} (zip and go.mod {@code h1:}), and the tiles those proofs read. A version
     * whose proof fails is left out and reported through {@code failed}.
     */
    Evidence prove(
            TreeHead head,
            Map<ModuleCoordinate, Hashes> expected,
            List<TreeHead> olderHeads,
            java.util.function.BiConsumer<ModuleCoordinate, String> failed) {
        RecordingTiles tiles = new RecordingTiles(reads);
        byte[] note = head.signedNote().orElseThrow();
        Map<ModuleCoordinate, byte[]> reissued = new LinkedHashMap<>();
        lookups.forEach((c, response) -> {
            byte[] body = new LookupResponse(response.recordId(), response.recordText(), note).format();
            try {
                var verified = verifier.verifyLookup(c.path().value(), c.version(), body, Optional.empty(), tiles);
                Hashes hashes = expected.get(c);
                SumdbVerifier.requireHashes(verified, c.path().value(), c.version(), hashes.zip(), hashes.mod());
                reissued.put(c, body);
            } catch (SumdbException e) {
                failed.accept(c, "checksum database " + database.name() + ": " + e.getMessage());
            }
        });
        olderHeads.stream()
                .filter(older -> older.size() < head.size())
                .sorted(Comparator.comparingLong(TreeHead::size))
                .forEach(older -> {
                    try {
                        verifier.verifyConsistency(older, head, tiles);
                    } catch (SumdbException e) {
                        throw new ExportException("SECURITY ERROR: tree head " + head.size() + " of " + database.name()
                                + " is not consistent with the earlier head " + older.size() + ": " + e.getMessage());
                    }
                });
        return new Evidence(note, reissued, tiles.tiles());
    }

    /** The {@code h1:} a record must hold for a version's zip and go.mod (each when the bundle carries it). */
    record Hashes(Optional<String> zip, Optional<String> mod) {}

    /** What goes under {@code sumdb/<name>/}: {@code latest}, the re-issued lookups, and the tiles by path. */
    record Evidence(byte[] latest, Map<ModuleCoordinate, byte[]> lookups, Map<String, byte[]> tiles) {}
}
