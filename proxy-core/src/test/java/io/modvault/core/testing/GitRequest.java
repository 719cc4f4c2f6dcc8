package io.modvault.core.testing;

import java.util.Objects;
import java.util.Optional;

/**
 * One request a {@link GitHttpServer} answered, as its request log keeps it: method, the host the
 * client asked for ({@code git.example.test} for proxy-style absolute-form requests, else the
 * {@code Host} header), the decoded path and raw query, whether it arrived in absolute form
 * (through {@code HTTP_PROXY}), the user name of any Basic credentials sent (valid or not), and
 * the status answered. {@link #toString()} is a compact line such as
 * {@code GET git.example.test/org/tagged?go-get=1 200}.
 */
public record GitRequest(
        String method,
        String host,
        String path,
        String query,
        boolean absoluteForm,
        Optional<String> user,
        int status) {

    public GitRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(user, "user");
    }

    /** True for a {@code ?go-get=1} discovery request. */
    public boolean isGoGet() {
        return GitHttpServer.isGoGet(query);
    }

    @Override
    public String toString() {
        return method + " " + host + path + (query.isEmpty() ? "" : "?" + query)
                + user.map(u -> " (user " + u + ")").orElse("") + " " + status;
    }
}
