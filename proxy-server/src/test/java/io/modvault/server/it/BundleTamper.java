package io.modvault.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Rewrites a (small, test) bundle the way an attacker or a damaged medium would: one entry's bytes
 * replaced, optionally with the manifest's size and SHA-256 for it updated to match (what an
 * attacker without the signing key does), or the manifest JSON edited.
 */
final class BundleTamper {
    static final String MANIFEST = "modvault-manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, byte[]> entries;

    private BundleTamper(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    static BundleTamper read(Path bundle) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(bundle);
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                entries.put(e.getName(), tar.readAllBytes());
            }
        }
        return new BundleTamper(entries);
    }

    Map<String, byte[]> entries() {
        return entries;
    }

    /** The first entry whose path ends with {@code suffix}. */
    String find(String suffix) {
        return entries.keySet().stream()
                .filter(p -> p.endsWith(suffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bundle entry ending in " + suffix + ": " + entries.keySet()));
    }

    BundleTamper replace(String path, UnaryOperator<byte[]> change, boolean fixManifest) throws IOException {
        byte[] changed = change.apply(entries.get(path).clone());
        entries.put(path, changed);
        if (fixManifest) {
            editManifest(manifest -> {
                for (JsonNode file : manifest.get("files")) {
                    if (file.get("path").asText().equals(path)) {
                        ((ObjectNode) file).put("size", changed.length);
                        ((ObjectNode) file).put("sha256", sha256(changed));
                    }
                }
            });
        }
        return this;
    }

    BundleTamper editManifest(java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get(MANIFEST));
        edit.accept(manifest);
        entries.put(MANIFEST, (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n").getBytes());
        return this;
    }

    Path write(Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return target;
    }

    static byte[] flipMiddleByte(byte[] bytes) {
        bytes[bytes.length / 2] ^= 0x01;
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
