package io.modvault.core.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The first entry of a bundle ({@link BundleLayout#MANIFEST}), describing everything after it, so
 * that import checks each entry as it streams past: every file's size and SHA-256, every module
 * version's {@code h1:} hashes (and whether the checksum database vouches for it), the database
 * name, key and the signed tree head every bundled lookup is proven against, the export time and
 * the selectors it was made with. Serialized as indented JSON ending in a newline, which is also
 * valid note text, so the manifest bytes can be signed as a note ({@link ManifestSignature}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(
        String format,
        String exportedAt,
        List<String> selectors,
        Database checksumDatabase,
        List<Module> modules,
        List<File> files) {
    public static final String FORMAT = "modvault-bundle/1";
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Indented with "\n" whatever the platform: the bytes are signed and must be reproducible. */
    private static final ObjectWriter WRITER =
            JSON.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    public BundleManifest {
        Objects.requireNonNull(format, "format");
        selectors = List.copyOf(selectors);
        modules = List.copyOf(modules);
        files = List.copyOf(files);
    }

    /** The checksum database the lookups come from; {@code treeHead} is the signed note they are all proven in. */
    public record Database(String name, String verifierKey, long treeSize, String treeHead) {}

    /** One module version; {@code mod}/{@code zip} are absent when the bundle does not carry that file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Module(String path, String version, String mod, String zip, boolean checksumDatabase) {}

    /** One tar entry after the manifest: its path in the GOPROXY layout, size and SHA-256 (hex). */
    public record File(String path, long size, String sha256) {}

    public Optional<Database> database() {
        return Optional.ofNullable(checksumDatabase);
    }

    public byte[] toJson() {
        try {
            byte[] json = WRITER.writeValueAsBytes(this);
            byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
            withNewline[json.length] = '\n';
            return withNewline;
        } catch (IOException e) {
            throw new UncheckedIOException("encoding the bundle manifest", e);
        }
    }

    /** Parses a manifest; an {@link IllegalArgumentException} says why it is not one. */
    public static BundleManifest fromJson(byte[] json) {
        BundleManifest manifest;
        try {
            manifest = JSON.readValue(json, BundleManifest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a bundle manifest: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(manifest.format())) {
            throw new IllegalArgumentException("unknown bundle format " + manifest.format() + ", expected " + FORMAT);
        }
        return manifest;
    }
}
