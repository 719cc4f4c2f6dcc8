package io.modvault.core.upstream;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link CircuitBreaker} per upstream name (its URL without credentials), shared by every
 * chain and route that lists the same upstream, since they all reach the same server.
 */
public final class CircuitBreakers {

    private final Clock clock;
    private final Map<String, CircuitBreaker> byUpstream = new ConcurrentHashMap<>();

    public CircuitBreakers(Clock clock) {
        this.clock = clock;
    }

    /** {@code client} behind the breaker for its name. */
    public UpstreamClient guard(UpstreamClient client) {
        return new GuardedUpstream(
                client, byUpstream.computeIfAbsent(client.name(), name -> new CircuitBreaker(name, clock)));
    }

    /** Every breaker made so far, for metrics. */
    public Collection<CircuitBreaker> all() {
        return List.copyOf(byUpstream.values());
    }
}
