package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.Reply;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import io.modvault.server.connection.FileDescriptorBudget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures 2 (slowloris exhausts file descriptors) and 6 (half-closed clients get no answer) against a real server. */
class ConnectionLimitsIT {
    private static final TestModule UPPER = TestModules.get(TestModules.UPPER, "v1.0.0");
    private static final List<String> ATTACKERS =
            IntStream.rangeClosed(2, 41).mapToObj(i -> "127.0.0." + i).toList();

    @TempDir
    Path temp;

    private GoProxyTree tree;
    private FakeUpstream upstream;
    private RunningModvault modvault;

    @BeforeEach
    void startUpstream() {
        tree = GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue());
        upstream = FakeUpstream.start(tree);
    }

    @AfterEach
    void stop() {
        if (modvault != null) {
            modvault.close();
        }
        upstream.close();
    }

    private void startModvault(Map<String, String> settings) throws InterruptedException {
        Map<String, String> all = new HashMap<>(Map.of("MODVAULT_LOG_LEVEL", "WARN"));
        all.putAll(settings);
        modvault = RunningModvault.start(temp.resolve("data"), upstream.baseUrl(), all);
    }

    @Test
    void slowlorisConnectionsAreCutAtTheHeadDeadlineAndNormalClientsAreServedMeanwhile() throws Exception {
        int held = 3000;
        int cap = 3200;
        startModvault(Map.of(
                "MODVAULT_REQUEST_HEADER_TIMEOUT",
                "5s",
                "MODVAULT_MAX_CONNECTIONS",
                String.valueOf(cap),
                "MODVAULT_MAX_CONNECTIONS_PER_CLIENT",
                "100000"));
        String list = "/" + GoProxyTree.listPath(TestModules.UPPER);
        long fdsBefore = openFds();
        try (KeepAliveClient established = KeepAliveClient.connect("127.0.0.1", modvault.port());
                HeldConnections attack = new HeldConnections();
                HeldConnections overflow = new HeldConnections()) {
            assertThat(established.get(list).status()).isEqualTo(200);
            long attackStart = System.nanoTime();
            attack.open(held, ATTACKERS, modvault.port());
            long openedMillis = (System.nanoTime() - attackStart) / 1_000_000;
            attack.drip();
            long fdsDuring = openFds();
            long freshMillis = timedFreshRequest(list);
            long establishedMillis =
                    timed(() -> assertThat(established.get(list).status()).isEqualTo(200));

            overflow.open(400, ATTACKERS, modvault.port());
            Thread.sleep(300);
            int refused = overflow.refusedWith503();
            long atCapMillis =
                    timed(() -> assertThat(established.get(list).status()).isEqualTo(200));
            int openAtCap = (int) metricIn(established.get("/metrics").text(), "modvault_open_connections");

            long cutMillis = awaitAllCut(attack, overflow, attackStart);
            long fdsAfterCut = openFds();
            long afterMillis = timedFreshRequest(list);
            System.out.printf(
                    "slowloris: %d held connections opened in %d ms (cap %d); fresh client served in %d ms,"
                            + " established client in %d ms, at the cap in %d ms; %d of 400 over the cap answered 503;"
                            + " %d open at the cap; all cut %d ms after the attack began; process fds (server and test clients)"
                            + " before %d, during %d (%d held client sockets), after the cut %d%n",
                    held,
                    openedMillis,
                    cap,
                    freshMillis,
                    establishedMillis,
                    atCapMillis,
                    refused,
                    openAtCap,
                    cutMillis,
                    fdsBefore,
                    fdsDuring,
                    held,
                    fdsAfterCut);
            assertThat(freshMillis).as("fresh client under attack").isLessThan(1000);
            assertThat(establishedMillis).as("established client under attack").isLessThan(1000);
            assertThat(atCapMillis).as("established client at the cap").isLessThan(1000);
            assertThat(refused)
                    .as("connections over the cap refused at once with 503")
                    .isGreaterThanOrEqualTo(190);
            assertThat(openAtCap).isBetween(cap - 10, cap);
            assertThat(cutMillis)
                    .as("held connections cut at the 5 s head deadline")
                    .isBetween(4_000L, 20_000L);
            assertThat(afterMillis).isLessThan(1000);
            assertThat(metric("modvault_connections_rejected_total{reason=\"request_header_timeout\"}"))
                    .isGreaterThanOrEqualTo(held);
            assertThat(metric("modvault_connections_rejected_total{reason=\"max_connections\"}"))
                    .isGreaterThanOrEqualTo(refused);
        }
        Thread.sleep(200);
        System.out.printf("slowloris: process fds after the clients closed %d%n", openFds());
        assertThat(gauge("modvault_open_connections"))
                .as("only the metrics client's connection is left")
                .isBetween(1, 2);
    }

    @Test
    void oneClientAddressCannotTakeMoreThanItsCapWhileOtherAddressesAreServed() throws Exception {
        startModvault(Map.of("MODVAULT_MAX_CONNECTIONS_PER_CLIENT", "50", "MODVAULT_MAX_CONNECTIONS", "1000"));
        try (HeldConnections flood = new HeldConnections()) {
            flood.open(80, List.of("127.0.0.2"), modvault.port());
            Thread.sleep(300);
            assertThat(flood.refusedWith503()).isEqualTo(30);
            long millis = timedFreshRequest("/" + GoProxyTree.listPath(TestModules.UPPER));
            assertThat(millis).isLessThan(1000);
            assertThat(metric("modvault_connections_rejected_total{reason=\"max_connections_per_client\"}"))
                    .isEqualTo(30);
        }
    }

    /** Failure 6, zips: served from the store as a file region after the client shut its sending side. */
    @Test
    void halfClosedClientGetsTheWholeZipFromTheStore() throws Exception {
        startModvault(Map.of());
        String zip = "/" + GoProxyTree.zipPath(UPPER);
        assertThat(modvault.get(zip).statusCode()).isEqualTo(200);
        try (KeepAliveClient client = KeepAliveClient.connect("127.0.0.1", modvault.port())) {
            KeepAliveClient.Answer answer = client.getHalfClosed(zip);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(Files.readAllBytes(tree.file(GoProxyTree.zipPath(UPPER))));
            assertThat(client.closedByServer()).isTrue();
        }
    }

    /** Failure 6, upstream fetches: the answer arrives after a slow upstream, on a connection already half-closed. */
    @Test
    void halfClosedClientGetsTheAnswerOfASlowUpstreamFetch() throws Exception {
        startModvault(Map.of());
        String mod = GoProxyTree.modPath(UPPER);
        upstream.on(mod, Reply.serve().delayHeaders(Duration.ofMillis(800)));
        try (KeepAliveClient client = KeepAliveClient.connect("127.0.0.1", modvault.port())) {
            KeepAliveClient.Answer answer = client.getHalfClosed("/" + mod);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(Files.readAllBytes(tree.file(mod)));
            assertThat(client.closedByServer()).isTrue();
        }
    }

    /** Failure 6, checksum-database requests. */
    @Test
    void halfClosedClientGetsTheChecksumDatabaseAnswer() throws Exception {
        ChecksumDatabaseServer database = ChecksumDatabaseServer.forModules("sumdb.test", TestModules.catalogue())
                .mountOn(upstream);
        startModvault(Map.of("GOSUMDB", database.verifierKey()));
        try (KeepAliveClient client = KeepAliveClient.connect("127.0.0.1", modvault.port())) {
            TestModule module = TestModules.catalogue().stream()
                    .filter(m -> m.path().equals(m.path().toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow();
            KeepAliveClient.Answer answer = client.getHalfClosed("/sumdb/sumdb.test/lookup/" + module.coordinate());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text()).contains(module.path() + " " + module.version() + " h1:");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    private long timedFreshRequest(String path) throws Exception {
        return timed(() -> {
            try (KeepAliveClient fresh = KeepAliveClient.connect("127.0.0.1", modvault.port())) {
                assertThat(fresh.get(path).status()).isEqualTo(200);
            }
        });
    }

    private long awaitAllCut(HeldConnections attack, HeldConnections overflow, long attackStart)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
        while (System.nanoTime() < deadline) {
            if (attack.drip() == 0 && overflow.stillOpen() == 0) {
                return (System.nanoTime() - attackStart) / 1_000_000;
            }
            Thread.sleep(500);
        }
        return Long.MAX_VALUE;
    }

    private static long openFds() {
        return FileDescriptorBudget.openNow().orElse(-1);
    }

    private int gauge(String name) throws Exception {
        return (int) metric(name);
    }

    private long metric(String series) throws Exception {
        return metricIn(new String(modvault.get("/metrics").body(), StandardCharsets.UTF_8), series);
    }

    private static long metricIn(String text, String series) {
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private static long timed(ThrowingRunnable action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
