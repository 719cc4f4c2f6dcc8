package io.modvault.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.fetch.VerificationSettings;
import io.modvault.core.testing.SelfSignedTls;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.server.config.ConfigException;
import io.modvault.server.config.ConfigLoader;
import io.modvault.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentsTest {

    private static ServerConfig config(Map<String, String> env) {
        return ConfigLoader.load(env, Optional.empty(), Map.of());
    }

    private static UpstreamClient upstream(Map<String, String> env) {
        return new Components(config(env), Clock.systemUTC()).upstream();
    }

    @Test
    void directEndsTheChainLikeInTheGoCommand() {
        assertThat(upstream(Map.of("GOPROXY", "https://proxy.example,direct,https://ignored.example"))
                        .name())
                .isEqualTo("https://proxy.example,direct");
    }

    @Test
    void malformedRoutesAreConfigurationErrorsNamingTheKey() {
        assertThatThrownBy(() -> new Components(config(Map.of("MODVAULT_ROUTES", "corp.example/*")), Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("MODVAULT_ROUTES: ");
    }

    @Test
    void invalidSchemesAreConfigurationErrors() {
        assertThatThrownBy(() -> upstream(Map.of("GOPROXY", "ftp://mirror.example")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be https, http, file");
    }

    @Test
    void chainNameHidesCredentials() {
        assertThat(upstream(Map.of("GOPROXY", "https://user:secret@corp.example/gp|https://proxy.golang.org"))
                        .name())
                .doesNotContain("secret")
                .contains("corp.example");
    }

    @Test
    void caFileWithoutCertificatesIsAConfigurationErrorNamingTheSetting(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("corp.pem"), "not a certificate\n");

        assertThatThrownBy(() -> new Components(
                        config(Map.of("MODVAULT_CA_FILE", file.toString(), "MODVAULT_DATA_DIR", temp.toString())),
                        Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("MODVAULT_CA_FILE: ")
                .hasMessageContaining("corp.pem");
    }

    @Test
    void caFileIsWrittenWithTheJvmRootsForGit(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(
                temp.resolve("corp.pem"),
                SelfSignedTls.forSan("dns:registry.corp.example").certificatePem());

        try (Components components = new Components(
                config(Map.of("MODVAULT_CA_FILE", file.toString(), "MODVAULT_DATA_DIR", temp.toString())),
                Clock.systemUTC())) {
            assertThat(components.upstream().name()).isEqualTo("https://proxy.golang.org");
        }
        assertThat(Files.readString(temp.resolve(GitCaBundle.FILE_NAME)))
                .contains(Files.readString(file))
                .hasSizeGreaterThan(10 * Files.readString(file).length());
    }

    private static VerificationSettings verification(Map<String, String> env) {
        return new Components(config(env), Clock.systemUTC()).verification();
    }

    @Test
    void sumdbProxiedToClientsWhenOwnVerificationIsOff() {
        VerificationSettings off = verification(Map.of("GOSUMDB", "off"));
        assertThat(off.database()).isEmpty();
        assertThat(off.proxied()).hasValueSatisfying(db -> assertThat(db.name()).isEqualTo("sum.golang.org"));
        VerificationSettings on = verification(Map.of());
        assertThat(on.proxied()).isEqualTo(on.database()).isPresent();
        assertThat(verification(Map.of("MODVAULT_SUMDB_PROXY", "off")).proxied())
                .isEmpty();
        assertThat(verification(Map.of("MODVAULT_SUMDB_PROXY", "off")).database())
                .isPresent();
    }

    @Test
    void invalidSumdbProxySettingNamesTheKey() {
        assertThatThrownBy(() -> config(Map.of("MODVAULT_SUMDB_PROXY", "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("MODVAULT_SUMDB_PROXY: invalid value 'yes' (on or off)");
    }

    @Test
    void goproxyOffServesChecksumDatabaseFromCacheOnly() {
        assertThat(verification(Map.of("GOPROXY", "off")).cacheOnly()).isTrue();
        assertThat(verification(Map.of("GOPROXY", " off ,https://ignored.example"))
                        .cacheOnly())
                .isTrue();
        assertThat(verification(Map.of("GOPROXY", "https://proxy.example,off")).cacheOnly())
                .isFalse();
        assertThat(verification(Map.of()).cacheOnly()).isFalse();
    }
}
