package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.Reply;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 while zips stream in, restart on the same data directory, and check that every zip
 * the restarted server serves has exactly the upstream's bytes, that no temp file survives, and
 * that {@code modvault verify} then finds every stored zip recorded and intact.
 */
class CrashSafetyIT {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path temp;

    @Test
    void killNineDuringDownloadsNeverLeavesAPartialZipThatCouldBeServed() throws Exception {
        GoProxyTree tree = GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue());
        List<String> zips = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TestModule base = TestModule.of(
                    "example.test/big",
                    "v1.0." + i,
                    Instant.parse("2024-01-01T00:00:00Z"),
                    Map.of("big.go", "package big\n"));
            zips.add(tree.root()
                    .relativize(tree.addSized(base, 1_500_000, new Random(i)))
                    .toString());
        }
        TestModules.catalogue().forEach(m -> zips.add(GoProxyTree.zipPath(m)));
        Path data = temp.resolve("data");
        Path log = temp.resolve("modvault.log");
        try (FakeUpstream upstream = FakeUpstream.start(tree)) {
            for (int round = 0; round < 3; round++) {
                upstream.clearRules();
                upstream.on(path -> path.endsWith(".zip"), Reply.serve().delayChunks(Duration.ofMillis(15), 16 * 1024));
                int port = freePort();
                try (ModvaultProcess victim = ModvaultProcess.start(data, upstream.baseUrl(), port, log);
                        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                    zips.forEach(zip -> clients.submit(() -> fetch(victim.baseUrl(), zip)));
                    Thread.sleep(400 + round * 700L);
                    victim.killHard();
                }
            }
            upstream.clearRules();
            int port = freePort();
            try (ModvaultProcess survivor = ModvaultProcess.start(data, upstream.baseUrl(), port, log)) {
                try (Stream<Path> leftovers = Files.list(data.resolve("tmp"))) {
                    assertThat(leftovers).as("temp files after restart").isEmpty();
                }
                for (String zip : zips) {
                    HttpResponse<byte[]> served = fetch(survivor.baseUrl(), zip);
                    assertThat(served.statusCode()).as(zip).isEqualTo(200);
                    assertThat(served.body()).as(zip).isEqualTo(Files.readAllBytes(tree.file(zip)));
                }
                int bigZipFetches =
                        zips.subList(0, 6).stream().mapToInt(upstream::requests).sum();
                assertThat(bigZipFetches)
                        .as("downloads interrupted by kill -9 and fetched again")
                        .isGreaterThan(6);
                assertThat(survivor.terminate()).as("exit status after SIGTERM").isIn(0, 143);
            }
            VerifyProcess.Run audit = VerifyProcess.run(data);
            assertThat(audit.stdout())
                    .as("every stored zip has its recorded hash (failure 3)")
                    .doesNotContain("UNRECORDED");
            assertThat(audit.exit()).as(audit.toString()).isZero();
        }
    }

    private static HttpResponse<byte[]> fetch(String base, String zip) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + "/" + zip))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
