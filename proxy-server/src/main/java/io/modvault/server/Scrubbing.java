package io.modvault.server;

import io.modvault.core.fetch.FetchResult;
import io.modvault.core.fetch.ModuleProxy;
import io.modvault.core.integrity.BlobScrubber;
import io.modvault.core.integrity.IoRateLimiter;
import io.modvault.core.integrity.ScrubSchedule;
import io.modvault.core.integrity.ScrubSettings;
import io.modvault.core.protocol.ParseResult;
import io.modvault.core.protocol.ProxyRequestParser;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.ModuleStore;
import java.time.Clock;
import java.util.Optional;

/**
 * Starts the background scrub when {@code MODVAULT_SCRUB_INTERVAL} is set. A damaged zip it finds
 * is fetched again through the {@link ModuleProxy} (so it is verified like any download), as if
 * requested at {@code /<module>/@v/<version>.zip}.
 */
final class Scrubbing {
    private Scrubbing() {}

    static Optional<ScrubSchedule> start(ScrubSettings settings, ModuleStore store, ModuleProxy proxy, Clock clock) {
        return settings.interval()
                .map(interval -> ScrubSchedule.start(
                        interval,
                        new BlobScrubber(
                                store,
                                new IoRateLimiter(settings.bytesPerSecond(), clock, IoRateLimiter.Sleeper.REAL),
                                proxy.integrity(),
                                key -> refetch(proxy, key)),
                        clock));
    }

    /** The zip index key is {@code escapedPath@escapedVersion}; module paths never contain '@'. */
    static Optional<String> refetch(ModuleProxy proxy, EntryKey zipKey) {
        String key = zipKey.key();
        int at = key.indexOf('@');
        String uri = "/" + key.substring(0, at) + "/@v/" + key.substring(at + 1) + ".zip";
        return switch (ProxyRequestParser.parse(uri)) {
            case ParseResult.Rejected rejected ->
                Optional.of("stored key " + key + " is not a module version: " + rejected.reason());
            case ParseResult.Parsed parsed ->
                switch (proxy.get(parsed.request())) {
                    case FetchResult.Blob blob -> Optional.empty();
                    case FetchResult.NotFound notFound -> Optional.of(notFound.reason());
                    case FetchResult.Refused refused -> Optional.of(refused.reason());
                    case FetchResult.Failure failure -> Optional.of(failure.reason());
                    case FetchResult.Content content -> Optional.of("unexpected small answer for a zip");
                };
        };
    }
}
