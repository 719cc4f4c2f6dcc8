package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.rocksdb.RocksDbModuleStore;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoCommand;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.GoResult;
import io.modvault.core.testing.HostileZips;
import io.modvault.core.testing.Reply;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, failure 1: zips and go.mod files the go command rejects are refused by modvault with
 * a 502 naming the problem, with the checksum database off, and {@code modvault verify} reports
 * such files stored by an older version. The real go command is the client.
 */
class HostileZipsIT {
    private static final TestModule UPPER = TestModules.get(TestModules.UPPER, "v1.0.0");
    private static final String PREFIX = "example.test/Upper/Case@v1.0.0/";

    @TempDir
    Path temp;

    @Test
    void zipEntryEscapingModuleDirectoryIsRefusedToTheGoCommand() throws Exception {
        byte[] evil = HostileZips.zip(List.of(
                HostileZips.Entry.stored(PREFIX + "go.mod", "module example.test/Upper/Case\n"),
                HostileZips.Entry.stored(PREFIX + "../../../../evil.txt", "boo")));
        try (FakeUpstream upstream =
                        FakeUpstream.start(GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue()));
                RunningModvault modvault = RunningModvault.start(temp.resolve("data"), upstream.baseUrl(), Map.of())) {
            upstream.on(GoProxyTree.zipPath(UPPER), Reply.tampered(evil));

            GoResult download = goWithoutSumdb(modvault).run(temp, "mod", "download", "-json", UPPER.coordinate());

            assertThat(download.succeeded()).as(download.describe()).isFalse();
            assertThat(download.stdout() + download.stderr())
                    .contains("502 Bad Gateway")
                    .contains("invalid module zip for example.test/Upper/Case@v1.0.0: "
                            + "example.test/Upper/Case@v1.0.0/../../../../evil.txt: file path is not clean");
            HttpResponse<byte[]> again = modvault.get("/" + GoProxyTree.zipPath(UPPER));
            assertThat(again.statusCode()).isEqualTo(502);
            assertThat(upstream.requests(GoProxyTree.zipPath(UPPER)))
                    .as("nothing was stored")
                    .isEqualTo(2);
        }
    }

    @Test
    void modNamingAnotherModuleIsRefusedToTheGoCommand() throws Exception {
        try (FakeUpstream upstream =
                        FakeUpstream.start(GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue()));
                RunningModvault modvault = RunningModvault.start(temp.resolve("data"), upstream.baseUrl(), Map.of())) {
            upstream.on(
                    GoProxyTree.modPath(UPPER),
                    Reply.tampered("module example.test/evil\n".getBytes(StandardCharsets.UTF_8)));

            GoResult download = goWithoutSumdb(modvault).run(temp, "mod", "download", "-json", UPPER.coordinate());

            assertThat(download.succeeded()).as(download.describe()).isFalse();
            assertThat(download.stdout() + download.stderr())
                    .contains("502 Bad Gateway")
                    .contains("invalid go.mod for example.test/Upper/Case@v1.0.0: module declares its path as "
                            + "example.test/evil but was requested as example.test/Upper/Case");
        }
    }

    @Test
    void verifyReportsAnInvalidZipStoredByAnOlderVersion() throws Exception {
        TestModule legacy = TestModules.get(TestModules.LEGACY, "v2.0.0+incompatible");
        Path data = RecordedStore.populate(temp.resolve("data"), List.of(legacy), temp.resolve("zips"));
        byte[] collision = HostileZips.zip(List.of(
                HostileZips.Entry.stored(PREFIX + "A.go", "package upper\n"),
                HostileZips.Entry.stored(PREFIX + "a.go", "package upper\n")));
        try (ModuleStore store = RocksDbModuleStore.open(data, Clock.systemUTC())) {
            Path staged = Files.write(store.newTempFile(), collision);
            store.commitBlob(
                    EntryKey.of(EntryKind.ZIP, RecordedStore.key(UPPER)),
                    staged,
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(collision)),
                    new byte[0]);
        }

        VerifyProcess.Run run = VerifyProcess.run(data);

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout())
                .contains("INVALID example.test/Upper/Case@v1.0.0 zip: invalid module zip for "
                        + "example.test/Upper/Case@v1.0.0: example.test/Upper/Case@v1.0.0/a.go: "
                        + "case-insensitive file name collision: \"A.go\" and \"a.go\"\n")
                .endsWith("checked 1 mod, 2 zip: 1 problem\n");
    }

    private GoCommand goWithoutSumdb(RunningModvault modvault) {
        return GoCommand.create(temp.resolve("go"))
                .withProxy(modvault.baseUrl())
                .withSumdb("off");
    }
}
