package io.modvault.core.storage;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture of the {@link ModuleStore} contract tests: a store opened in a temp directory with a
 * {@link MutableClock}, reopened on demand, and helpers to write temp files and commit blobs.
 * Implementations extend {@link ModuleStoreContract}, not this class.
 */
public abstract class StoreContractSupport {
    protected static final Instant START = Instant.parse("2026-03-01T10:15:30.123Z");

    @TempDir
    protected Path dir;

    protected final MutableClock clock = new MutableClock(START);
    protected ModuleStore store;

    /** Opens the implementation under test with its files under {@code dir}. */
    protected abstract ModuleStore open(Path dir, Clock clock);

    /** Whether entries and blob index entries survive close and reopen. */
    protected abstract boolean keepsEntriesAcrossReopen();

    @BeforeEach
    final void openStore() {
        store = open(dir, clock);
    }

    @AfterEach
    final void closeStore() {
        store.close();
    }

    protected final void reopen() {
        store.close();
        store = open(dir, clock);
    }

    protected static EntryKey key(EntryKind kind, String key) {
        return EntryKey.of(kind, key);
    }

    protected static EntryKey zip(String key) {
        return EntryKey.of(EntryKind.ZIP, key);
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    protected final String text(EntryKey key) {
        return new String(store.get(key).orElseThrow().value(), UTF_8);
    }

    protected final Path tempWith(byte[] content) {
        try {
            return Files.write(store.newTempFile(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected final StoredBlob commit(EntryKey indexKey, byte[] content, byte[] metadata) {
        return store.commitBlob(indexKey, tempWith(content), sha256(content), metadata);
    }

    protected final Path blobPath(String sha256Hex) {
        return dir.resolve("blobs")
                .resolve("sha256")
                .resolve(sha256Hex.substring(0, 2))
                .resolve(sha256Hex);
    }

    /** Every regular file under {@code blobs/}. */
    protected final List<Path> blobFiles() {
        try (Stream<Path> files = Files.walk(dir.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
