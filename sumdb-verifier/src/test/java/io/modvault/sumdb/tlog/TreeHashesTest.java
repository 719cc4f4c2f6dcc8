package io.modvault.sumdb.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import io.modvault.sumdb.TileSource;
import io.modvault.sumdb.testing.TestChecksumLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** checksums-and-sumdb.md §11.2 against test-vectors.md §D.6 (records "rec %d\n", tiles of height 8). */
class TreeHashesTest {

    private static final TestChecksumLog LOG = TestChecksumLog.create("tiles.test");

    @BeforeAll
    static void buildLog() {
        for (int i = 0; i < 70001; i++) {
            LOG.appendRecord("rec " + i + "\n");
        }
    }

    @Test
    void computesTheRootsOfTreesOfEverySizeFromTiles() {
        Map<Long, String> roots = Map.ofEntries(
                Map.entry(1L, "be9724b0091d84c0de2fe253c91e6ac9f95ad6136fc47c9bddc111433603f5e5"),
                Map.entry(2L, "dc96b04f55bd27dbee094457c028ecf159bf8104c99bde04b8e0297f32b10413"),
                Map.entry(3L, "42dfb797d7d13fcc09e7231561689c7d6b8ff57926091db6865c1ce694aa05ea"),
                Map.entry(5L, "fdb2ef8f83bc5bd50a7ce5088b3b063d9e46399ac499249e816ceac460264646"),
                Map.entry(17L, "656d88ae95251390c7ebead67f7270d5ab0c2815b94773a3b01cc770070c0059"),
                Map.entry(64L, "2266b071f02933edf4554e499a8376a2963070c71adc74d406873b97b22ef671"),
                Map.entry(65L, "9bb8db794ff5ac45016edc5eb11a0db340bcbea9b97625380637a33b400e6e7c"),
                Map.entry(255L, "10b7f443c64cddc771dad92e9d38aceb432ffdbc37c8795b1bc57023f4586c32"),
                Map.entry(256L, "1bf842abc5815bab76e43b9131a30600edde4e9ec57761a63472de282ebe1af5"),
                Map.entry(257L, "07a4edf1b12fd423f09c6e6ae26be9d6732f313d6b0e3081b1cd54df48a74fc2"),
                Map.entry(517L, "8a57885f348533a99dbf97464a983e57efac0ee599625cefb5e872053202f23d"),
                Map.entry(1000L, "d4572188dc77bbb7916adfb3ae8daf9d7cafcffc8c92526703922672793ef798"),
                Map.entry(66000L, "0c91cade46f4a1c46add56c59f03fba6726f828074101bd42c51110a6d21dc84"),
                Map.entry(70001L, "3b377ecfff568238059e220e6ee3afea192d8b574572ca4b85a03877b841541f"));

        roots.forEach((size, root) -> {
            assertThat(HexFormat.of().formatHex(new TreeHashes(8, LOG.tileSource(), 70001).treeHash(size)))
                    .as("TreeHash(%d) from tiles of tree 70001", size)
                    .isEqualTo(root);
            assertThat(HexFormat.of().formatHex(new TreeHashes(8, LOG.tileSource(), size).treeHash(size)))
                    .as("TreeHash(%d) from its own tiles", size)
                    .isEqualTo(root);
        });
        assertThat(b64(new TreeHashes(8, LOG.tileSource(), 70001).treeHash(70001)))
                .isEqualTo("Ozd+z/9WgjgFniIObuOv6hkti1dFcspLhaA4d7hBVB8=");
    }

    @Test
    void provesInclusionWithTheTilesTheGoCommandWouldFetch() {
        RecordingSource tiles = new RecordingSource(LOG.tileSource());
        TreeHashes hashes = new TreeHashes(8, tiles, 70001);

        List<byte[]> proof = RecordProof.prove(70001, 12345, hashes);

        assertThat(b64(hashes.hashAt(0, 12345))).isEqualTo("SH10teyqIR7uMm+zz2XYF4RIfCVZJq/2k5N2r3ejJ/s=");
        assertThat(proof.stream().map(TreeHashesTest::b64).toList())
                .containsExactly(
                        "4AhmzMt36bu3Qg55/AwcUloVo2JpmHbp8b4inEWOPiA=",
                        "GUVSzLhW5CJBipT9HF2MaXGKFdlc+g6c2MjxItM+4gM=",
                        "g5BKrkkcxrjDa25nB1udlS3cY/l87N6HKpjUq6vu1mo=",
                        "5gqbH8Jz9+P1NtYbsZWf/K9Cks0lb9qv0YcKxrw56+w=",
                        "N4VLhk6WUVzevo1l2T2alsDjNBakmZ5mLM3cdmB/Tkk=",
                        "cQZbNELSjuZdtnyeIX6yD2ZRhi1dgn8lXfJjzYzMRBs=",
                        "RGsafpzRDGvHa5v7FekzZbACkFTUG4kIDOE9Okr4RCE=",
                        "RNoYCIZmI2WeTiOSYzqgYGTuaGnx1rwGKgjAoR2iq7I=",
                        "pKIRW3P4awTAom1J2jnRzVVwhGKvinLutCF0ecqwHc0=",
                        "nRBka0ZAmhOPPKyAI9MFmWPLZePTxaV27/+uSD/LYDM=",
                        "hP1KV00h+oF0dp8f8v2vt7IDPCr+ug2yaGqdR+ZhxrM=",
                        "cCkQ+LljFTlx11gJsN5IA0G6WoH4zKOG+SqcvelL3fo=",
                        "UcFk4L6aaaCQoYUYFtMhQ2HKR9EI+tFrUYWcEDbpMRk=",
                        "IIa857SfOJovrBw9MSu1q2mE+JdZw9JfMaU4MqIEa08=",
                        "Wxcu2oJEK+r1l1GIeN9K99mYglNA3hmjU+YSl3yaFiQ=",
                        "fTeBfQ2yJUAZx3P5ekyFKArqSZrnXx9J3HdioWypUDk=",
                        "y86ewJ7LqkxQ6C0z42m4GBHbZyRQApC6mserxqYkE0o=");
        assertThat(RecordProof.check(proof, 70001, LOG.treeHash(70001), 12345, hashes.hashAt(0, 12345)))
                .isTrue();
        assertThat(tiles.paths)
                .containsExactlyInAnyOrder("tile/8/0/048", "tile/8/0/273.p/113", "tile/8/1/000", "tile/8/1/001.p/17");
    }

    @Test
    void provesConsistencyWithTheTilesOfTheNewerTree() {
        RecordingSource tiles = new RecordingSource(LOG.tileSource());
        TreeHashes hashes = new TreeHashes(8, tiles, 70001);

        List<byte[]> proof = TreeProof.prove(70001, 66000, hashes);

        assertThat(proof.stream().map(TreeHashesTest::b64).toList())
                .containsExactly(
                        "wH96zgyOGtAj0FyqwAg5W6XbQPHntiy3+IfNtm7Saqc=",
                        "PPUXRPKBQySm7+LnierOIfaX0sD1cP+iDzsnJ1SkGAg=",
                        "i/LkF/w2vbBvf45gqQdnJQdFBvyUMR74643K0f2k4Ks=",
                        "8OL0w0FknqJEtlkVAaGlxRjRUzp+JFiHPTzb8YDTNiI=",
                        "ijGPeGDlxEU4KYvPgIsElg6ikPUeq1Uan4QTbHadYAk=",
                        "dGOGVOZjkasTob09eLL05X0ajAe+fHAkv/3YJoPHSeo=",
                        "9yRyHiUvH14juhm1JkZIsxhjeiS/CoV3gQd/4svQfWc=",
                        "bxOxVAas8f8Zo3WH/O6eXFSALAOoOlHkkbxUn8L6BIA=",
                        "bM12EkpqjGAJ0n5zQTZyAgTPC2xaxqdtvFzlGCqbbeg=",
                        "eC7RPGjM+yBtkMnq9XBv+e3IWtQYJoLol5a0ruHJyE4=",
                        "H/UbKGvcLqVNv1cvN5y/AzZSK1Jn0R+O56cdFDlQwZY=");
        assertThat(TreeProof.check(proof, 70001, LOG.treeHash(70001), 66000, LOG.treeHash(66000)))
                .isTrue();
        assertThat(tiles.paths)
                .containsExactlyInAnyOrder(
                        "tile/8/0/257", "tile/8/0/273.p/113", "tile/8/1/001.p/17", "tile/8/2/000.p/1");
    }

    @Test
    void aFlippedBitInAnyTileUsedBreaksTheProof() {
        for (String path : List.of("tile/8/0/048", "tile/8/0/273.p/113", "tile/8/1/000", "tile/8/1/001.p/17")) {
            byte[] leaf = hashOfRecord(12345);
            TreeHashes hashes = new TreeHashes(8, corrupting(path), 70001);
            List<byte[]> proof = RecordProof.prove(70001, 12345, hashes);
            boolean ok = RecordProof.check(proof, 70001, LOG.treeHash(70001), 12345, hashes.hashAt(0, 12345))
                    && Arrays.equals(hashes.hashAt(0, 12345), leaf);
            assertThat(ok).as("inclusion with corrupted %s", path).isFalse();
        }
        for (String path : List.of("tile/8/0/257", "tile/8/0/273.p/113", "tile/8/1/001.p/17", "tile/8/2/000.p/1")) {
            TreeHashes hashes = new TreeHashes(8, corrupting(path), 70001);
            List<byte[]> proof = TreeProof.prove(70001, 66000, hashes);
            assertThat(TreeProof.check(proof, 70001, LOG.treeHash(70001), 66000, LOG.treeHash(66000)))
                    .as("consistency with corrupted %s", path)
                    .isFalse();
        }
    }

    @Test
    void reportsUnreadableAndWrongSizedTilesAsTileErrors() {
        TreeHashes failing = new TreeHashes(
                8,
                t -> {
                    throw new IOException("connection reset");
                },
                300);
        TreeHashes truncated = new TreeHashes(8, t -> new byte[31], 300);

        assertThatThrownBy(() -> failing.treeHash(300))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TILE))
                .hasMessageContaining("reading tile/8/")
                .hasMessageContaining("connection reset");
        assertThatThrownBy(() -> truncated.hashAt(0, 0))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TILE))
                .hasMessage("tile/8/0/000: expected 8192 bytes, got 31");
    }

    @Test
    void refusesHashesOutsideTheTree() {
        TreeHashes hashes = new TreeHashes(8, LOG.tileSource(), 5);

        assertThatThrownBy(() -> hashes.hashAt(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hashes.hashAt(3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hashes.rangeHash(1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(hashes.treeHash(0)).isEqualTo(Hashes.emptyTreeHash());
    }

    private static byte[] hashOfRecord(long i) {
        return Hashes.recordHash(("rec " + i + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static TileSource corrupting(String path) {
        return t -> {
            byte[] data = LOG.tileSource().readTile(t);
            if (t.path().equals(path)) {
                data[data.length / 2] ^= 0x01;
            }
            return data;
        };
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static final class RecordingSource implements TileSource {
        final List<String> paths = new ArrayList<>();
        private final TileSource delegate;

        RecordingSource(TileSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public byte[] readTile(Tile tile) throws IOException {
            paths.add(tile.path());
            return delegate.readTile(tile);
        }
    }
}
