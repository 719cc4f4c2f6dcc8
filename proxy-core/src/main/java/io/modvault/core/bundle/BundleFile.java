package io.modvault.core.bundle;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file the exporter will write after the manifest: its path in the bundle, size, SHA-256,
 * and where its bytes come from (held in memory for the small ones, a stored blob for zips, read
 * again when written, so the export never holds a zip in memory).
 */
record BundleFile(String path, long size, String sha256, Source source) {

    /** Where the bytes are: in memory, or a stored blob file. */
    sealed interface Source {
        record Bytes(byte[] bytes) implements Source {}

        record Blob(Path file) implements Source {}
    }

    static BundleFile of(String path, byte[] bytes) {
        return new BundleFile(path, bytes.length, sha256(bytes), new Source.Bytes(bytes));
    }

    static BundleFile blob(String path, Path file, long size, String sha256) {
        return new BundleFile(path, size, sha256, new Source.Blob(file));
    }

    BundleManifest.File manifestEntry() {
        return new BundleManifest.File(path, size, sha256);
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
