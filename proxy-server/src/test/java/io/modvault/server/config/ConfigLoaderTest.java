package io.modvault.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsMatchTheReadme() {
        ServerConfig config = ConfigLoader.load(Map.of(), Optional.empty(), Map.of());
        assertThat(config.upstream()).isEqualTo("https://proxy.golang.org");
        assertThat(config.listen().getPort()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.store()).isEqualTo(ServerConfig.StoreType.ROCKSDB);
        assertThat(config.fetch().listTtl()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws IOException {
        Path file = dir.resolve("modvault.yaml");
        Files.writeString(
                file,
                "GOPROXY: https://file.example\nMODVAULT_LIST_TTL: 5m\nlisten: 127.0.0.1:9000\nMODVAULT_NEGATIVE_TTL: 7s\n");
        ServerConfig config = ConfigLoader.load(
                Map.of("GOPROXY", "https://env.example", "MODVAULT_LIST_TTL", "2m"),
                Optional.of(file),
                Map.of(ConfigKey.UPSTREAM, "https://flag.example"));
        assertThat(config.upstream()).isEqualTo("https://flag.example");
        assertThat(config.fetch().listTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.listen().getPort()).isEqualTo(9000);
        assertThat(config.fetch().negativeTtl()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void readsTheConfigFileNamedInTheEnvironment() throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "MODVAULT_DATA_DIR: /srv/modvault\n");
        ServerConfig config = ConfigLoader.load(Map.of("MODVAULT_CONFIG", file.toString()), Optional.empty(), Map.of());
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/modvault"));
    }

    @Test
    void unknownKeysFailNamingTheKey() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "MODVAULT_LIST_TLL: 5m\n");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Optional.of(file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MODVAULT_LIST_TLL");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("MODVAULT_LISTN", ":1"), Optional.empty(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MODVAULT_LISTN");
    }

    @Test
    void toleratesTheVariablesKubernetesInjectsForAServiceNamedModvault() {
        Map<String, String> serviceLinks = Map.of(
                "MODVAULT_SERVICE_HOST",
                "10.0.0.1",
                "MODVAULT_SERVICE_PORT",
                "80",
                "MODVAULT_SERVICE_PORT_HTTP",
                "80",
                "MODVAULT_PORT",
                "tcp://10.0.0.1:80",
                "MODVAULT_PORT_80_TCP",
                "tcp://10.0.0.1:80",
                "MODVAULT_PORT_80_TCP_PROTO",
                "tcp",
                "MODVAULT_PORT_80_TCP_PORT",
                "80",
                "MODVAULT_PORT_80_TCP_ADDR",
                "10.0.0.1");
        assertThat(ConfigLoader.load(serviceLinks, Optional.empty(), Map.of())
                        .listen()
                        .getPort())
                .isEqualTo(8080);
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("MODVAULT_PORTS", "1"), Optional.empty(), Map.of()))
                .hasMessageContaining("MODVAULT_PORTS");
    }

    @Test
    void invalidValuesFailNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("MODVAULT_LIST_TTL", "soon"), Optional.empty(), Map.of()))
                .hasMessageContaining("MODVAULT_LIST_TTL")
                .hasMessageContaining("soon");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Optional.empty(), Map.of(ConfigKey.LISTEN, "host:99999")))
                .hasMessageContaining("MODVAULT_LISTEN");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("MODVAULT_STORE", "postgres"), Optional.empty(), Map.of()))
                .hasMessageContaining("MODVAULT_STORE");
    }

    @Test
    void acceptsPortOnlyAndIsoDurations() {
        ServerConfig config = ConfigLoader.load(
                Map.of("MODVAULT_LISTEN", ":0", "MODVAULT_QUERY_TTL", "PT90S"), Optional.empty(), Map.of());
        assertThat(config.listen().getPort()).isZero();
        assertThat(config.fetch().queryTtl()).isEqualTo(Duration.ofSeconds(90));
    }
}
