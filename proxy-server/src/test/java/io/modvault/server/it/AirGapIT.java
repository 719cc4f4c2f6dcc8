package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoCommand;
import io.modvault.core.testing.GoProject;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.TestModules;
import io.modvault.server.BundleCommands;
import io.modvault.server.PrewarmCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The air gap, end to end: store A is filled through a modvault serving the real go command
 * (fake upstream, test checksum database), exported to a bundle, and imported into an empty store
 * B whose upstream is off and whose checksum database is unreachable; the real go command with the
 * test GOSUMDB then verifies and builds the project through B alone, its checksum-database
 * requests answered by B's {@code /sumdb/} from what the bundle carried.
 */
class AirGapIT {
    @TempDir
    Path temp;

    private FakeUpstream upstream;
    private ChecksumDatabaseServer database;

    @BeforeEach
    void start() {
        upstream = FakeUpstream.start(GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue()));
        database = ChecksumDatabaseServer.forModules("sumdb.test", TestModules.catalogue())
                .mountOn(upstream);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void bundleCarriesAProjectIntoAnOfflineStoreWhereTheGoCommandBuildsItWithGosumdbOn() throws Exception {
        Path project = fillStoreA();
        Path bundle = temp.resolve("a.bundle");
        PrewarmCommands.Run export = BundleCommands.export(envA(), "--output", bundle.toString(), "--all");
        assertThat(export.exit()).as(export.describe()).isZero();
        assertThat(export.out())
                .contains("checksum database tree " + database.log().size());

        upstream.stop();
        PrewarmCommands.Run imported = BundleCommands.importBundle(envB(), bundle.toString());
        assertThat(imported.exit()).as(imported.describe()).isZero();
        assertThat(imported.out()).contains("0 already present, 0 failed");

        try (RunningModvault b = RunningModvault.start(dataB(), "off", Map.of("GOSUMDB", database.verifierKey()))) {
            GoCommand go = GoCommand.create(temp.resolve("go-b"))
                    .withProxy(b.baseUrl())
                    .withSumdb(database.verifierKey());
            Files.delete(project.resolve("go.sum"));
            go.withFlags("-mod=mod").run(project, "build", "-o", "app", ".").requireSuccess();
            go.run(project, "mod", "verify").requireSuccess();
            assertThat(Files.readString(project.resolve("go.sum"))).contains(TestModules.UPPER);
        }

        PrewarmCommands.Run again = BundleCommands.importBundle(envB(), bundle.toString());
        assertThat(again.exit()).as(again.describe()).isZero();
        assertThat(again.out()).contains(" 0 files stored, ");
    }

    /** The project built online through a modvault on store A, which so holds everything it needs. */
    private Path fillStoreA() throws Exception {
        Path project = GoProject.create(
                temp.resolve("app"), "example.test/app", Map.of("main.go", TestModules.programImportingCatalogue()));
        try (RunningModvault a =
                RunningModvault.start(dataA(), upstream.baseUrl(), Map.of("GOSUMDB", database.verifierKey()))) {
            GoCommand go = GoCommand.create(temp.resolve("go-a"))
                    .withProxy(a.baseUrl())
                    .withSumdb(database.verifierKey());
            go.withFlags("-mod=mod").run(project, "get", "./...").requireSuccess();
            go.run(project, "build", "-o", "app", ".").requireSuccess();
        }
        return project;
    }

    private Path dataA() {
        return temp.resolve("store-a");
    }

    private Path dataB() {
        return temp.resolve("store-b");
    }

    private Map<String, String> envA() {
        return Map.of(
                "MODVAULT_DATA_DIR", dataA().toString(),
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
