package io.modvault.core.vcs.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A user name and secret for one git host ({@code host} or {@code host:port}), sent as HTTP Basic
 * authentication, and where it came from ({@code source}: {@code MODVAULT_GIT_CREDENTIALS} or the
 * netrc file's path) so error messages can say what was tried. {@link #toString()} never shows
 * the secret.
 */
public record Credential(String host, String username, String password, String source) {

    public Credential {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(source, "source");
    }

    /** The {@code Authorization} header value: {@code Basic base64(username:password)}, as Go's SetBasicAuth. */
    public String basicAuthorization() {
        byte[] pair = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair);
    }

    @Override
    public String toString() {
        return "Credential[host=" + host + ", username=" + username + ", password=<redacted>, source=" + source + "]";
    }
}
