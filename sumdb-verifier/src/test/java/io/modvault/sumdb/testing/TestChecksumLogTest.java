package io.modvault.sumdb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import io.modvault.sumdb.SumdbVerifier;
import io.modvault.sumdb.VerifiedLookup;
import io.modvault.sumdb.note.VerifierKey;
import io.modvault.sumdb.tlog.TreeHead;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestChecksumLogTest {

    private final TestChecksumLog log = TestChecksumLog.create("sumdb.test");
    private final SumdbVerifier verifier = new SumdbVerifier(VerifierKey.parse(log.verifierKey()));

    private void addModules(int from, int to) {
        for (int i = from; i < to; i++) {
            log.addRecord("example.com/m" + i, "v1.0." + i, zipHash(i), modHash(i));
        }
    }

    private static String zipHash(int i) {
        return "h1:" + String.format("%043d", i) + "=";
    }

    private static String modHash(int i) {
        return "h1:" + String.format("%043d", i + 1_000_000) + "=";
    }

    @Test
    void everyLookupVerifiesAsTheLogGrows() {
        Optional<TreeHead> trusted = Optional.of(TreeHead.empty());
        int size = 0;
        for (int next : new int[] {1, 3, 255, 256, 257, 600}) {
            addModules(size, next);
            size = next;
            for (int i : new int[] {0, size / 2, size - 1}) {
                VerifiedLookup lookup = verifier.verifyLookup(
                        "example.com/m" + i,
                        "v1.0." + i,
                        log.lookup("example.com/m" + i, "v1.0." + i).orElseThrow(),
                        trusted,
                        log.tileSource());
                SumdbVerifier.requireHashes(
                        lookup, "example.com/m" + i, "v1.0." + i, Optional.of(zipHash(i)), Optional.of(modHash(i)));
                assertThat(lookup.recordId()).isEqualTo(i);
                trusted = Optional.of(lookup.tree());
            }
            assertThat(trusted.orElseThrow().size()).isEqualTo(size);
        }
    }

    @Test
    void servesTilesInsideTheTreeOnly() {
        addModules(0, 300);

        assertThat(log.tile("tile/8/0/000"))
                .hasValueSatisfying(t -> assertThat(t).hasSize(256 * 32));
        assertThat(log.tile("tile/8/0/001.p/44"))
                .hasValueSatisfying(t -> assertThat(t).hasSize(44 * 32));
        assertThat(log.tile("tile/8/0/001.p/10"))
                .hasValueSatisfying(t -> assertThat(t).hasSize(10 * 32));
        assertThat(log.tile("tile/8/1/000.p/1"))
                .hasValueSatisfying(t -> assertThat(t).isEqualTo(log.treeHash(256)));
        assertThat(log.tile("tile/8/0/001.p/45")).isEmpty();
        assertThat(log.tile("tile/8/0/001")).isEmpty();
        assertThat(log.tile("tile/8/1/000.p/2")).isEmpty();
        assertThat(log.tile("tile/8/2/000.p/1")).isEmpty();
        assertThat(log.tile("tile/4/0/000")).isEmpty();
        assertThat(log.tile("tile/8/0/1")).isEmpty();
        assertThat(log.tile("tile/8/data/001.p/44").map(b -> new String(b, StandardCharsets.UTF_8)))
                .hasValueSatisfying(d -> assertThat(d)
                        .startsWith("example.com/m256 v1.0.256 ")
                        .endsWith("/go.mod " + modHash(299) + "\n\n"));
    }

    @Test
    void aTamperedTileFailsVerification() {
        addModules(0, 10);
        byte[] body = log.lookup("example.com/m4", "v1.0.4").orElseThrow();

        assertThatThrownBy(() -> verifier.verifyLookup("example.com/m4", "v1.0.4", body, Optional.empty(), t -> {
                    byte[] tile = log.tileSource().readTile(t);
                    tile[4 * 32] ^= 0x40;
                    return tile;
                }))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TILE));
    }

    @Test
    void aForkWithTheSameKeyIsDetected() {
        addModules(0, 10);
        TreeHead trusted = verifier.verifyTreeHead(log.signedTreeHead());
        TestChecksumLog fork = log.fork(7);
        fork.addRecord("example.com/evil", "v1.0.0", zipHash(99), modHash(99));
        fork.addRecord("example.com/m8", "v1.0.8", zipHash(8), modHash(8));
        fork.addRecord("example.com/m9", "v1.0.9", zipHash(9), modHash(9));
        fork.addRecord("example.com/m10", "v1.0.10", zipHash(10), modHash(10));

        assertThat(fork.verifierKey()).isEqualTo(log.verifierKey());
        assertThat(fork.treeHash(7)).isEqualTo(log.treeHash(7));
        assertThatThrownBy(() -> verifier.verifyLookup(
                        "example.com/m10",
                        "v1.0.10",
                        fork.lookup("example.com/m10", "v1.0.10").orElseThrow(),
                        Optional.of(trusted),
                        fork.tileSource()))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORK))
                .hasMessageContaining("new database:\n\tgo.sum database tree\n\t11\n");
        assertThat(verifier.verifyLookup(
                                "example.com/m3",
                                "v1.0.3",
                                fork.lookup("example.com/m3", "v1.0.3").orElseThrow(),
                                Optional.of(verifier.verifyTreeHead(log.fork(7).signedTreeHead())),
                                fork.tileSource())
                        .advanced())
                .isTrue();
    }

    @Test
    void publishesAKeyTheGoCommandAccepts() {
        VerifierKey key = VerifierKey.parse(log.verifierKey());

        assertThat(key.name()).isEqualTo("sumdb.test");
        assertThat(log.verifierKey()).matches("sumdb\\.test\\+[0-9a-f]{8}\\+A[A-Za-z0-9+/]{43}");
        assertThat(log.lookup("example.com/none", "v1.0.0")).isEmpty();
        log.addRecord("example.com/x", "v1.0.0", "h1:a", "h1:b");
        assertThatThrownBy(() -> log.addRecord("example.com/x", "v1.0.0", "h1:a", "h1:b"))
                .isInstanceOf(IllegalStateException.class);
    }
}
