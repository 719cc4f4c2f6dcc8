package io.modvault.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A minimal {@code h1:} (dirhash Hash1) for the fixtures' own tests, so they can check zips and
 * go.mod files against the spec vectors and against what the go command reports.
 */
final class H1 {

    private H1() {}

    /** Hash1 over named contents: SHA-256 of the sorted "hex  name\n" summary, base64. */
    static String of(Map<String, byte[]> files) {
        StringBuilder summary = new StringBuilder();
        new TreeMap<>(files)
                .forEach((name, bytes) -> summary.append(HexFormat.of().formatHex(sha256(bytes)))
                        .append("  ")
                        .append(name)
                        .append('\n'));
        return "h1:"
                + Base64.getEncoder().encodeToString(sha256(summary.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The go.sum hash of a go.mod: Hash1 over the single file named {@code go.mod}. */
    static String ofGoMod(byte[] goMod) {
        return of(Map.of("go.mod", goMod));
    }

    /** The go.sum hash of a module zip: Hash1 over its entries by full entry name. */
    static String ofZip(Path zip) {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                try (InputStream in = file.getInputStream(entry)) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("hashing " + zip, e);
        }
        return of(files);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
