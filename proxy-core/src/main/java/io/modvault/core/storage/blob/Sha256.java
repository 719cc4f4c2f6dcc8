package io.modvault.core.storage.blob;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 helpers for blob names: validation of hex names and hashing a file while syncing it. */
final class Sha256 {
    private static final int HEX_LENGTH = 64;

    private Sha256() {}

    record Digest(long size, String sha256Hex) {}

    /**
     * Lower-cases and validates a hex SHA-256; it becomes a file name, so anything else (a path
     * separator, "..") must never get through.
     */
    static String normalize(String sha256Hex) {
        String hex = sha256Hex.toLowerCase(Locale.ROOT);
        if (hex.length() != HEX_LENGTH || !hex.chars().allMatch(c -> HexFormat.isHexDigit(c))) {
            throw new IllegalArgumentException("not a hex SHA-256: \"" + sha256Hex + "\"");
        }
        return hex;
    }

    /** Reads the whole file through the digest, then fsyncs it. */
    static Digest hashAndSync(Path file) throws IOException {
        MessageDigest digest = newDigest();
        long size = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                size += buffer.remaining();
                digest.update(buffer);
                buffer.clear();
            }
            channel.force(true);
        }
        return new Digest(size, HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
