package io.modvault.sumdb.tlog;

/**
 * Source of the tree hashes {@code MTH(lo, hi)} that proof construction asks for: the hash of
 * records {@code [lo, hi)} as a complete subtree or a right-edge tree of the log.
 */
@FunctionalInterface
public interface RangeHasher {

    byte[] rangeHash(long lo, long hi);
}
