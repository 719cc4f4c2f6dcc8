package io.modvault.core.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks that a {@link StoredBlob}'s file is still what was committed: its size against the
 * recorded size (one {@code stat}, cheap enough before every response) and its SHA-256 against
 * its name (a full read, for {@code modvault verify} and the background scrub). A problem is
 * one line naming what differs, e.g. {@code blob is 512 bytes on disk, 1024 recorded}.
 */
public final class BlobIntegrity {
    private static final int BUFFER = 64 * 1024;

    private BlobIntegrity() {}

    /** Paces reads of a full check (the scrub's rate limit); called before each buffer is read. */
    @FunctionalInterface
    public interface ReadPacer {
        ReadPacer UNLIMITED = bytes -> {};

        void beforeRead(long bytes) throws InterruptedException;
    }

    /** The size check: empty when the file exists with the recorded size. */
    public static Optional<String> sizeProblem(StoredBlob blob) throws IOException {
        long onDisk;
        try {
            onDisk = Files.size(blob.file());
        } catch (NoSuchFileException e) {
            return Optional.of("blob file " + blob.sha256Hex() + " is gone");
        }
        return onDisk == blob.size()
                ? Optional.empty()
                : Optional.of("blob is " + onDisk + " bytes on disk, " + blob.size() + " recorded");
    }

    /** The size check, then the SHA-256 of the whole file against the blob's name. */
    public static Optional<String> contentProblem(StoredBlob blob, ReadPacer pacer)
            throws IOException, InterruptedException {
        Optional<String> size = sizeProblem(blob);
        if (size.isPresent()) {
            return size;
        }
        MessageDigest digest = sha256();
        try (FileChannel channel = FileChannel.open(blob.file(), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            pacer.beforeRead(BUFFER);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
                pacer.beforeRead(BUFFER);
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        return actual.equals(blob.sha256Hex())
                ? Optional.empty()
                : Optional.of("blob sha256 " + blob.sha256Hex() + ", content sha256 " + actual);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
