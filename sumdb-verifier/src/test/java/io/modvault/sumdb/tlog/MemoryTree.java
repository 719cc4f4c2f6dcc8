package io.modvault.sumdb.tlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongFunction;

/** A test oracle: the RFC 6962 Merkle tree hash computed straight from its recursive definition. */
final class MemoryTree implements RangeHasher {

    private final List<byte[]> leaves = new ArrayList<>();

    static MemoryTree of(int size, LongFunction<byte[]> record) {
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < size; i++) {
            tree.leaves.add(Hashes.recordHash(record.apply(i)));
        }
        return tree;
    }

    static MemoryTree ofAscii(int size, LongFunction<String> record) {
        return of(size, i -> record.apply(i).getBytes(StandardCharsets.US_ASCII));
    }

    byte[] leaf(long i) {
        return leaves.get((int) i);
    }

    byte[] root(long n) {
        return n == 0 ? Hashes.emptyTreeHash() : rangeHash(0, n);
    }

    @Override
    public byte[] rangeHash(long lo, long hi) {
        if (hi - lo == 1) {
            return leaves.get((int) lo);
        }
        long k = Long.highestOneBit(hi - lo - 1);
        return Hashes.nodeHash(rangeHash(lo, lo + k), rangeHash(lo + k, hi));
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static byte[] unhex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
