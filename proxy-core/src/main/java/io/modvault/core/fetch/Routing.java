package io.modvault.core.fetch;

import io.modvault.core.policy.RoutingPolicy;
import io.modvault.core.upstream.UpstreamClient;
import java.util.Optional;
import java.util.function.Function;

/**
 * How module requests are routed: the policy (GOPRIVATE/GONOPROXY, deny/allow, explicit routes),
 * the direct (version-control) fetcher for GONOPROXY modules, and how to build the upstream chain
 * an explicit route names (GOPROXY grammar; built once per distinct chain).
 */
public record Routing(RoutingPolicy policy, Optional<UpstreamClient> direct, Function<String, UpstreamClient> chains) {

    /** Every module goes to the main upstream chain. */
    public static Routing none() {
        return new Routing(RoutingPolicy.none(), Optional.empty(), chain -> {
            throw new IllegalStateException("no routes configured");
        });
    }
}
