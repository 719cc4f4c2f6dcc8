package io.modvault.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.MutableClock;
import io.modvault.core.storage.StoredEntry;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.sumdb.testing.TestChecksumLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failure 8 of issue 7: narrower partial tiles cut from cached wider ones, compared with the log's own tiles. */
class NarrowerTilesTest {
    private static final String DB = "sumdb.test";

    @TempDir
    Path dir;

    private ModuleStore store;
    private TestChecksumLog log;
    private NarrowerTiles tiles;

    @BeforeEach
    void setUp() {
        store = InMemoryModuleStore.open(dir, new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
        log = TestChecksumLog.create(DB);
        for (int i = 0; i < 300; i++) {
            log.addRecord(
                    "example.test/m" + i, "v1.0." + i, "h1:" + "A".repeat(43) + "=", "h1:" + "B".repeat(43) + "=");
        }
        tiles = new NarrowerTiles(store);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void cache(String path) {
        store.put(EntryKey.of(EntryKind.SUMDB, DB + "/" + path), log.tile(path).orElseThrow());
    }

    private byte[] derived(String path) {
        return tiles.derive(DB, path).map(StoredEntry::value).orElseThrow();
    }

    @Test
    void narrowerHashTileIsThePrefixOfAWiderPartialTile() {
        cache("tile/8/0/001.p/44");
        assertThat(derived("tile/8/0/001.p/7"))
                .isEqualTo(log.tile("tile/8/0/001.p/7").orElseThrow())
                .hasSize(7 * 32);
        assertThat(derived("tile/8/0/001.p/43"))
                .isEqualTo(log.tile("tile/8/0/001.p/43").orElseThrow());
    }

    @Test
    void partialHashTileIsThePrefixOfTheFullTile() {
        cache("tile/8/0/000");
        assertThat(derived("tile/8/0/000.p/255"))
                .isEqualTo(log.tile("tile/8/0/000.p/255").orElseThrow());
        assertThat(derived("tile/8/0/000.p/1"))
                .isEqualTo(log.tile("tile/8/0/000.p/1").orElseThrow());
    }

    @Test
    void higherLevelTileIsDerivedFromItsWiderSibling() {
        TestChecksumLog big = TestChecksumLog.create(DB);
        for (int i = 0; i < 256 * 3 + 5; i++) {
            big.appendRecord("r" + i + "\n");
        }
        store.put(
                EntryKey.of(EntryKind.SUMDB, DB + "/tile/8/1/000.p/3"),
                big.tile("tile/8/1/000.p/3").orElseThrow());
        assertThat(derived("tile/8/1/000.p/2"))
                .isEqualTo(big.tile("tile/8/1/000.p/2").orElseThrow());
    }

    @Test
    void narrowerDataTileIsTheFirstRecordsOfAWiderOne() {
        cache("tile/8/data/001.p/44");
        assertThat(derived("tile/8/data/001.p/5"))
                .isEqualTo(log.tile("tile/8/data/001.p/5").orElseThrow());
        cache("tile/8/data/000");
        assertThat(derived("tile/8/data/000.p/200"))
                .isEqualTo(log.tile("tile/8/data/000.p/200").orElseThrow());
    }

    @Test
    void dataTileRecordsEndAtTheirBlankLineEvenWhenARecordIsOnlyANewline() {
        byte[] body = "a\nb\n\n\n\nc\n\n".getBytes(StandardCharsets.UTF_8);
        assertThat(NarrowerTiles.recordsLength(body, 1)).isEqualTo("a\nb\n\n".length());
        assertThat(NarrowerTiles.recordsLength(body, 2)).isEqualTo("a\nb\n\n\n\n".length());
        assertThat(NarrowerTiles.recordsLength(body, 3)).isEqualTo(body.length);
        assertThat(NarrowerTiles.recordsLength(body, 4)).isEqualTo(-1);
    }

    @Test
    void widerTileIsNeverDerivedFromANarrowerOne() {
        cache("tile/8/0/001.p/7");
        assertThat(tiles.derive(DB, "tile/8/0/001.p/44")).isEmpty();
        assertThat(tiles.derive(DB, "tile/8/0/001")).isEmpty();
    }

    @Test
    void otherIndexLevelOrDatabaseIsNeverUsed() {
        cache("tile/8/0/000");
        assertThat(tiles.derive(DB, "tile/8/0/001.p/7")).isEmpty();
        assertThat(tiles.derive(DB, "tile/8/1/000.p/1")).isEmpty();
        assertThat(tiles.derive(DB, "tile/8/data/000.p/1")).isEmpty();
        assertThat(tiles.derive("other.test", "tile/8/0/000.p/7")).isEmpty();
    }

    @Test
    void damagedWiderTileIsNotCut() {
        store.put(EntryKey.of(EntryKind.SUMDB, DB + "/tile/8/0/001.p/44"), new byte[40]);
        store.put(
                EntryKey.of(EntryKind.SUMDB, DB + "/tile/8/data/001.p/44"),
                "one record\n\n".getBytes(StandardCharsets.UTF_8));
        assertThat(tiles.derive(DB, "tile/8/0/001.p/7")).isEmpty();
        assertThat(tiles.derive(DB, "tile/8/data/001.p/7")).isEmpty();
    }
}
