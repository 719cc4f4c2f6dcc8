package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.bundle.BundleManifest;
import io.modvault.core.bundle.PreviousBundle;
import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoCommand;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import io.modvault.server.BundleCommands;
import io.modvault.server.PrewarmCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daily transfers: after a full bundle, {@code export --after} it carries only the versions stored
 * since, and the tiles proving the earlier bundle's checksum-database head a prefix of the newer
 * one (the database grew meanwhile), so the offline store B, which trusts the earlier head,
 * advances to the newer one and serves the new module to the go command with GOSUMDB on.
 */
class AirGapIncrementalIT {
    private static final TestModule UPPER = TestModules.expectedLatest(TestModules.UPPER);
    private static final TestModule MULTI = TestModules.expectedLatest(TestModules.MULTI_V2);
    private static final TestModule EXTRA =
            TestModules.simple("example.test/extra", "v1.0.0", Instant.parse("2026-11-01T00:00:00Z"), "extra", true);

    @TempDir
    Path temp;

    @Test
    void bundleAfterAnEarlierOneCarriesOnlyWhatIsNewAndAdvancesTheTrustedHead() throws Exception {
        List<TestModule> modules = new ArrayList<>(TestModules.catalogue());
        modules.add(EXTRA);
        ChecksumDatabaseServer database = ChecksumDatabaseServer.forModules("sumdb.test", TestModules.catalogue());
        try (FakeUpstream upstream = FakeUpstream.start(GoProxyTree.write(temp.resolve("upstream"), modules))) {
            database.mountOn(upstream);
            Map<String, String> envA = Map.of(
                    "MODVAULT_DATA_DIR", temp.resolve("store-a").toString(),
                    "GOPROXY", upstream.baseUrl(),
                    "GOSUMDB", database.verifierKey());
            Map<String, String> envB = Map.of(
                    "MODVAULT_DATA_DIR", temp.resolve("store-b").toString(),
                    "GOPROXY", "off",
                    "GOSUMDB", database.verifierKey());
            assertThat(prewarm(envA, UPPER.coordinate(), MULTI.coordinate()).exit())
                    .isZero();
            Path first = temp.resolve("day1.bundle");
            assertThat(BundleCommands.export(envA, "--output", first.toString(), "--all")
                            .exit())
                    .isZero();
            assertThat(BundleCommands.importBundle(envB, first.toString()).exit())
                    .isZero();

            database.add(EXTRA);
            assertThat(prewarm(envA, EXTRA.coordinate()).exit()).isZero();
            Path second = temp.resolve("day2.bundle");
            PrewarmCommands.Run export =
                    BundleCommands.export(envA, "--output", second.toString(), "--after", first.toString());
            assertThat(export.exit()).as(export.describe()).isZero();
            BundleManifest manifest = PreviousBundle.manifest(second);
            assertThat(manifest.modules())
                    .extracting(BundleManifest.Module::path)
                    .containsExactly(EXTRA.path());
            assertThat(manifest.database().orElseThrow().treeSize())
                    .isEqualTo(database.log().size());

            PrewarmCommands.Run imported = BundleCommands.importBundle(envB, second.toString());
            assertThat(imported.exit()).as(imported.describe()).isZero();
            assertThat(imported.out()).contains("import: 4 files stored, 0 already present, 0 failed");

            upstream.stop();
            try (RunningModvault b =
                    RunningModvault.start(temp.resolve("store-b"), "off", Map.of("GOSUMDB", database.verifierKey()))) {
                GoCommand go = GoCommand.create(temp.resolve("go"))
                        .withProxy(b.baseUrl())
                        .withSumdb(database.verifierKey());
                for (TestModule module : List.of(UPPER, MULTI, EXTRA)) {
                    go.run(temp, "mod", "download", "-json", module.coordinate())
                            .requireSuccess();
                }
            }
        }
    }

    private static PrewarmCommands.Run prewarm(Map<String, String> env, String... inputs) {
        return PrewarmCommands.run(env, "", Duration.ofSeconds(5), inputs);
    }
}
