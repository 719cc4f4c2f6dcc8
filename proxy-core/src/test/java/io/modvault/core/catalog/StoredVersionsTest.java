package io.modvault.core.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.catalog.StoredVersions.StoredVersion;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.MutableClock;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredVersionsTest {
    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private ModuleStore store;
    private StoredVersions versions;

    @BeforeEach
    void open() {
        store = InMemoryModuleStore.open(dir, clock);
        versions = new StoredVersions(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void listsVersionsOldestFirstOncePerPageAtTheirFirstArtifact() {
        storeMod("example.com/b", "v1.0.0");
        tick();
        storeInfoAndMod("example.com/a", "v1.2.0");
        tick();
        storeMod("github.com/Azure/go-autorest", "v0.11.0+incompatible");

        assertThat(render(versions.since(Instant.EPOCH, 2000)))
                .containsExactly(
                        "example.com/b@v1.0.0 " + START,
                        "example.com/a@v1.2.0 " + START.plusSeconds(1),
                        "github.com/Azure/go-autorest@v0.11.0+incompatible " + START.plusSeconds(2));
    }

    @Test
    void sinceIsInclusiveAndLimitCutsTheOldestFirst() {
        storeMod("example.com/a", "v1.0.0");
        tick();
        storeMod("example.com/a", "v1.1.0");
        storeMod("example.com/b", "v1.0.0");
        tick();
        storeMod("example.com/c", "v1.0.0");

        assertThat(render(versions.since(START.plusSeconds(1), 2000)))
                .containsExactly(
                        "example.com/a@v1.1.0 " + START.plusSeconds(1),
                        "example.com/b@v1.0.0 " + START.plusSeconds(1),
                        "example.com/c@v1.0.0 " + START.plusSeconds(2));
        assertThat(render(versions.since(Instant.EPOCH, 2)))
                .containsExactly("example.com/a@v1.0.0 " + START, "example.com/a@v1.1.0 " + START.plusSeconds(1));
        assertThat(versions.since(START.plusNanos(1), 2000)).hasSize(3);
        assertThat(versions.since(START.plusSeconds(3), 2000)).isEmpty();
        assertThat(versions.since(Instant.EPOCH, 0)).isEmpty();
    }

    @Test
    void aZipStoredLongAfterItsModListsTheVersionAgainForReadersPastTheMod() {
        storeMod("example.com/a", "v1.0.0");
        clock.advance(Duration.ofDays(3));
        storeMod("example.com/b", "v1.0.0");
        tick();
        Instant zipTime = clock.instant();
        storeZip("example.com/a", "v1.0.0");

        List<StoredVersion> afterB = versions.since(START.plus(Duration.ofDays(3)), 2000);

        assertThat(render(afterB))
                .containsExactly(
                        "example.com/b@v1.0.0 " + START.plus(Duration.ofDays(3)), "example.com/a@v1.0.0 " + zipTime);
        assertThat(render(versions.since(Instant.EPOCH, 2000)))
                .containsExactly(
                        "example.com/a@v1.0.0 " + START, "example.com/b@v1.0.0 " + START.plus(Duration.ofDays(3)));
    }

    @Test
    void pagingByTheLastTimestampVisitsEveryVersion() {
        for (int i = 0; i < 50; i++) {
            storeInfoAndMod("example.com/m" + i, "v1.0.0");
            storeZip("example.com/m" + i, "v1.0.0");
            if (i % 3 == 0) {
                tick();
            }
        }
        Set<String> seen = new TreeSet<>();
        Instant since = Instant.EPOCH;
        for (int round = 0; round < 100; round++) {
            List<StoredVersion> page = versions.since(since, 7);
            page.forEach(v -> seen.add(v.coordinate().toString()));
            if (page.size() < 7) {
                break;
            }
            since = page.getLast().storedAt();
        }
        assertThat(seen).hasSize(50);
    }

    private void tick() {
        clock.advance(Duration.ofSeconds(1));
    }

    private void storeMod(String module, String version) {
        store.put(key(EntryKind.MOD, module, version), ("module " + module).getBytes(UTF_8));
    }

    private void storeInfoAndMod(String module, String version) {
        store.putAll(Map.of(
                key(EntryKind.INFO, module, version), "{}".getBytes(UTF_8),
                key(EntryKind.MOD, module, version), ("module " + module).getBytes(UTF_8)));
    }

    private void storeZip(String module, String version) {
        byte[] content = (module + version).getBytes(UTF_8);
        try {
            Path temp = Files.write(store.newTempFile(), content);
            store.commitBlob(key(EntryKind.ZIP, module, version), temp, sha256(content), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EntryKey key(EntryKind kind, String module, String version) {
        ModulePath path = ModulePath.of(module);
        return EntryKey.of(kind, path.escaped() + "@" + ModuleVersion.escape(version));
    }

    private static List<String> render(List<StoredVersion> page) {
        return page.stream().map(v -> v.coordinate() + " " + v.storedAt()).toList();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
