package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modvault.core.catalog.IndexLines;
import io.modvault.core.testing.ChecksumDatabaseServer;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoCommand;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.GoResult;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import io.modvault.server.PrewarmCommands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DMZ → intranet mirroring: modvault A, filled from the fake upstream, lists what it stored on
 * {@code GET /index}; modvault B's data directory follows that feed with {@code prewarm --feed}
 * through A (its GOPROXY), then, with the upstream and A stopped, B alone serves the go command
 * with GOSUMDB on. Later runs fetch only what A stored since, and then nothing.
 */
class FeedIT {
    private static final TestModule UPPER = TestModules.get(TestModules.UPPER, "v1.0.0");
    private static final TestModule MULTI = TestModules.get(TestModules.MULTI_V2, "v2.0.0");
    private static final TestModule LEGACY = TestModules.get(TestModules.LEGACY, "v2.0.0+incompatible");
    private static final TestModule PRE_LATEST = TestModules.expectedLatest(TestModules.PRE);

    @TempDir
    Path temp;

    private FakeUpstream upstream;
    private ChecksumDatabaseServer database;
    private RunningModvault dmz;
    private RunningModvault intranet;

    @BeforeEach
    void start() throws Exception {
        upstream = FakeUpstream.start(GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue()));
        database = ChecksumDatabaseServer.forModules("sumdb.test", TestModules.catalogue())
                .mountOn(upstream);
        dmz = RunningModvault.start(temp.resolve("dmz"), upstream.baseUrl(), Map.of("GOSUMDB", database.verifierKey()));
    }

    @AfterEach
    void stop() {
        Stream.of(intranet, dmz).filter(s -> s != null).forEach(RunningModvault::close);
        upstream.close();
    }

    @Test
    void intranetFollowsTheDmzFeedThenServesTheGoCommandAlone() throws Exception {
        PrewarmCommands.Run fill = prewarmDmz(UPPER.coordinate(), MULTI.coordinate());
        assertThat(fill.exit()).as(fill.describe()).isZero();
        // Only LEGACY's go.mod so far: the feed lists it now, and again once its zip is stored.
        assertThat(dmz.get("/" + GoProxyTree.modPath(LEGACY)).statusCode()).isEqualTo(200);

        PrewarmCommands.Run first = followDmz();
        assertThat(first.exit()).as(first.describe()).isZero();
        assertThat(first.out()).contains("prewarm: 3 items: 3 fetched, 0 already present, 0 failed");
        assertThat(first.err()).contains("next run continues from");
        assertThat(feedIndex()).extracting(IndexLines.Line::path).contains(LEGACY.path());

        assertThat(prewarmDmz(TestModules.PRE + "@latest").exit()).isZero();
        PrewarmCommands.Run second = followDmz();
        assertThat(second.exit()).as(second.describe()).isZero();
        assertThat(second.out())
                .as("PRE is new; LEGACY's info and zip were stored by A while B's first run fetched them")
                .contains("prewarm: 2 items: 1 fetched, 1 already present, 0 failed");
        assertThat(stateSince()).isEqualTo(feedIndex().getLast().timestamp().toString());

        PrewarmCommands.Run third = followDmz();
        assertThat(third.exit()).as(third.describe()).isZero();
        assertThat(third.out()).contains("prewarm: 0 items: 0 fetched");

        upstream.stop();
        dmz.close();
        dmz = null;
        intranet = RunningModvault.start(
                temp.resolve("intranet"), upstream.baseUrl(), Map.of("GOSUMDB", database.verifierKey()));
        GoCommand go = GoCommand.create(temp.resolve("go"))
                .withProxy(intranet.baseUrl())
                .withSumdb(database.verifierKey());
        GoResult download = go.run(
                temp,
                "mod",
                "download",
                "-json",
                UPPER.coordinate(),
                MULTI.coordinate(),
                LEGACY.coordinate(),
                PRE_LATEST.coordinate());
        assertThat(download.succeeded()).as(download.describe()).isTrue();
    }

    @Test
    void aFailedVersionHoldsThePointAndIsRetriedByTheNextRun() throws Exception {
        assertThat(prewarmDmz(UPPER.coordinate()).exit()).isZero();
        assertThat(dmz.get("/" + GoProxyTree.modPath(MULTI)).statusCode()).isEqualTo(200);
        upstream.stop(); // A cannot fetch MULTI's info and zip for B now

        PrewarmCommands.Run failing = followDmz();
        assertThat(failing.exit()).as(failing.describe()).isEqualTo(1);
        assertThat(failing.out()).contains("FAILED " + MULTI.coordinate()).contains("1 fetched");
        String multiListedAt = feedIndex().stream()
                .filter(line -> line.path().equals(MULTI.path()))
                .findFirst()
                .orElseThrow()
                .timestamp()
                .toString();
        assertThat(stateSince()).isEqualTo(multiListedAt);

        upstream.start();
        PrewarmCommands.Run retried = followDmz();
        assertThat(retried.exit()).as(retried.describe()).isZero();
        assertThat(retried.out()).contains("1 fetched").contains("0 failed");
    }

    private PrewarmCommands.Run prewarmDmz(String... inputs) {
        String[] args = Stream.concat(Stream.of("--server", dmz.baseUrl()), Stream.of(inputs))
                .toArray(String[]::new);
        return PrewarmCommands.run(
                Map.of("MODVAULT_DATA_DIR", temp.resolve("unused").toString()), "", Duration.ofSeconds(5), args);
    }

    /** {@code prewarm --feed <A>/index} into B's data directory, with A as B's upstream. */
    private PrewarmCommands.Run followDmz() {
        Map<String, String> env = Map.of(
                "MODVAULT_DATA_DIR", temp.resolve("intranet").toString(),
                "GOPROXY", dmz.baseUrl(),
                "GOSUMDB", database.verifierKey(),
                "MODVAULT_UPSTREAM_TIMEOUT", "5s");
        return PrewarmCommands.run(env, "", Duration.ofSeconds(5), "--feed", dmz.baseUrl() + "/index");
    }

    private List<IndexLines.Line> feedIndex() throws Exception {
        return IndexLines.parse(new String(dmz.get("/index").body(), StandardCharsets.UTF_8));
    }

    private String stateSince() throws Exception {
        List<Path> states;
        try (Stream<Path> files = Files.list(temp.resolve("intranet").resolve("feeds"))) {
            states = files.toList();
        }
        assertThat(states).hasSize(1);
        JsonNode state = new ObjectMapper().readTree(states.getFirst().toFile());
        assertThat(state.get("feed").asText()).isEqualTo(dmz.baseUrl() + "/index");
        return state.get("since").asText();
    }
}
