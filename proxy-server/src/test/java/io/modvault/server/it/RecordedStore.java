package io.modvault.server.it;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.rocksdb.RocksDbModuleStore;
import io.modvault.core.testing.ModuleZips;
import io.modvault.core.testing.TestModule;
import io.modvault.core.verify.HashLedger;
import io.modvault.core.verify.RecordedHashes;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a RocksDB data directory the way the fetch path leaves it: for each module its go.mod,
 * its zip blob and the {@link RecordedHashes} of both, so {@code modvault verify} finds it clean.
 */
public final class RecordedStore {

    private RecordedStore() {}

    /** The store key of a module version: escaped path {@code @} escaped version. */
    public static String key(TestModule module) {
        return escape(module.path()) + "@" + escape(module.version());
    }

    /** Creates (or adds to) the store in {@code dataDir}, closes it again and returns {@code dataDir}. */
    public static Path populate(Path dataDir, List<TestModule> modules, Path scratch) {
        try (ModuleStore store = RocksDbModuleStore.open(dataDir, Clock.systemUTC())) {
            for (TestModule module : modules) {
                String key = key(module);
                Path zip = ModuleZips.write(module, scratch.resolve(key.replace('/', '_') + ".zip"));
                Path staged = store.newTempFile();
                Files.copy(zip, staged, StandardCopyOption.REPLACE_EXISTING);
                store.commitBlob(EntryKey.of(EntryKind.ZIP, key), staged, sha256(zip), new byte[0]);
                store.put(EntryKey.of(EntryKind.MOD, key), module.goMod());
                store.put(
                        EntryKey.of(EntryKind.HASHES, key + HashLedger.MOD_SUFFIX),
                        RecordedHashes.empty()
                                .withMod(DirHash.hashGoMod(module.goMod()), "sumdb.test")
                                .toJson());
                store.put(
                        EntryKey.of(EntryKind.HASHES, key + HashLedger.ZIP_SUFFIX),
                        RecordedHashes.empty()
                                .withZip(DirHash.hashZip(zip), "sumdb.test")
                                .toJson());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("populating " + dataDir, e);
        }
        return dataDir;
    }

    private static String escape(String plain) {
        StringBuilder out = new StringBuilder();
        plain.chars().forEach(c -> {
            if (c >= 'A' && c <= 'Z') {
                out.append('!').append((char) (c + ('a' - 'A')));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
