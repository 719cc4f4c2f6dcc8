package io.modvault.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.fetch.CacheOutcome;
import io.modvault.core.fetch.FetchResult;
import io.modvault.core.protocol.ParseResult;
import io.modvault.core.protocol.ProxyRequest;
import io.modvault.core.protocol.ProxyRequestParser;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.testing.FakeUpstream;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.TestModule;
import io.modvault.core.testing.TestModules;
import io.modvault.server.config.ConfigException;
import io.modvault.server.config.ConfigLoader;
import io.modvault.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application object without any Netty server: what an offline command gets from {@link Modvault}. */
class ModvaultTest {
    private static final TestModule UPPER = TestModules.get(TestModules.UPPER, "v1.0.0");

    @TempDir
    Path temp;

    private ServerConfig config(String upstream, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "MODVAULT_DATA_DIR",
                temp.resolve("data").toString(),
                "GOPROXY",
                upstream,
                "GOSUMDB",
                "off",
                "MODVAULT_SUMDB_PROXY",
                "off"));
        env.putAll(extra);
        return ConfigLoader.load(env, Optional.empty(), Map.of());
    }

    private static ProxyRequest request(String uri) {
        return ((ParseResult.Parsed) ProxyRequestParser.parse(uri)).request();
    }

    @Test
    void fetchesAModuleThroughItsProxyWithoutAServerAndClosesCleanly() throws Exception {
        GoProxyTree tree = GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue());
        try (FakeUpstream upstream = FakeUpstream.start(tree)) {
            ServerConfig config = config(upstream.baseUrl(), Map.of());
            try (Modvault modvault = Modvault.open(config, Clock.systemUTC())) {
                FetchResult zip = modvault.proxy().get(request("/" + GoProxyTree.zipPath(UPPER)));

                assertThat(zip)
                        .isInstanceOfSatisfying(
                                FetchResult.Blob.class,
                                blob -> assertThat(blob.outcome()).isEqualTo(CacheOutcome.MISS));
                assertThat(modvault.store().keys(EntryKind.ZIP, "")).hasSize(1);
                assertThat(upstream.requests("/" + GoProxyTree.zipPath(UPPER))).isEqualTo(1);
            }
            // Closed means the store's lock is released: the data directory opens again, with the zip kept.
            try (Modvault again = Modvault.openStore(config, Clock.systemUTC())) {
                assertThat(again.store().keys(EntryKind.ZIP, "")).hasSize(1);
            }
        }
    }

    @Test
    void secondOpenOfTheSameDataDirectoryFailsWithTheStoreLockedMessage() {
        ServerConfig config = config("http://127.0.0.1:9", Map.of());
        try (Modvault first = Modvault.open(config, Clock.systemUTC())) {
            assertThatThrownBy(() -> Modvault.open(config, Clock.systemUTC()))
                    .isInstanceOfSatisfying(
                            StoreLockedException.class,
                            e -> assertThat(e.messageFor("prewarm"))
                                    .startsWith("the store in "
                                            + temp.resolve("data").toAbsolutePath() + " is locked by another process")
                                    .contains(
                                            "stop the modvault server using this data directory before running prewarm"));
            assertThatThrownBy(() -> Modvault.openStore(config, Clock.systemUTC()))
                    .isInstanceOf(StoreLockedException.class);
            assertThat(first.store().keys(EntryKind.ZIP, "")).isEmpty();
        }
    }

    @Test
    void storeOnlyOpensNoProxy() {
        try (Modvault modvault = Modvault.openStore(config("http://127.0.0.1:9", Map.of()), Clock.systemUTC())) {
            assertThatThrownBy(modvault::proxy).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(modvault::startScrub).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void configurationErrorsComeBeforeTheStoreIsOpened() {
        ServerConfig config = config("ftp://mirror.example", Map.of());

        assertThatThrownBy(() -> Modvault.open(config, Clock.systemUTC())).isInstanceOf(ConfigException.class);
        assertThat(Files.exists(temp.resolve("data").resolve("db"))).isFalse();
    }
}
