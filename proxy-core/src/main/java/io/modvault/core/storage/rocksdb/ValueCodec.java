package io.modvault.core.storage.rocksdb;

import io.modvault.core.storage.StoreException;
import io.modvault.core.storage.StoredEntry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * On-disk value formats. An entry is {@code [version 1][storedAt epoch millis, 8][payload]};
 * a zip index value is {@code [version 1][storedAt millis, 8][size, 8][sha256, 32][metadata]}.
 * The version byte lets a later release change a format and still read the old one.
 */
final class ValueCodec {
    static final byte VERSION = 1;
    private static final int ENTRY_HEADER = 1 + Long.BYTES;
    private static final int SHA256_BYTES = 32;
    private static final int BLOB_HEADER = ENTRY_HEADER + Long.BYTES + SHA256_BYTES;

    private ValueCodec() {}

    /** A decoded zip index value. */
    record BlobIndex(long size, String sha256Hex, byte[] metadata, Instant storedAt) {}

    static byte[] encodeEntry(Instant storedAt, byte[] payload) {
        return ByteBuffer.allocate(ENTRY_HEADER + payload.length)
                .put(VERSION)
                .putLong(storedAt.toEpochMilli())
                .put(payload)
                .array();
    }

    /** {@code where} names the operation and key for the error message. */
    static StoredEntry decodeEntry(byte[] raw, String where) {
        ByteBuffer buffer = header(raw, ENTRY_HEADER, where);
        Instant storedAt = Instant.ofEpochMilli(buffer.getLong());
        return new StoredEntry(Arrays.copyOfRange(raw, ENTRY_HEADER, raw.length), storedAt);
    }

    static byte[] encodeBlobIndex(BlobIndex index) {
        return ByteBuffer.allocate(BLOB_HEADER + index.metadata().length)
                .put(VERSION)
                .putLong(index.storedAt().toEpochMilli())
                .putLong(index.size())
                .put(HexFormat.of().parseHex(index.sha256Hex()))
                .put(index.metadata())
                .array();
    }

    static BlobIndex decodeBlobIndex(byte[] raw, String where) {
        ByteBuffer buffer = header(raw, BLOB_HEADER, where);
        Instant storedAt = Instant.ofEpochMilli(buffer.getLong());
        long size = buffer.getLong();
        byte[] sha = new byte[SHA256_BYTES];
        buffer.get(sha);
        byte[] metadata = Arrays.copyOfRange(raw, BLOB_HEADER, raw.length);
        return new BlobIndex(size, HexFormat.of().formatHex(sha), metadata, storedAt);
    }

    private static ByteBuffer header(byte[] raw, int minLength, String where) {
        if (raw.length < minLength) {
            throw new StoreException(where + ": stored value is " + raw.length + " bytes, shorter than its " + minLength
                    + "-byte header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        byte version = buffer.get();
        if (version != VERSION) {
            throw new StoreException(
                    where + ": stored value has format version " + version + ", this build reads version " + VERSION);
        }
        return buffer;
    }
}
