package io.modvault.sumdb.testing;

import io.modvault.sumdb.LookupResponse;
import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.TileSource;
import io.modvault.sumdb.note.NoteSigner;
import io.modvault.sumdb.tlog.Hashes;
import io.modvault.sumdb.tlog.Tile;
import io.modvault.sumdb.tlog.TreeHead;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real, tile-based Go checksum database for tests, byte-compatible with x/mod's reference server
 * (and therefore with the {@code go} command): records are go.sum line pairs, tree heads are
 * signed notes, {@code /lookup} bodies and hash/data tiles (height 8) are served for any path
 * inside the current tree. {@link #fork} builds a log with the same key but a different history,
 * so tests can provoke the fork detection. Thread-safe.
 */
public final class TestChecksumLog {

    /** Tile height of the log, the one the {@code go} command uses. */
    public static final int TILE_HEIGHT = 8;

    private final NoteSigner signer;
    private final List<String> records = new ArrayList<>();
    private final Map<String, Long> ids = new HashMap<>();
    /** levels.get(l).get(i): hash of the complete subtree of 2^l records starting at record i·2^l. */
    private final List<List<byte[]>> levels = new ArrayList<>();

    public TestChecksumLog(NoteSigner signer) {
        this.signer = signer;
    }

    /** A log signed by a fresh key named {@code name} (for example {@code sumdb.test}). */
    public static TestChecksumLog create(String name) {
        return new TestChecksumLog(NoteSigner.generate(name, new SecureRandom()));
    }

    /** Appends the record of {@code module@version}: its zip line and its go.mod line. Returns the record id. */
    public synchronized long addRecord(String module, String version, String zipH1, String modH1) {
        String key = module + "@" + version;
        if (ids.containsKey(key)) {
            throw new IllegalStateException(key + " is already record " + ids.get(key));
        }
        long id = appendRecord(
                module + " " + version + " " + zipH1 + "\n" + module + " " + version + "/go.mod " + modH1 + "\n");
        ids.put(key, id);
        return id;
    }

    /** Appends an arbitrary record text (must be valid record text) and returns its id. */
    public synchronized long appendRecord(String text) {
        if (!LookupResponse.isValidRecordText(text)) {
            throw new IllegalArgumentException("invalid record text \"" + text + "\"");
        }
        records.add(text);
        byte[] hash = Hashes.recordHash(text.getBytes(StandardCharsets.UTF_8));
        for (int level = 0; ; level++) {
            if (levels.size() == level) {
                levels.add(new ArrayList<>());
            }
            List<byte[]> row = levels.get(level);
            row.add(hash);
            if (row.size() % 2 != 0) {
                break;
            }
            hash = Hashes.nodeHash(row.get(row.size() - 2), hash);
        }
        return records.size() - 1;
    }

    public synchronized long size() {
        return records.size();
    }

    /** The current tree head (unsigned). */
    public synchronized TreeHead treeHead() {
        return TreeHead.of(size(), treeHash(size()));
    }

    /** The root of the first {@code n} records, computed from the stored subtree hashes. */
    public synchronized byte[] treeHash(long n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("tree size " + n + " of a log with " + size() + " records");
        }
        byte[] hash = null;
        long hi = n;
        while (hi > 0) {
            long k = Long.lowestOneBit(hi);
            byte[] block = levels.get(Long.numberOfTrailingZeros(k)).get((int) ((hi - k) / k));
            hash = hash == null ? block : Hashes.nodeHash(block, hash);
            hi -= k;
        }
        return hash == null ? Hashes.emptyTreeHash() : hash;
    }

    /** The signed note of the current tree head, as served at {@code /latest}. */
    public synchronized byte[] signedTreeHead() {
        return signer.sign(treeHead().format());
    }

    /** The {@code /lookup/<module>@<version>} body, or empty if the log has no such record. */
    public synchronized Optional<byte[]> lookup(String module, String version) {
        Long id = ids.get(module + "@" + version);
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new LookupResponse(id, records.get(id.intValue()), signedTreeHead()).format());
    }

    /** The body of {@code tile/…} (hash or data tile, full or partial), or empty if it lies beyond the tree. */
    public synchronized Optional<byte[]> tile(String path) {
        Tile tile;
        try {
            tile = Tile.parse(path);
        } catch (SumdbException e) {
            return Optional.empty();
        }
        if (tile.h() != TILE_HEIGHT) {
            return Optional.empty();
        }
        long first = tile.n() << TILE_HEIGHT;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (tile.isData()) {
            if (first + tile.w() > records.size()) {
                return Optional.empty();
            }
            for (long i = first; i < first + tile.w(); i++) {
                out.writeBytes((records.get((int) i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return Optional.of(out.toByteArray());
        }
        int level = tile.l() * TILE_HEIGHT;
        if (level >= levels.size() || first + tile.w() > levels.get(level).size()) {
            return Optional.empty();
        }
        for (long i = first; i < first + tile.w(); i++) {
            out.writeBytes(levels.get(level).get((int) i));
        }
        return Optional.of(out.toByteArray());
    }

    /** This log as a {@link TileSource}: exact tiles, {@link FileNotFoundException} beyond the tree. */
    public TileSource tileSource() {
        return t -> tile(t.path()).orElseThrow(() -> new FileNotFoundException(t.path()));
    }

    /** The {@code name+hash+key} verifier key, as the {@code go} command accepts it in GOSUMDB. */
    public String verifierKey() {
        return signer.verifierKey().format();
    }

    public NoteSigner signer() {
        return signer;
    }

    /**
     * A log with the same key sharing only the first {@code keepRecords} records: whatever is
     * appended to it afterwards is a different history, so its signed heads fork from this log's.
     */
    public synchronized TestChecksumLog fork(long keepRecords) {
        if (keepRecords < 0 || keepRecords > size()) {
            throw new IllegalArgumentException("cannot keep " + keepRecords + " of " + size() + " records");
        }
        TestChecksumLog other = new TestChecksumLog(signer);
        Map<Long, String> keysById = new HashMap<>();
        ids.forEach((key, id) -> keysById.put(id, key));
        for (long id = 0; id < keepRecords; id++) {
            other.appendRecord(records.get((int) id));
            String key = keysById.get(id);
            if (key != null) {
                other.ids.put(key, id);
            }
        }
        return other;
    }
}
