package io.modvault.core.vcs.discovery;

import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModulePath;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.auth.Credentials;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * Finds a module's git repository as the go command does ({@code vcs.RepoRootForImportPath}):
 * the static rules of {@link KnownRepoPaths} first (github.com, bitbucket.org, explicit
 * {@code .git} paths; no network), then {@code <meta name="go-import">} discovery on
 * {@code https://<modulePath>?go-get=1}, with plain http as a fallback for GOINSECURE paths.
 * Only the module path itself is asked, never its parents; a tag for a shorter prefix is
 * confirmed on that prefix's own page. Unlike the go command, which reports every failure as
 * "not found", failures keep their kind: a 401/403 page is {@code AUTH} and names the host and
 * the credential source tried. Results are cached as {@link DiscoverySettings} says.
 */
public final class GoImportResolver implements RepoResolver, AutoCloseable {

    private final Predicate<String> insecure;
    private final DiscoveryClient client;
    private final Discovery discovery;
    private final ExpiringCache<RepoLocation> locations;

    /**
     * @param insecure GOINSECURE, applied to module paths and host names (e.g. {@code routingPolicy::insecure})
     * @param credentials also given GOINSECURE for hosts when loaded
     * @param tls the trust for https discovery (e.g. a corporate CA); empty for the JVM's default
     */
    public GoImportResolver(
            DiscoverySettings settings,
            Predicate<String> insecure,
            Credentials credentials,
            Clock clock,
            Optional<SSLContext> tls) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(clock, "clock");
        this.insecure = Objects.requireNonNull(insecure, "insecure");
        this.client = new DiscoveryClient(settings.http(), Objects.requireNonNull(tls, "tls"), credentials);
        this.discovery = new Discovery(
                client,
                credentials,
                new ExpiringCache<>(clock, settings.ttl(), settings.negativeTtl(), settings.maxEntries()));
        this.locations = new ExpiringCache<>(clock, settings.ttl(), settings.negativeTtl(), settings.maxEntries());
    }

    /** With the JVM's default trust store. */
    public GoImportResolver(
            DiscoverySettings settings, Predicate<String> insecure, Credentials credentials, Clock clock) {
        this(settings, insecure, credentials, clock, Optional.empty());
    }

    /**
     * @throws VcsException NOT_FOUND (malformed path, 404/410, no matching tag), AUTH (401/403),
     *     TIMEOUT, or FAILED (anything else, including repositories that are not git)
     */
    @Override
    public RepoLocation resolve(String modulePath) {
        Objects.requireNonNull(modulePath, "modulePath");
        try {
            ModulePath.of(modulePath);
        } catch (InvalidModuleException e) {
            throw new VcsException(VcsException.Kind.NOT_FOUND, e.getMessage());
        }
        boolean insecurePath = insecure.test(modulePath);
        Optional<RepoLocation> known = KnownRepoPaths.resolve(modulePath, insecurePath);
        if (known.isPresent()) {
            return known.get();
        }
        return locations.get(
                (insecurePath ? "insecure " : "secure ") + modulePath,
                () -> discovery.discover(modulePath, insecurePath));
    }

    /** Releases the HTTP clients; resolutions in flight fail. */
    @Override
    public void close() {
        client.close();
    }
}
