package io.modvault.core.storage.rocksdb;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.storage.StoreException;
import io.modvault.core.storage.StoredEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValueCodecTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123Z");
    private static final String SHA = "6ef7b9ab3ac1ea8dfb1bde3f8c0a0c2e4a8b1e0fe4b0a0ecb9d7d8fbd04c5e11";

    @Test
    void entryKeepsPayloadAndStoredAt() {
        byte[] raw = ValueCodec.encodeEntry(AT, "payload".getBytes(UTF_8));

        StoredEntry entry = ValueCodec.decodeEntry(raw, "get info:m");

        assertThat(raw).hasSize(1 + 8 + 7);
        assertThat(raw[0]).isEqualTo(ValueCodec.VERSION);
        assertThat(entry.value()).isEqualTo("payload".getBytes(UTF_8));
        assertThat(entry.storedAt()).isEqualTo(AT);
    }

    @Test
    void blobIndexKeepsSizeHashMetadataAndStoredAt() {
        ValueCodec.BlobIndex index = new ValueCodec.BlobIndex(12345L, SHA, "meta".getBytes(UTF_8), AT);

        byte[] raw = ValueCodec.encodeBlobIndex(index);
        ValueCodec.BlobIndex decoded = ValueCodec.decodeBlobIndex(raw, "blob zip:m");

        assertThat(raw).hasSize(1 + 8 + 8 + 32 + 4);
        assertThat(decoded).usingRecursiveComparison().isEqualTo(index);
    }

    @Test
    void rejectsAnUnknownFormatVersionNamingTheKey() {
        byte[] raw = ValueCodec.encodeEntry(AT, new byte[] {1});
        raw[0] = 9;

        assertThatThrownBy(() -> ValueCodec.decodeEntry(raw, "get info:example.com/m"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("get info:example.com/m")
                .hasMessageContaining("version 9");
    }

    @Test
    void rejectsAValueShorterThanItsHeader() {
        byte[] entry = ValueCodec.encodeEntry(AT, new byte[0]);

        assertThatThrownBy(() -> ValueCodec.decodeBlobIndex(entry, "blob zip:example.com/m"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("blob zip:example.com/m");
    }
}
