package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.TestModules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A bounded, seeded request fuzzer against a real server (12,000 requests, well under a minute on
 * loopback): no malformed request gets a 5xx, no path Go rejects reaches the upstream, and no
 * answer leaks a local path, an exception or a stack frame. A failure prints the seed and the
 * request, so it can be replayed.
 */
class RequestFuzzIT {
    private static final long SEED = Long.getLong("modvault.fuzz.seed", 20261204L);
    private static final int ROUNDS = 3_000;
    /** 12,000 access-log lines would only bury a failure's output. */
    private static final Logger ACCESS_LOG = (Logger) LoggerFactory.getLogger("io.modvault.access");

    @TempDir
    Path temp;

    private FakeUpstream upstream;
    private ChecksumDatabaseServer database;
    private RunningModvault modvault;
    private final List<String> violations = new ArrayList<>();

    @BeforeEach
    void start() throws InterruptedException {
        GoProxyTree tree = GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue());
        upstream = FakeUpstream.start(tree);
        database = ChecksumDatabaseServer.forModules("sumdb.test", TestModules.catalogue())
                .mountOn(upstream);
        modvault = RunningModvault.start(
                temp.resolve("data"), upstream.baseUrl(), Map.of("GOSUMDB", database.verifierKey()));
        ACCESS_LOG.setLevel(Level.WARN);
    }

    @AfterEach
    void stop() {
        ACCESS_LOG.setLevel(null);
        modvault.close();
        upstream.close();
    }

    @Test
    void hostileRequestsGetNo5xxNoUpstreamTrafficAndNoLeaks() throws Exception {
        System.out.println("RequestFuzzIT seed " + SEED + " (replay with -Dmodvault.fuzz.seed=" + SEED + ")");
        HostileRequests generator = new HostileRequests(SEED);
        int sent = 0;
        try (KeepAliveRawClient client = new KeepAliveRawClient(modvault.port())) {
            for (int round = 0; round < ROUNDS; round++) {
                String valid = generator.validRequest(generator.validModule());
                check(client, valid, answer -> answer.status() < 500 && answer.status() != 400, false);
                String invalid = generator.invalidRequest();
                check(client, invalid, answer -> answer.status() == 400 || answer.status() == 404, true);
                boolean lookupValid = round % 2 == 0;
                check(
                        client,
                        generator.sumdbLookup(database.name(), lookupValid),
                        answer ->
                                lookupValid ? answer.status() < 500 : answer.status() == 400 || answer.status() == 404,
                        !lookupValid);
                byte[] garbage = generator.garbageHead();
                KeepAliveRawClient.Answer answer = client.exchange(garbage, garbage[0] == 'H');
                judge(
                        new String(garbage, StandardCharsets.ISO_8859_1)
                                .lines()
                                .findFirst()
                                .orElse(""),
                        answer,
                        a -> a.status() < 500,
                        false,
                        0);
                sent += 4;
            }
            assertThat(client.unannouncedCloses())
                    .as("connections closed without Connection: close")
                    .isZero();
        }
        assertThat(sent).isGreaterThanOrEqualTo(12_000);
        assertThat(upstream.totalRequests())
                .as("well-formed requests do reach the upstream")
                .isGreaterThan(ROUNDS / 2);
        assertThat(violations).as("seed %d", SEED).isEmpty();
        assertThat(modvault.get("/healthz").statusCode()).isEqualTo(200);
    }

    private void check(
            KeepAliveRawClient client, String path, Predicate<KeepAliveRawClient.Answer> expected, boolean rejectedByGo)
            throws Exception {
        int before = upstream.totalRequests();
        byte[] head = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        KeepAliveRawClient.Answer answer = client.exchange(head, false);
        judge("GET " + path, answer, expected, rejectedByGo, upstream.totalRequests() - before);
    }

    private void judge(
            String request,
            KeepAliveRawClient.Answer answer,
            Predicate<KeepAliveRawClient.Answer> expected,
            boolean rejectedByGo,
            int upstreamRequests) {
        String body = answer.body();
        List<String> problems = new ArrayList<>();
        if (!expected.test(answer)) {
            problems.add("unexpected status " + answer.status());
        }
        if (rejectedByGo && upstreamRequests > 0) {
            problems.add(upstreamRequests + " upstream request(s)");
        }
        if (answer.status() >= 400 && !answer.contentType().startsWith("text/plain")) {
            problems.add("error content type " + answer.contentType());
        }
        if (answer.status() >= 400 && body.strip().contains("\n")) {
            problems.add("error body of more than one line");
        }
        if (body.contains(temp.toString())
                || body.contains("/tmp/")
                || body.contains("Exception")
                || body.contains("\tat ")
                || body.contains("java.")) {
            problems.add("body leaks internals");
        }
        if (!problems.isEmpty() && violations.size() < 20) {
            violations.add(request.substring(0, Math.min(200, request.length())) + " -> " + answer.status() + " "
                    + body.strip().substring(0, Math.min(160, body.strip().length())) + " " + problems);
        }
    }
}
