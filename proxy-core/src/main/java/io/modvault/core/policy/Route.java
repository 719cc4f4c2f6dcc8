package io.modvault.core.policy;

import java.util.Objects;

/**
 * Where the requests for one module go, as {@link RoutingPolicy#route} decides: refused with a
 * reason, fetched directly from the module's repository, sent to an upstream chain configured for
 * its pattern, or sent to the server's main upstream chain.
 */
public sealed interface Route {

    /** Refused (403); {@code reason} names the rule and is meant for the client. */
    record Denied(String reason) implements Route {
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Fetched from the module's own repository: GONOPROXY matched, or a route names {@code direct}. */
    record Direct() implements Route {}

    /** Sent to the upstream chain {@code goproxy} (GOPROXY grammar) that a MODVAULT_ROUTES rule names. */
    record Chain(String goproxy) implements Route {
        public Chain {
            Objects.requireNonNull(goproxy, "goproxy");
        }
    }

    /** Sent to the server's main upstream chain. */
    record Default() implements Route {}
}
