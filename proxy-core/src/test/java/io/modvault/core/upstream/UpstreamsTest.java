package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpstreamsTest {

    private final HttpUpstreamSettings settings = HttpUpstreamSettings.defaults("1.2.3");

    @Test
    void choosesTheClientByScheme() {
        assertThat(Upstreams.forUri(URI.create("https://proxy.golang.org"), settings))
                .isInstanceOf(HttpUpstreamClient.class);
        assertThat(Upstreams.forUri(URI.create("http://corp.example/gp"), settings))
                .isInstanceOf(HttpUpstreamClient.class);
        assertThat(Upstreams.forUri(URI.create("file:///srv/goproxy"), settings))
                .isInstanceOf(FileUpstreamClient.class);
        assertThatThrownBy(() -> Upstreams.forUri(URI.create("ftp://x"), settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid proxy URL scheme (must be https, http, file)");
    }

    @Test
    void sharesOneTransportPerConfiguration() {
        HttpUpstreamSettings equal = HttpUpstreamSettings.defaults("1.2.3");
        HttpUpstreamSettings other = new HttpUpstreamSettings(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Optional.empty(), "modvault/other");

        assertThat(Upstreams.transport(settings)).isSameAs(Upstreams.transport(equal));
        assertThat(Upstreams.transport(settings)).isNotSameAs(Upstreams.transport(other));
    }

    @Test
    void settingsDefaultToModvaultUserAgentAndRejectNonsense() {
        assertThat(settings.userAgent()).isEqualTo("modvault/1.2.3");
        assertThat(settings.proxySelector()).isEmpty();
        assertThatThrownBy(() -> new HttpUpstreamSettings(Duration.ZERO, Duration.ofSeconds(1), Optional.empty(), "ua"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new HttpUpstreamSettings(Duration.ofSeconds(1), Duration.ofSeconds(-1), Optional.empty(), "ua"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new HttpUpstreamSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Optional.empty(), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
