package io.modvault.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.integrity.ScrubSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScrubConfigTest {

    private static ScrubSettings scrub(Map<String, String> env) {
        return ConfigLoader.load(env, Optional.empty(), Map.of()).scrub();
    }

    @Test
    void scrubIsOffByDefaultAtTwentyMegabytesPerSecond() {
        assertThat(scrub(Map.of())).isEqualTo(new ScrubSettings(Optional.empty(), 20L << 20));
        assertThat(scrub(Map.of("MODVAULT_SCRUB_INTERVAL", "0")).interval()).isEmpty();
        assertThat(scrub(Map.of("MODVAULT_SCRUB_INTERVAL", "OFF")).interval()).isEmpty();
    }

    @Test
    void intervalAndRateAreParsed() {
        ScrubSettings settings = scrub(Map.of("MODVAULT_SCRUB_INTERVAL", "24h", "MODVAULT_SCRUB_RATE", "512KB"));
        assertThat(settings.interval()).contains(Duration.ofHours(24));
        assertThat(settings.bytesPerSecond()).isEqualTo(512 * 1024);
    }

    @Test
    void badValuesFailNamingTheirKey() {
        assertThatThrownBy(() -> scrub(Map.of("MODVAULT_SCRUB_INTERVAL", "daily")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MODVAULT_SCRUB_INTERVAL");
        assertThatThrownBy(() -> scrub(Map.of("MODVAULT_SCRUB_RATE", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MODVAULT_SCRUB_RATE");
    }
}
