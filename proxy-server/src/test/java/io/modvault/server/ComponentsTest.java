package io.modvault.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.server.config.ConfigException;
import io.modvault.server.config.ConfigLoader;
import io.modvault.server.config.ServerConfig;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComponentsTest {

    private static ServerConfig config(Map<String, String> env) {
        return ConfigLoader.load(env, Optional.empty(), Map.of());
    }

    @Test
    void directIsRefusedAtStartUpWithAConfigurationErrorNamingGoproxy() {
        assertThatThrownBy(() -> Components.upstream(config(Map.of("GOPROXY", "https://proxy.example,direct"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GOPROXY: ").hasMessageContaining("direct");
    }

    @Test
    void invalidSchemesAreConfigurationErrors() {
        assertThatThrownBy(() -> Components.upstream(config(Map.of("GOPROXY", "ftp://mirror.example"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must be https, http, file");
    }

    @Test
    void chainNameHidesCredentials() {
        assertThat(Components.upstream(config(Map.of("GOPROXY", "https://user:secret@corp.example/gp|https://proxy.golang.org"))).name())
                .doesNotContain("secret").contains("corp.example");
    }
}
