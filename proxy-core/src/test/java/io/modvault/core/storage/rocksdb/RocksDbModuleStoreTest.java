package io.modvault.core.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.ModuleStoreContract;
import io.modvault.core.storage.StoredBlob;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class RocksDbModuleStoreTest extends ModuleStoreContract {

    @Override
    protected ModuleStore open(Path dir, Clock clock) {
        return RocksDbModuleStore.open(dir, clock);
    }

    @Override
    protected boolean keepsEntriesAcrossReopen() {
        return true;
    }

    @Test
    void reopenKeepsEntriesWithTheirStoredAtAndBlobs() {
        EntryKey info = key(EntryKind.INFO, "golang.org/x/text@v0.3.0");
        EntryKey trust = key(EntryKind.TRUST, "sum.golang.org/latest");
        store.put(info, bytes("{\"Version\":\"v0.3.0\"}"));
        clock.advance(Duration.ofHours(1));
        store.putAll(Map.of(trust, bytes("tree head"), key(EntryKind.NEGATIVE, "example.com/gone"), bytes("")));
        StoredBlob blob = commit(zip("golang.org/x/text@v0.3.0"), bytes("zip bytes"), bytes("h1:x"));
        clock.advance(Duration.ofHours(1));

        reopen();

        assertThat(text(info)).isEqualTo("{\"Version\":\"v0.3.0\"}");
        assertThat(store.get(info).orElseThrow().storedAt()).isEqualTo(START);
        assertThat(store.get(trust).orElseThrow().storedAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(store.keys(EntryKind.NEGATIVE, "")).containsExactly("example.com/gone");
        assertThat(store.blob(zip("golang.org/x/text@v0.3.0")).orElseThrow())
                .usingRecursiveComparison()
                .isEqualTo(blob);
        assertThat(blob.file()).hasBinaryContent(bytes("zip bytes"));
    }

    @Test
    void blobRenamedIntoPlaceButNeverIndexedIsSweptAtReopen() throws Exception {
        StoredBlob indexed = commit(zip("example.com/a@v1.0.0"), bytes("indexed"), new byte[0]);
        byte[] orphanContent = bytes("renamed, then the process died");
        Path orphan = blobPath(sha256(orphanContent));
        Files.createDirectories(orphan.getParent());
        Files.write(orphan, orphanContent);
        Path stray = Files.write(dir.resolve("blobs").resolve("stray"), orphanContent);

        reopen();

        assertThat(orphan).doesNotExist();
        assertThat(stray).doesNotExist();
        assertThat(indexed.file()).hasBinaryContent(bytes("indexed"));
    }

    @Test
    void closeReleasesEverythingSoTheSameDirectoryOpensAgain() {
        EntryKey key = key(EntryKind.LIST, "example.com/m");
        store.close();
        for (int round = 1; round <= 2; round++) {
            try (ModuleStore again = open(dir, clock)) {
                again.put(key, bytes("round " + round));
            }
        }
        store = open(dir, clock);

        assertThat(text(key)).isEqualTo("round 2");
    }

    @Test
    void createsOneColumnFamilyPerEntryKind() throws Exception {
        store.close();
        List<byte[]> families;
        try (Options options = new Options()) {
            families = RocksDB.listColumnFamilies(options, dir.resolve("db").toString());
        }
        store = open(dir, clock);

        List<String> names = families.stream()
                .map(name -> new String(name, StandardCharsets.UTF_8))
                .toList();
        List<String> expected =
                Arrays.stream(EntryKind.values()).map(EntryKind::storageName).toList();
        assertThat(names).contains("default").containsAll(expected).hasSize(expected.size() + 1);
    }

    @Test
    void nativeLibraryIsLoadedFromAFixedNameNotAFreshTempCopy() throws Exception {
        Path maps = Path.of("/proc/self/maps");
        assumeThat(Files.isReadable(maps)).as("Linux /proc").isTrue();

        List<String> mapped = Files.readAllLines(maps).stream()
                .filter(line -> line.contains("librocksdbjni"))
                .map(line -> line.substring(line.indexOf('/')).replace(" (deleted)", ""))
                .distinct()
                .toList();

        assertThat(mapped).hasSize(1);
        Path library = Path.of(mapped.get(0));
        assertThat(library.getFileName().toString()).matches("librocksdbjni-linux[^0-9]*64[^0-9]*\\.so");
        String configured = System.getenv(NativeLibrary.SHAREDLIB_DIR_ENV);
        if (configured == null || configured.isBlank()) {
            assertThat(library.getParent().getFileName()).hasToString("native");
        } else {
            assertThat(library.getParent()).isEqualTo(Path.of(configured).toAbsolutePath());
        }
    }

    @Test
    void aStoreFromBeforeTheTimeIndexIsBackfilledOnceAtOpen() throws Exception {
        EntryKey mod = key(EntryKind.MOD, "golang.org/x/text@v0.3.0");
        store.put(mod, bytes("module golang.org/x/text"));
        clock.advance(Duration.ofHours(1));
        commit(zip("golang.org/x/text@v0.3.0"), bytes("zip bytes"), bytes("h1:x"));
        List<String> indexed = timeline();
        store.close();
        forgetTimeIndex();

        store = open(dir, clock);

        assertThat(indexed).hasSize(2);
        assertThat(timeline()).isEqualTo(indexed);
        store.close();
        forgetTimeIndex();
        store = open(dir, clock);
        assertThat(timeline()).as("backfilled once: the marker stays").isEmpty();
    }

    /** What a store written by a release without the index looks like: no time entries (and no marker the first time). */
    private void forgetTimeIndex() throws Exception {
        List<byte[]> names;
        try (Options options = new Options()) {
            names = RocksDB.listColumnFamilies(options, dir.resolve("db").toString());
        }
        List<ColumnFamilyDescriptor> descriptors =
                names.stream().map(ColumnFamilyDescriptor::new).toList();
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions();
                RocksDB db = RocksDB.open(options, dir.resolve("db").toString(), descriptors, handles)) {
            for (ColumnFamilyHandle handle : handles) {
                String name = new String(handle.getName(), StandardCharsets.UTF_8);
                if (name.equals(EntryKind.STORED.storageName())) {
                    db.deleteRange(handle, new byte[0], new byte[] {(byte) 0xff});
                }
            }
            if (!markerDropped) {
                db.delete("stored-timeline-backfilled".getBytes(StandardCharsets.UTF_8));
                markerDropped = true;
            }
        } finally {
            handles.forEach(ColumnFamilyHandle::close);
        }
    }

    private boolean markerDropped;
}
