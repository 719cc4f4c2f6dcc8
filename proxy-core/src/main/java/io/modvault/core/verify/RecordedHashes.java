package io.modvault.core.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The {@code h1:} hash recorded for a stored artifact ({@link io.modvault.core.storage.EntryKind#HASHES},
 * keys from {@link HashLedger}: {@code escapedPath@escapedVersion/mod} holds {@code mod},
 * {@code …/zip} holds {@code zip}), written when the {@code .mod} or {@code .zip} is stored.
 * {@code source} says what vouched for them: the checksum database's name when it proved them,
 * or {@code "unverified: <why>"} (GONOSUMDB, GOSUMDB=off) when they were only computed at
 * download time. {@code modvault verify} re-hashes the stored bytes against these values.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordedHashes(
        @JsonProperty("mod") String modHash,
        @JsonProperty("modSource") String modSource,
        @JsonProperty("zip") String zipHash,
        @JsonProperty("zipSource") String zipSource) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static RecordedHashes empty() {
        return new RecordedHashes(null, null, null, null);
    }

    public Optional<String> mod() {
        return Optional.ofNullable(modHash);
    }

    public Optional<String> zip() {
        return Optional.ofNullable(zipHash);
    }

    public RecordedHashes withMod(String hash, String source) {
        return new RecordedHashes(hash, source, zipHash, zipSource);
    }

    public RecordedHashes withZip(String hash, String source) {
        return new RecordedHashes(modHash, modSource, hash, source);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding recorded hashes", e);
        }
    }

    public static RecordedHashes fromJson(byte[] json) {
        try {
            return JSON.readValue(json, RecordedHashes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("decoding recorded hashes", e);
        }
    }
}
