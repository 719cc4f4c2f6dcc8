package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoCommand;
import io.modvault.core.testing.GoProject;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import io.modvault.server.BundleCommands;
import io.modvault.server.Modvault;
import io.modvault.server.PrewarmCommands;
import io.modvault.server.config.ConfigLoader;
import io.modvault.sumdb.testing.TestChecksumLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The air gap, end to end: store A is filled through a modvault serving the real go command
 * (fake upstream, test checksum database) and exported to a bundle once; each test imports into
 * an empty store B whose upstream is off and whose checksum database is unreachable. The real go
 * command with the test GOSUMDB verifies and builds the project through B alone; tampered,
 * truncated, forked and mis-signed bundles are refused naming the bad item, none of it stored.
 */
class AirGapIT {
    private static final TestModule UPPER = TestModules.expectedLatest(TestModules.UPPER);

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private static FakeUpstream upstream;
    private static ChecksumDatabaseServer database;
    private static Path project;
    private static Path bundle;

    @BeforeAll
    static void exportStoreA() throws Exception {
        upstream = FakeUpstream.start(GoProxyTree.write(shared.resolve("upstream"), TestModules.catalogue()));
        database = ChecksumDatabaseServer.forModules("sumdb.test", TestModules.catalogue())
                .mountOn(upstream);
        project = GoProject.create(
                shared.resolve("app"), "example.test/app", Map.of("main.go", TestModules.programImportingCatalogue()));
        try (RunningModvault a =
                RunningModvault.start(dataA(), upstream.baseUrl(), Map.of("GOSUMDB", database.verifierKey()))) {
            GoCommand go = GoCommand.create(shared.resolve("go-a"))
                    .withProxy(a.baseUrl())
                    .withSumdb(database.verifierKey());
            go.withFlags("-mod=mod").run(project, "get", "./...").requireSuccess();
        }
        bundle = shared.resolve("a.bundle");
        PrewarmCommands.Run export = BundleCommands.export(envA(dataA()), "--output", bundle.toString(), "--all");
        assertThat(export.exit()).as(export.describe()).isZero();
        assertThat(export.out())
                .contains("checksum database tree " + database.log().size());
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @Test
    void bundleCarriesAProjectIntoAnOfflineStoreWhereTheGoCommandBuildsItWithGosumdbOn() throws Exception {
        database.setAvailable(false);
        try {
            upstream.resetCounts();
            PrewarmCommands.Run imported = importIntoB(bundle);
            assertThat(imported.exit()).as(imported.describe()).isZero();
            assertThat(imported.out()).contains("0 already present, 0 failed");

            try (RunningModvault b = RunningModvault.start(dataB(), "off", Map.of("GOSUMDB", database.verifierKey()))) {
                GoCommand go = GoCommand.create(temp.resolve("go-b"))
                        .withProxy(b.baseUrl())
                        .withSumdb(database.verifierKey());
                Path copy = GoProject.create(
                        temp.resolve("app"),
                        "example.test/app",
                        Map.of(
                                "main.go", TestModules.programImportingCatalogue(),
                                "go.mod", Files.readString(project.resolve("go.mod"))));
                go.withFlags("-mod=mod").run(copy, "build", "-o", "app", ".").requireSuccess();
                go.run(copy, "mod", "verify").requireSuccess();
                assertThat(Files.readString(copy.resolve("go.sum")))
                        .contains(UPPER.coordinate().replace('@', ' '));
                assertThat(b.get("/sumdb/sumdb.test/latest").statusCode()).isEqualTo(200);
            }
            assertThat(upstream.requestLog())
                    .as("nothing reached the upstream or the database")
                    .isEmpty();
        } finally {
            database.setAvailable(true);
        }

        PrewarmCommands.Run again = importIntoB(bundle);
        assertThat(again.exit()).as(again.describe()).isZero();
        assertThat(again.out()).contains("import: 0 files stored, ");
    }

    @Test
    void unpackedBundleIsAFileGoproxyForThePlainGoCommandWithGosumdbOn() throws Exception {
        Path root = temp.resolve("unpacked");
        for (Map.Entry<String, byte[]> entry :
                BundleTamper.read(bundle).entries().entrySet()) {
            Path file = root.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        GoCommand go = GoCommand.create(temp.resolve("go-file"))
                .withProxy(root.toUri().toString())
                .withSumdb(database.verifierKey());
        go.run(temp, "mod", "download", "-json", UPPER.coordinate()).requireSuccess();
    }

    @Test
    void goModSelectorExportsTheZipsOfTheProjectsSelectedVersions() throws Exception {
        Path fromGoMod = temp.resolve("gomod.bundle");
        PrewarmCommands.Run export = BundleCommands.export(
                envA(dataA()),
                "--output",
                fromGoMod.toString(),
                project.resolve("go.mod").toString());
        assertThat(export.exit()).as(export.describe()).isZero();

        List<String> zips = zipsIn(fromGoMod);
        assertThat(zips).contains(upperFile(".zip"));
        assertThat(zipsIn(bundle))
                .as("store A holds what the project's build fetched: its graph selects the same zips")
                .containsExactlyInAnyOrderElementsOf(zips);
    }

    private static List<String> zipsIn(Path file) throws Exception {
        return BundleTamper.read(file).entries().keySet().stream()
                .filter(name -> name.endsWith(".zip"))
                .toList();
    }

    @Test
    void flippedByteInAZipIsRefusedByItsSha256AndNotStored() throws Exception {
        BundleTamper tamper = BundleTamper.read(bundle);
        String zip = tamper.find(upperFile(".zip"));
        Path bad = tamper.replace(zip, BundleTamper::flipMiddleByte, false).write(temp.resolve("bad.bundle"));

        PrewarmCommands.Run run = importIntoB(bad);
        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED " + UPPER.coordinate() + " .zip: SHA-256");
        assertThat(storedInB(EntryKind.ZIP)).isFalse();
        assertThat(storedInB(EntryKind.MOD))
                .as("the good files of the bundle are imported")
                .isTrue();
    }

    @Test
    void editedManifestHashIsRefusedAsAnH1Mismatch() throws Exception {
        Path bad = BundleTamper.read(bundle)
                .editManifest(manifest -> manifest.get("modules").forEach(module -> {
                    if (module.get("path").asText().equals(UPPER.path())) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) module)
                                .put("zip", "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
                    }
                }))
                .write(temp.resolve("bad.bundle"));

        PrewarmCommands.Run run = importIntoB(bad);
        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAILED " + UPPER.coordinate() + " .zip: h1 mismatch: the manifest says h1:AAAA");
        assertThat(storedInB(EntryKind.ZIP)).isFalse();
    }

    @Test
    void alteredTileWithAMatchingManifestFailsTheProofsAndNothingItProvesIsStored() throws Exception {
        BundleTamper tamper = BundleTamper.read(bundle);
        String tile = tamper.find("tile/8/0/000.p/" + database.log().size());
        Path bad = tamper.replace(tile, BundleTamper::flipMiddleByte, true).write(temp.resolve("bad.bundle"));

        PrewarmCommands.Run run = importIntoB(bad);
        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED ").contains("checksum database sumdb.test");
        assertThat(storedInB(EntryKind.MOD)).isFalse();
        assertThat(storedInB(EntryKind.ZIP)).isFalse();
        assertThat(sumdbCachedInB(tile)).as("the altered tile is not cached").isFalse();
    }

    @Test
    void lookupRecordWithAWrongHashIsRefused() throws Exception {
        BundleTamper tamper = BundleTamper.read(bundle);
        String lookup = tamper.find("lookup/" + ModulePath.of(UPPER.path()).escaped() + "@" + UPPER.version());
        String zipLine = UPPER.path() + " " + UPPER.version() + " h1:";
        Path bad = tamper.replace(
                        lookup,
                        body -> new String(body, StandardCharsets.UTF_8)
                                .replaceFirst(
                                        java.util.regex.Pattern.quote(zipLine) + "[^\\n]*",
                                        zipLine + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                                .getBytes(StandardCharsets.UTF_8),
                        true)
                .write(temp.resolve("bad.bundle"));

        PrewarmCommands.Run run = importIntoB(bad);
        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED " + UPPER.coordinate() + " .mod: ");
        assertThat(storedInB(EntryKind.MOD)).isFalse();
        assertThat(storedInB(EntryKind.ZIP)).isFalse();
    }

    @Test
    void bundleWhoseTreeForksFromTheTrustedHeadIsASecurityError() throws Exception {
        assertThat(importIntoB(bundle).exit()).isZero();
        TestChecksumLog fork = database.log().fork(1);
        // Record 0 is kept; the fork logs as its record 1 a version the project does not use (so not in B).
        TestModule forked = TestModules.catalogue().stream()
                .skip(1)
                .filter(m -> !m.equals(TestModules.expectedLatest(m.path())))
                .findFirst()
                .orElseThrow();
        fork.addRecord(
                forked.path(),
                forked.version(),
                ChecksumDatabaseServer.zipHash(forked),
                ChecksumDatabaseServer.goModHash(forked));
        try (FakeUpstream forkUpstream = FakeUpstream.start(shared.resolve("upstream"))) {
            ChecksumDatabaseServer.of(fork).mountOn(forkUpstream);
            Path dataFork = temp.resolve("store-fork");
            Map<String, String> envFork = Map.of(
                    "MODVAULT_DATA_DIR", dataFork.toString(),
                    "GOPROXY", forkUpstream.baseUrl(),
                    "GOSUMDB", database.verifierKey());
            assertThat(PrewarmCommands.run(envFork, "", java.time.Duration.ofSeconds(5), forked.coordinate())
                            .exit())
                    .isZero();
            Path forkBundle = temp.resolve("fork.bundle");
            assertThat(BundleCommands.export(envFork, "--output", forkBundle.toString(), "--all")
                            .exit())
                    .isZero();

            PrewarmCommands.Run run = importIntoB(forkBundle);
            assertThat(run.exit()).as(run.describe()).isEqualTo(1);
            assertThat(run.out()).contains("REFUSED tree head 2 of sumdb.test: SECURITY ERROR");
            assertThat(stored(EntryKind.ZIP, forked)).isFalse();
        }
    }

    @Test
    void signedBundleImportsOnlyWithItsKey() throws Exception {
        Path keys = Files.createDirectories(temp.resolve("keys"));
        assertThat(BundleCommands.keygen("--dir", keys.toString(), "bundles.test")
                        .exit())
                .isZero();
        assertThat(BundleCommands.keygen("--dir", keys.toString(), "other.test").exit())
                .isZero();
        Path signed = temp.resolve("signed.bundle");
        PrewarmCommands.Run export = BundleCommands.export(
                envA(dataA()),
                "--output",
                signed.toString(),
                "--match",
                "example.test/Upper/*",
                "--sign-key",
                keys.resolve("bundles.test.key").toString());
        assertThat(export.exit()).as(export.describe()).isZero();

        PrewarmCommands.Run wrongKey = importIntoB(
                signed, "--trust-key", keys.resolve("other.test.pub").toString());
        assertThat(wrongKey.exit()).as(wrongKey.describe()).isEqualTo(1);
        assertThat(wrongKey.out()).contains("REFUSED modvault-manifest.sig: manifest signature does not verify");
        PrewarmCommands.Run unsigned = importIntoB(
                bundle, "--trust-key", keys.resolve("bundles.test.pub").toString());
        assertThat(unsigned.out()).contains("REFUSED the bundle is not signed");
        assertThat(storedInB(EntryKind.INFO)).isFalse();

        Path edited = BundleTamper.read(signed)
                .editManifest(manifest -> manifest.put("exportedAt", "2020-01-01T00:00:00Z"))
                .write(temp.resolve("edited.bundle"));
        assertThat(importIntoB(
                                edited,
                                "--trust-key",
                                keys.resolve("bundles.test.pub").toString())
                        .out())
                .contains("REFUSED modvault-manifest.sig: manifest signature by bundles.test");

        PrewarmCommands.Run good = importIntoB(
                signed, "--trust-key", keys.resolve("bundles.test.pub").toString());
        assertThat(good.exit()).as(good.describe()).isZero();
        assertThat(storedInB(EntryKind.ZIP)).isTrue();
    }

    @Test
    void truncatedBundleIsRefusedNamingWhereItEnds() throws Exception {
        byte[] whole = Files.readAllBytes(bundle);
        Path cut = Files.write(temp.resolve("cut.bundle"), Arrays.copyOf(whole, whole.length * 2 / 3));

        PrewarmCommands.Run run = importIntoB(cut);
        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.out()).containsPattern("REFUSED .*(truncated|missing from the bundle)");
    }

    private PrewarmCommands.Run importIntoB(Path file, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = file.toString();
        System.arraycopy(options, 0, args, 1, options.length);
        return BundleCommands.importBundle(envB(), args);
    }

    private static String upperFile(String suffix) {
        return ModulePath.of(UPPER.path()).escaped() + "/@v/" + UPPER.version() + suffix;
    }

    private boolean storedInB(EntryKind kind) {
        return stored(kind, UPPER);
    }

    private boolean stored(EntryKind kind, TestModule module) {
        EntryKey key =
                EntryKey.of(kind, new ModuleCoordinate(ModulePath.of(module.path()), module.version()).escaped());
        try (Modvault b =
                Modvault.openStore(ConfigLoader.load(envB(), Optional.empty(), Map.of()), Clock.systemUTC())) {
            return kind == EntryKind.ZIP
                    ? b.store().blob(key).isPresent()
                    : b.store().get(key).isPresent();
        }
    }

    private boolean sumdbCachedInB(String bundlePath) {
        String key = bundlePath.substring("sumdb/".length());
        try (Modvault b =
                Modvault.openStore(ConfigLoader.load(envB(), Optional.empty(), Map.of()), Clock.systemUTC())) {
            return b.store().get(EntryKey.of(EntryKind.SUMDB, key)).isPresent();
        }
    }

    private static Path dataA() {
        return shared.resolve("store-a");
    }

    private Path dataB() {
        return temp.resolve("store-b");
    }

    private static Map<String, String> envA(Path data) {
        return Map.of(
                "MODVAULT_DATA_DIR", data.toString(),
                "GOPROXY", upstream.baseUrl(),
                "GOSUMDB", database.verifierKey(),
                "MODVAULT_UPSTREAM_TIMEOUT", "5s");
    }

    private Map<String, String> envB() {
        return Map.of(
                "MODVAULT_DATA_DIR", dataB().toString(),
                "GOPROXY", "off",
                "GOSUMDB", database.verifierKey());
    }
}
