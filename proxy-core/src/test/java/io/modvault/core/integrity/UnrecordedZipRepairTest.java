package io.modvault.core.integrity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.policy.PrefixPatterns;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoredBlob;
import io.modvault.core.storage.rocksdb.RocksDbModuleStore;
import io.modvault.core.testing.ModuleZips;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import io.modvault.core.verify.ChecksumDatabase;
import io.modvault.core.verify.RecordedHashes;
import io.modvault.core.verify.StoreAudit;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failure 3: a zip left without its recorded hash by an older build is repaired or removed at start-up. */
class UnrecordedZipRepairTest {
    private static final TestModule MULTI = TestModules.get(TestModules.MULTI_V2, "v2.0.0");
    private static final String KEY = "example.test/multi/v2@v2.0.0";
    private static final EntryKey ZIP = EntryKey.of(EntryKind.ZIP, KEY);
    private static final EntryKey RECORD = EntryKey.of(EntryKind.HASHES, KEY + "/zip");
    private static final Optional<ChecksumDatabase> SUM_GOLANG_ORG = ChecksumDatabase.parse("sum.golang.org");

    @TempDir
    Path dir;

    private ModuleStore store;
    private String h1;

    @BeforeEach
    void openStore() throws IOException {
        store = RocksDbModuleStore.open(dir.resolve("data"), Clock.systemUTC());
        h1 = DirHash.hashZip(ModuleZips.write(MULTI, dir.resolve("multi.zip")));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void zipWithoutRecordedHashIsRepairedAtStartup() throws Exception {
        commitWithoutRecord(h1);
        cacheLookup(h1);
        reopen();

        UnrecordedZipRepair.Result result =
                new UnrecordedZipRepair(store, SUM_GOLANG_ORG, PrefixPatterns.parse("")).run();

        assertThat(result).isEqualTo(new UnrecordedZipRepair.Result(1, 0));
        RecordedHashes recorded =
                RecordedHashes.fromJson(store.get(RECORD).orElseThrow().value());
        assertThat(recorded.zip()).contains(h1);
        assertThat(recorded.zipSource()).startsWith("sum.golang.org");
        assertThat(StoreAudit.run(store).problems())
                .extracting(StoreAudit.Problem::line)
                .noneMatch(l -> l.startsWith("UNRECORDED"));
    }

    @Test
    void zipThatNothingVouchesForIsRemovedSoItIsFetchedAgain() throws Exception {
        commitWithoutRecord(h1);

        assertThat(new UnrecordedZipRepair(store, SUM_GOLANG_ORG, PrefixPatterns.parse("")).run())
                .isEqualTo(new UnrecordedZipRepair.Result(0, 1));
        assertThat(store.blob(ZIP)).isEmpty();
        assertThat(store.get(RECORD)).isEmpty();
        assertThat(StoreAudit.run(store).clean()).isTrue();
    }

    @Test
    void zipContradictingTheCachedDatabaseRecordIsQuarantined() throws Exception {
        StoredBlob blob = commitWithoutRecord(h1);
        cacheLookup("h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        assertThat(new UnrecordedZipRepair(store, SUM_GOLANG_ORG, PrefixPatterns.parse(""))
                        .run()
                        .removed())
                .isEqualTo(1);
        assertThat(store.blob(ZIP)).isEmpty();
        assertThat(dir.resolve("data/quarantine").resolve(blob.sha256Hex())).exists();
    }

    @Test
    void privateZipIsRecordedFromTheHashAcceptedWithItsIndexEntry() throws Exception {
        commitWithoutRecord(h1);

        new UnrecordedZipRepair(store, SUM_GOLANG_ORG, PrefixPatterns.parse("example.test")).run();

        RecordedHashes recorded =
                RecordedHashes.fromJson(store.get(RECORD).orElseThrow().value());
        assertThat(recorded.zip()).contains(h1);
        assertThat(recorded.zipSource()).startsWith("unverified: GONOSUMDB");
    }

    @Test
    void privateZipWhoseBytesNoLongerMatchTheAcceptedHashIsQuarantined() throws Exception {
        commitWithoutRecord("h1:accepted-at-download-but-different=");

        assertThat(new UnrecordedZipRepair(store, Optional.empty(), PrefixPatterns.parse("")).run())
                .isEqualTo(new UnrecordedZipRepair.Result(0, 1));
        assertThat(store.keys(EntryKind.ZIP, "")).isEmpty();
    }

    @Test
    void recordedZipsAreLeftAlone() throws Exception {
        commitWithoutRecord(h1);
        store.put(RECORD, RecordedHashes.empty().withZip(h1, "sum.golang.org").toJson());

        assertThat(new UnrecordedZipRepair(store, SUM_GOLANG_ORG, PrefixPatterns.parse("")).run())
                .isEqualTo(new UnrecordedZipRepair.Result(0, 0));
        assertThat(store.blob(ZIP)).isPresent();
    }

    /** What a build that wrote the record in a second write left behind when killed between the two. */
    private StoredBlob commitWithoutRecord(String acceptedH1) throws Exception {
        Path staged = store.newTempFile();
        Files.copy(dir.resolve("multi.zip"), staged, StandardCopyOption.REPLACE_EXISTING);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(staged)));
        return store.commitBlob(ZIP, staged, sha, acceptedH1.getBytes(UTF_8));
    }

    private void cacheLookup(String zipHash) {
        String body = "4242\nexample.test/multi/v2 v2.0.0 " + zipHash
                + "\nexample.test/multi/v2 v2.0.0/go.mod h1:x=\n\n" + "— sum.golang.org signature\n";
        store.put(EntryKey.of(EntryKind.SUMDB, "sum.golang.org/lookup/" + KEY), body.getBytes(UTF_8));
    }

    private void reopen() {
        store.close();
        store = RocksDbModuleStore.open(dir.resolve("data"), Clock.systemUTC());
    }
}
