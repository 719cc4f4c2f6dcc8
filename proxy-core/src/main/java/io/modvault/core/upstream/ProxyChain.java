package io.modvault.core.upstream;

import io.modvault.core.upstream.UpstreamResult.Failed;
import io.modvault.core.upstream.UpstreamResult.Found;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GOPROXY-style list of upstreams tried in order, with the go command's fallback rules: after
 * an entry followed by {@code |} any failure moves on to the next entry; after one followed by
 * {@code ,} (or the last entry) only {@link UpstreamResult.NotFound} does. When every entry
 * fails, the reported outcome is the go command's "most useful" one: the last {@link Failed}
 * or {@link UpstreamResult.Refused} if there was one, else the last not-found. Built by {@link #parse}.
 */
public final class ProxyChain implements UpstreamClient {

    /** Why a GOPROXY list naming {@code direct} is refused where no direct fetcher is given. */
    public static final String DIRECT_NOT_SUPPORTED =
            "GOPROXY: 'direct' is not available here; list proxy URLs (https://, http://, file://) or off";

    private static final Logger LOG = LoggerFactory.getLogger(ProxyChain.class);

    /** GOPROXY entries as parsed: the client and whether any error falls through after it. */
    record Entry(UpstreamClient client, boolean fallBackOnError) {}

    private final List<Entry> entries;
    private final String name;

    ProxyChain(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a proxy chain needs at least one entry");
        }
        this.entries = List.copyOf(entries);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < this.entries.size(); i++) {
            Entry entry = this.entries.get(i);
            text.append(entry.client().name());
            if (i < this.entries.size() - 1) {
                text.append(entry.fallBackOnError() ? '|' : ',');
            }
        }
        this.name = text.toString();
    }

    /**
     * Parses a GOPROXY value with the go command's grammar: entries end at {@code ,} or {@code |}
     * and that separator sets the entry's fallback; entries are trimmed, empty ones skipped;
     * {@code off} ends the list; a bare host gets {@code https://}. URL entries become clients
     * through {@code clients}, e.g. {@code uri -> Upstreams.forUri(uri, settings)}.
     *
     * @throws IllegalArgumentException for an empty list, an invalid URL or scheme, or
     *     {@code direct} (message {@link #DIRECT_NOT_SUPPORTED})
     */
    public static ProxyChain parse(String goproxy, Function<java.net.URI, UpstreamClient> clients) {
        return new ProxyChain(ProxyChainParser.parse(goproxy, clients, Optional.empty()));
    }

    /** As {@link #parse(String, Function)}, with {@code direct} answered by the given fetcher (and ending the list). */
    public static ProxyChain parse(
            String goproxy, Function<java.net.URI, UpstreamClient> clients, Supplier<UpstreamClient> direct) {
        return new ProxyChain(ProxyChainParser.parse(goproxy, clients, Optional.of(direct)));
    }

    /**
     * One URL entry of a GOPROXY list as the go command reads it (a bare host gets
     * {@code https://}; only https, http and file are allowed).
     *
     * @throws IllegalArgumentException with the go command's wording
     */
    public static java.net.URI entryUri(String entry) {
        return ProxyChainParser.toUri(entry);
    }

    /** The chain as normalised GOPROXY text, without credentials, e.g. {@code https://a|https://b,off}. */
    @Override
    public String name() {
        return name;
    }

    /** The entries' names in order ({@code off} included), for logging. */
    public List<String> entries() {
        return entries.stream().map(entry -> entry.client().name()).toList();
    }

    @Override
    public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
        return walk(path, client -> client.fetchBytes(path, maxBytes));
    }

    /** Each entry tried writes (truncating) the same {@code target}; only a Found's content counts. */
    @Override
    public UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes) {
        return walk(path, client -> client.fetchFile(path, target, maxBytes));
    }

    private <T> UpstreamResult<T> walk(String path, Function<UpstreamClient, UpstreamResult<T>> call) {
        UpstreamResult<T> best = null;
        boolean bestIsFailure = false;
        for (Entry entry : entries) {
            UpstreamResult<T> result = call.apply(entry.client());
            if (result instanceof Found<T>) {
                return result;
            }
            // As in the go command, only 404/410 mean "try the next": a refusal is an error.
            boolean failure = result instanceof Failed<T> || result instanceof UpstreamResult.Refused<T>;
            if (failure || !bestIsFailure) {
                best = result;
                bestIsFailure |= failure;
            }
            if (failure && !entry.fallBackOnError()) {
                break;
            }
            LOG.debug("GOPROXY entry {} gave {} for {}", entry.client().name(), result, path);
        }
        return best;
    }

    @Override
    public String toString() {
        return "ProxyChain[" + name + "]";
    }
}
