package io.modvault.server;

import io.modvault.core.fetch.ModuleProxy;
import io.modvault.core.fetch.VerificationSettings;
import io.modvault.core.integrity.ScrubSchedule;
import io.modvault.core.integrity.UnrecordedZipRepair;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.upstream.CircuitBreakers;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.server.config.ServerConfig;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The modvault application: store, routing policy, upstream transport, proxy and verifier, and
 * their integrity work, owned together, with no network listener. Every command starts here:
 * {@link #openStore} for what works on the cache alone ({@code verify}), {@link #open} for what
 * fetches ({@code serve}, through {@link ProxyServer}; or an offline fill of the cache). Opening goes
 * configuration → store → start-up repair → proxy; {@link #close()} stops in reverse (scrub,
 * store, then the HTTP clients of discovery), and every native object (the RocksDB store) has
 * this one owner. A request meets the layers in this order:
 * <ol>
 * <li>{@link ProxyServer} (outside this object): connection caps, HTTP decoding, the URL parsed
 *     into a {@code ProxyRequest}, local endpoints, the in-memory cache of small answers, access
 *     log and metrics;
 * <li>{@link ModuleProxy}: deny rules of the routing policy (403 whatever is cached);
 * <li>the store: a fresh stored copy is the answer, as is a remembered not-found;
 * <li>one shared upstream fetch per key, sent where the module's route says: its repository
 *     (git, for GONOPROXY modules), a pattern's own chain, or the main GOPROXY chain, each
 *     proxy URL behind its circuit breaker; checksum-database requests always use the main chain;
 * <li>checks before storing: structure ({@code .info}, a {@code go.mod} naming its module, zip
 *     layout), then the verifier for {@code .mod} and {@code .zip} (checksum database, or
 *     unverified for GONOSUMDB/GOSUMDB=off);
 * <li>one synced store write with the recorded {@code h1:}, then the answer; when the upstream
 *     fails, a stale copy of a list, {@code @latest} or query beats an error.
 * </ol>
 * Integrity: zips stored without a recorded hash are repaired at {@link #open}
 * ({@link UnrecordedZipRepair}); {@link #startScrub()} re-hashes stored zips in the background
 * and fetches damaged ones again through layer 2.
 */
public final class Modvault implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Modvault.class);
    private final ServerConfig config;
    private final Clock clock;
    private final ModuleStore store;
    private final Optional<Fetching> fetching;
    private Optional<ScrubSchedule> scrub = Optional.empty();
    private boolean closed;

    /** What {@link #open} adds to the store: the network side and the proxy over both. */
    private record Fetching(Components components, UpstreamClient upstream, ModuleProxy proxy) {}

    private Modvault(ServerConfig config, Clock clock, ModuleStore store, Optional<Fetching> fetching) {
        this.config = config;
        this.clock = clock;
        this.store = store;
        this.fetching = fetching;
    }

    /**
     * The store alone, for commands that only read or write the cache: no routing, upstream or
     * proxy is built and nothing is repaired. Throws {@link StoreLockedException} when another
     * process holds the data directory.
     */
    public static Modvault openStore(ServerConfig config, Clock clock) {
        return new Modvault(config, clock, Stores.open(config, clock), Optional.empty());
    }

    /**
     * Everything but a listener: the configuration is checked first (a {@code ConfigException}
     * leaves nothing open), then the store is opened, repaired, and the proxy built over it.
     * Throws {@link StoreLockedException} when another process holds the data directory.
     */
    public static Modvault open(ServerConfig config, Clock clock) {
        Components components = new Components(config, clock);
        try {
            UpstreamClient upstream = components.upstream();
            VerificationSettings verification = components.verification();
            components.policy().warnings().forEach(warning -> LOG.warn("configuration: {}", warning));
            ModuleStore store = Stores.open(config, clock);
            try {
                new UnrecordedZipRepair(store, verification.database(), verification.noSumdb()).run();
                ModuleProxy proxy =
                        new ModuleProxy(store, upstream, config.fetch(), clock, verification, components.routing());
                return new Modvault(config, clock, store, Optional.of(new Fetching(components, upstream, proxy)));
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        } catch (RuntimeException e) {
            components.close();
            throw e;
        }
    }

    public ServerConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public ModuleStore store() {
        return store;
    }

    /** The proxy algorithm with its verifier; only after {@link #open}. */
    public ModuleProxy proxy() {
        return fetching().proxy();
    }

    /** The main upstream chain's name (credentials hidden), for logs. */
    public String upstreamName() {
        return fetching().upstream().name();
    }

    /** The circuit breakers of every upstream URL, for metrics. */
    public CircuitBreakers breakers() {
        return fetching().components().breakers();
    }

    /** Starts the background scrub when the configuration sets an interval; {@link #close()} stops it. */
    public synchronized void startScrub() {
        if (closed || scrub.isPresent()) {
            throw new IllegalStateException(closed ? "modvault is closed" : "the scrub is already running");
        }
        scrub = Scrubbing.start(config.scrub(), store, proxy(), clock);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        scrub.ifPresent(ScrubSchedule::close);
        store.close();
        fetching.ifPresent(f -> f.components().close());
    }

    private Fetching fetching() {
        return fetching.orElseThrow(() -> new IllegalStateException("opened with openStore: no upstream or proxy"));
    }
}
