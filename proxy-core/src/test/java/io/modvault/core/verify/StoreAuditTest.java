package io.modvault.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoredBlob;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.core.testing.HostileZips;
import io.modvault.core.testing.ModuleZips;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import io.modvault.core.verify.StoreAudit.Artifact;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class StoreAuditTest {

    private static final TestModule UPPER = TestModules.get(TestModules.UPPER, "v1.0.0");
    private static final TestModule MULTI = TestModules.get(TestModules.MULTI_V2, "v2.0.0");
    private static final String UPPER_KEY = "example.test/!upper/!case@v1.0.0";
    private static final String MULTI_KEY = "example.test/multi/v2@v2.0.0";

    @TempDir
    Path temp;

    private ModuleStore store;

    @BeforeEach
    void openStore() {
        store = InMemoryModuleStore.open(
                temp.resolve("store"), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void cleanStoreHasNoProblemsAndCountsEveryArtifact() throws IOException {
        storeVerified(UPPER_KEY, UPPER);
        storeVerified(MULTI_KEY, MULTI);

        StoreAudit.Result result = StoreAudit.run(store);

        assertThat(result.problems()).isEmpty();
        assertThat(result.clean()).isTrue();
        assertThat(result.modsChecked()).isEqualTo(2);
        assertThat(result.zipsChecked()).isEqualTo(2);
        assertThat(result.summary()).isEqualTo("checked 2 mod, 2 zip: 0 problems");
    }

    @Test
    void emptyStoreIsClean() {
        assertThat(StoreAudit.run(store).summary()).isEqualTo("checked 0 mod, 0 zip: 0 problems");
    }

    @Test
    void zipWhoseBlobBytesChangedOnDiskIsReportedWithBothHashes() throws IOException {
        StoredBlob blob = storeVerified(UPPER_KEY, UPPER);
        storeVerified(MULTI_KEY, MULTI);
        String recorded = DirHash.hashZip(blob.file());
        Map<String, byte[]> files = new HashMap<>(UPPER.files());
        files.put("extra.go", "package upper\n".getBytes(StandardCharsets.UTF_8));
        TestModule changed = new TestModule(UPPER.path(), UPPER.version(), UPPER.goMod(), files, UPPER.time());
        Path other = ModuleZips.write(changed, temp.resolve("other.zip"));
        Files.write(blob.file(), Files.readAllBytes(other));

        StoreAudit.Result result = StoreAudit.run(store);

        String now = DirHash.hashZip(other);
        assertThat(now).isNotEqualTo(recorded);
        assertThat(result.problems()).hasSize(2).first().isInstanceOf(StoreAudit.Corrupt.class);
        assertThat(result.problems().getLast())
                .isEqualTo(new StoreAudit.Changed(UPPER_KEY, Artifact.ZIP, recorded, now));
        assertThat(result.problems().getLast().line())
                .isEqualTo("CHANGED example.test/Upper/Case@v1.0.0 zip: recorded " + recorded + ", now " + now);
        assertThat(result.summary()).isEqualTo("checked 2 mod, 2 zip: 2 problems");
    }

    @Test
    void zipOverwrittenWithGarbageIsInvalid() throws IOException {
        StoredBlob blob = storeVerified(MULTI_KEY, MULTI);
        Files.write(blob.file(), "not a zip at all".getBytes(StandardCharsets.UTF_8));

        StoreAudit.Result result = StoreAudit.run(store);

        assertThat(result.problems()).hasSize(2).first().isInstanceOf(StoreAudit.Corrupt.class);
        assertThat(result.problems().getLast()).satisfies(p -> {
            assertThat(p).isInstanceOf(StoreAudit.Invalid.class);
            assertThat(p.artifact()).isEqualTo(Artifact.ZIP);
            assertThat(p.line())
                    .startsWith("INVALID example.test/multi/v2@v2.0.0 zip: invalid module zip for "
                            + "example.test/multi/v2@v2.0.0: not a valid zip file");
        });
    }

    @Test
    void zipStoredByAnOlderVersionWithAnEscapingEntryIsInvalid() throws IOException {
        storeVerified(MULTI_KEY, MULTI);
        storeRecordedZip(
                UPPER_KEY,
                HostileZips.zip(List.of(
                        HostileZips.Entry.stored(
                                "example.test/Upper/Case@v1.0.0/go.mod", "module example.test/Upper/Case\n"),
                        HostileZips.Entry.stored("example.test/Upper/Case@v1.0.0/../../../../evil.txt", "boo"))));

        StoreAudit.Result result = StoreAudit.run(store);

        assertThat(result.problems())
                .singleElement()
                .satisfies(
                        p -> assertThat(p.line())
                                .isEqualTo(
                                        "INVALID example.test/Upper/Case@v1.0.0 zip: invalid module zip for example.test/Upper/Case@v1.0.0: "
                                                + "example.test/Upper/Case@v1.0.0/../../../../evil.txt: file path is not clean"));
        assertThat(result.summary()).isEqualTo("checked 1 mod, 2 zip: 1 problem");
    }

    @Test
    @Timeout(60)
    void zipBombStoredByAnOlderVersionIsInvalidWithoutBeingInflated() throws IOException {
        storeRecordedZip(
                UPPER_KEY,
                HostileZips.zip(List.of(HostileZips.bomb("example.test/Upper/Case@v1.0.0/bomb.txt", 1024, 1000))));

        StoreAudit.Result result = StoreAudit.run(store);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p).isInstanceOf(StoreAudit.Invalid.class);
            assertThat(p.line()).endsWith("bomb.txt is larger than declared size (1000 bytes)");
        });
    }

    @Test
    void modNamingAnotherModuleIsInvalid() {
        byte[] wrong = "module example.test/other\n".getBytes(StandardCharsets.UTF_8);
        store.put(EntryKey.of(EntryKind.MOD, MULTI_KEY), wrong);
        store.put(
                EntryKey.of(EntryKind.HASHES, MULTI_KEY + HashLedger.MOD_SUFFIX),
                RecordedHashes.empty()
                        .withMod(DirHash.hashGoMod(wrong), "upstream.test")
                        .toJson());

        StoreAudit.Result result = StoreAudit.run(store);

        assertThat(result.problems())
                .containsExactly(new StoreAudit.Invalid(
                        MULTI_KEY,
                        Artifact.MOD,
                        "invalid go.mod for example.test/multi/v2@v2.0.0: module declares its path as example.test/other"
                                + " but was requested as example.test/multi/v2"));
        assertThat(result.clean()).isFalse();
    }

    @Test
    void goModWhoseStoredBytesChangedIsReported() throws IOException {
        storeVerified(MULTI_KEY, MULTI);
        byte[] edited = "module example.test/multi/v2\n\ngo 1.22\n".getBytes(StandardCharsets.UTF_8);
        store.put(EntryKey.of(EntryKind.MOD, MULTI_KEY), edited);

        StoreAudit.Result result = StoreAudit.run(store);

        assertThat(result.problems())
                .containsExactly(new StoreAudit.Changed(
                        MULTI_KEY, Artifact.MOD, DirHash.hashGoMod(MULTI.goMod()), DirHash.hashGoMod(edited)));
        assertThat(result.problems().getFirst().line())
                .startsWith("CHANGED example.test/multi/v2@v2.0.0 mod: recorded h1:");
    }

    @Test
    void blobFileGoneFromDiskIsMissing() throws IOException {
        StoredBlob blob = storeVerified(UPPER_KEY, UPPER);
        Files.delete(blob.file());

        StoreAudit.Result result = StoreAudit.run(store);

        String recorded = hashes(UPPER_KEY).zip().orElseThrow();
        assertThat(result.problems())
                .containsExactly(new StoreAudit.Missing(
                        UPPER_KEY, Artifact.ZIP, Optional.of(recorded), "blob file is gone from disk"));
        assertThat(result.problems().getFirst().line())
                .isEqualTo("MISSING example.test/Upper/Case@v1.0.0 zip: recorded " + recorded
                        + ", blob file is gone from disk");
        assertThat(result.zipsChecked()).isEqualTo(1);
    }

    @Test
    void recordedArtifactsWithoutStoredBytesAreMissing() throws IOException {
        storeVerified(UPPER_KEY, UPPER);
        store.delete(EntryKey.of(EntryKind.ZIP, UPPER_KEY));
        store.delete(EntryKey.of(EntryKind.MOD, UPPER_KEY));

        StoreAudit.Result result = StoreAudit.run(store);

        assertThat(result.problems())
                .extracting(StoreAudit.Problem::artifact, p -> p.getClass().getSimpleName())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Artifact.MOD, "Missing"),
                        org.assertj.core.groups.Tuple.tuple(Artifact.ZIP, "Missing"));
        assertThat(result.summary()).isEqualTo("checked 1 mod, 1 zip: 2 problems");
    }

    @Test
    void storedArtifactsWithoutRecordedHashesAreUnrecorded() throws IOException {
        storeArtifacts(MULTI_KEY, MULTI);

        StoreAudit.Result result = StoreAudit.run(store);

        assertThat(result.problems())
                .containsExactly(
                        new StoreAudit.Unrecorded(MULTI_KEY, Artifact.MOD, DirHash.hashGoMod(MULTI.goMod())),
                        new StoreAudit.Unrecorded(MULTI_KEY, Artifact.ZIP, DirHash.hashZip(zipOf(MULTI))));
        assertThat(result.problems().getFirst().line())
                .isEqualTo("UNRECORDED example.test/multi/v2@v2.0.0 mod: no recorded hash, now "
                        + DirHash.hashGoMod(MULTI.goMod()));
    }

    @Test
    void goModOnlyVersionNeedsNoZip() {
        store.put(EntryKey.of(EntryKind.MOD, MULTI_KEY), MULTI.goMod());
        store.put(
                EntryKey.of(EntryKind.HASHES, MULTI_KEY + HashLedger.MOD_SUFFIX),
                RecordedHashes.empty()
                        .withMod(DirHash.hashGoMod(MULTI.goMod()), "sumdb.test")
                        .toJson());

        StoreAudit.Result result = StoreAudit.run(store);

        assertThat(result.clean()).isTrue();
        assertThat(result.summary()).isEqualTo("checked 1 mod, 0 zip: 0 problems");
    }

    @Test
    void undecodableRecordIsReportedAndItsArtifactsCountAsUnrecorded() {
        store.put(EntryKey.of(EntryKind.MOD, MULTI_KEY), MULTI.goMod());
        store.put(
                EntryKey.of(EntryKind.HASHES, MULTI_KEY + HashLedger.MOD_SUFFIX),
                "{not json".getBytes(StandardCharsets.UTF_8));

        StoreAudit.Result result = StoreAudit.run(store);

        assertThat(result.problems())
                .extracting(StoreAudit.Problem::artifact)
                .containsExactly(Artifact.HASHES, Artifact.MOD);
        assertThat(result.problems().getFirst().line())
                .startsWith("UNREADABLE example.test/multi/v2@v2.0.0 recorded hashes: mod record is not valid JSON");
    }

    private StoredBlob storeVerified(String key, TestModule module) throws IOException {
        StoredBlob blob = storeArtifacts(key, module);
        store.put(
                EntryKey.of(EntryKind.HASHES, key + HashLedger.MOD_SUFFIX),
                RecordedHashes.empty()
                        .withMod(DirHash.hashGoMod(module.goMod()), "sumdb.test")
                        .toJson());
        store.put(
                EntryKey.of(EntryKind.HASHES, key + HashLedger.ZIP_SUFFIX),
                RecordedHashes.empty()
                        .withZip(DirHash.hashZip(blob.file()), "sumdb.test")
                        .toJson());
        return blob;
    }

    /** A zip committed with its recorded hash, as a version without zip checks would have stored it. */
    private void storeRecordedZip(String key, byte[] zip) throws IOException {
        Path temp = store.newTempFile();
        Files.write(temp, zip);
        store.commitBlob(EntryKey.of(EntryKind.ZIP, key), temp, sha256(zip), new byte[0]);
        store.put(
                EntryKey.of(EntryKind.HASHES, key + HashLedger.ZIP_SUFFIX),
                RecordedHashes.empty()
                        .withZip("h1:" + sha256(zip), "upstream.test")
                        .toJson());
    }

    private StoredBlob storeArtifacts(String key, TestModule module) throws IOException {
        store.put(EntryKey.of(EntryKind.MOD, key), module.goMod());
        Path temp = store.newTempFile();
        Files.copy(zipOf(module), temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return store.commitBlob(EntryKey.of(EntryKind.ZIP, key), temp, sha256(Files.readAllBytes(temp)), new byte[0]);
    }

    private Path zipOf(TestModule module) {
        return ModuleZips.write(
                module, temp.resolve("zips").resolve(module.coordinate().replace('/', '_') + ".zip"));
    }

    private RecordedHashes hashes(String key) {
        RecordedHashes mod =
                RecordedHashes.fromJson(store.get(EntryKey.of(EntryKind.HASHES, key + HashLedger.MOD_SUFFIX))
                        .orElseThrow()
                        .value());
        RecordedHashes zip =
                RecordedHashes.fromJson(store.get(EntryKey.of(EntryKind.HASHES, key + HashLedger.ZIP_SUFFIX))
                        .orElseThrow()
                        .value());
        return mod.withZip(zip.zipHash(), zip.zipSource());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
