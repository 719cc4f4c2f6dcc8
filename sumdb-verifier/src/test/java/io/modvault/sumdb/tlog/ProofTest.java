package io.modvault.sumdb.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProofTest {

    private final MemoryTree tree = HashesTest.rfcTree();

    @Test
    void provesInclusionLikeXmod() {
        assertRecordProof(
                8,
                0,
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertRecordProof(
                8,
                5,
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertRecordProof(
                7,
                6,
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertRecordProof(5, 4, "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertRecordProof(3, 2, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertRecordProof(1, 0);
    }

    @Test
    void provesConsistencyLikeXmod() {
        assertTreeProof(
                8,
                2,
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertTreeProof(8, 4, "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertTreeProof(
                8,
                6,
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertTreeProof(
                7,
                3,
                "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e");
        assertTreeProof(
                5,
                1,
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        for (int t = 1; t <= 8; t++) {
            assertTreeProof(t, t);
        }
    }

    @Test
    void everyProofOfEveryTreeVerifiesAndNoAlteredProofDoes() {
        MemoryTree big = MemoryTree.ofAscii(70, i -> "leaf " + i);
        for (long t = 1; t <= 70; t++) {
            byte[] root = big.root(t);
            for (long n = 0; n < t; n++) {
                List<byte[]> p = RecordProof.prove(t, n, big);
                assertThat(RecordProof.check(p, t, root, n, big.leaf(n)))
                        .as("record %d in %d", n, t)
                        .isTrue();
                assertThat(RecordProof.check(p, t, root, n, big.leaf((n + 1) % 70)))
                        .isFalse();
                if (!p.isEmpty()) {
                    assertThat(RecordProof.check(p.subList(0, p.size() - 1), t, root, n, big.leaf(n)))
                            .isFalse();
                    assertThat(RecordProof.check(flipped(p, p.size() - 1), t, root, n, big.leaf(n)))
                            .isFalse();
                }
            }
            for (long n = 1; n <= t; n++) {
                List<byte[]> p = TreeProof.prove(t, n, big);
                assertThat(TreeProof.check(p, t, root, n, big.root(n)))
                        .as("tree %d in %d", n, t)
                        .isTrue();
                assertThat(TreeProof.check(p, t, root, n, big.root(n - 1))).isFalse();
                if (!p.isEmpty()) {
                    assertThat(TreeProof.check(flipped(p, 0), t, root, n, big.root(n)))
                            .isFalse();
                    assertThat(TreeProof.check(p.subList(1, p.size()), t, root, n, big.root(n)))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void rejectsProofsWithWrongLengthOrParameters() {
        List<byte[]> p = RecordProof.prove(8, 0, tree);
        List<byte[]> longer = new ArrayList<>(p);
        longer.add(p.get(0));

        assertThat(RecordProof.check(longer, 8, tree.root(8), 0, tree.leaf(0))).isFalse();
        assertThat(RecordProof.check(p, 8, tree.root(8), 8, tree.leaf(0))).isFalse();
        assertThat(RecordProof.check(p, 8, tree.root(8), -1, tree.leaf(0))).isFalse();
        assertThat(TreeProof.check(List.of(), 8, tree.root(8), 0, Hashes.emptyTreeHash()))
                .isFalse();
        assertThat(TreeProof.check(List.of(), 8, tree.root(8), 9, tree.root(8))).isFalse();
        assertThat(TreeProof.check(List.of(tree.root(8)), 8, tree.root(8), 8, tree.root(8)))
                .isFalse();
    }

    private void assertRecordProof(long t, long n, String... expected) {
        List<byte[]> proof = RecordProof.prove(t, n, tree);

        assertThat(proof.stream().map(MemoryTree::hex).toList())
                .as("ProveRecord(%d, %d)", t, n)
                .containsExactly(expected);
        assertThat(RecordProof.check(hashes(expected), t, tree.root(t), n, tree.leaf(n)))
                .isTrue();
        if (expected.length > 0) {
            assertThat(RecordProof.check(flipped(hashes(expected), 0), t, tree.root(t), n, tree.leaf(n)))
                    .isFalse();
        }
    }

    private void assertTreeProof(long t, long n, String... expected) {
        List<byte[]> proof = TreeProof.prove(t, n, tree);

        assertThat(proof.stream().map(MemoryTree::hex).toList())
                .as("ProveTree(%d, %d)", t, n)
                .containsExactly(expected);
        assertThat(TreeProof.check(hashes(expected), t, tree.root(t), n, tree.root(n)))
                .isTrue();
        if (expected.length > 0) {
            assertThat(TreeProof.check(
                            flipped(hashes(expected), expected.length - 1), t, tree.root(t), n, tree.root(n)))
                    .isFalse();
        }
    }

    private static List<byte[]> hashes(String... hex) {
        return Arrays.stream(hex).map(MemoryTree::unhex).toList();
    }

    static List<byte[]> flipped(List<byte[]> proof, int which) {
        List<byte[]> copy = new ArrayList<>();
        for (byte[] h : proof) {
            copy.add(h.clone());
        }
        copy.get(which)[7] ^= 0x10;
        return copy;
    }
}
