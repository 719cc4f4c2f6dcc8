package io.modvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicAuthTest {

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void matchesExactlyTheConfiguredPair() {
        assertThat(BasicAuth.matches(basic("alice:s3cret"), "alice", "s3cret")).isTrue();
        assertThat(BasicAuth.matches(basic("alice:s3cret2"), "alice", "s3cret")).isFalse();
        assertThat(BasicAuth.matches(basic("bob:s3cret"), "alice", "s3cret")).isFalse();
        assertThat(BasicAuth.matches(null, "alice", "s3cret")).isFalse();
    }

    @Test
    void schemeIsCaseInsensitiveAndPasswordsMayContainColons() {
        String header = "basic " + Base64.getEncoder().encodeToString("alice:a:b".getBytes(StandardCharsets.UTF_8));

        assertThat(BasicAuth.matches(header, "alice", "a:b")).isTrue();
        assertThat(BasicAuth.user(header)).contains("alice");
    }

    @Test
    void malformedHeadersCarryNoUser() {
        assertThat(BasicAuth.user("Bearer abc")).isEmpty();
        assertThat(BasicAuth.user("Basic !!!not-base64")).isEmpty();
        assertThat(BasicAuth.user(basic("no-colon"))).isEmpty();
        assertThat(BasicAuth.user(null)).isEmpty();
    }
}
