package io.modvault.core.upstream;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The GOPROXY list grammar of the go command ({@code modfetch/proxy.go proxyList}), kept apart
 * from the walking logic of {@link ProxyChain}.
 */
final class ProxyChainParser {

    static final String NO_ENTRIES = "GOPROXY list is not the empty string, but contains no entries";
    static final String EMPTY = "GOPROXY is empty; list proxy URLs (https://, http://, file://) or off";

    private ProxyChainParser() {}

    static List<ProxyChain.Entry> parse(
            String goproxy, Function<URI, UpstreamClient> clients, Optional<Supplier<UpstreamClient>> direct) {
        Objects.requireNonNull(goproxy, "goproxy");
        Objects.requireNonNull(clients, "clients");
        if (goproxy.isEmpty()) {
            throw new IllegalArgumentException(EMPTY);
        }
        List<ProxyChain.Entry> entries = new ArrayList<>();
        String rest = goproxy;
        while (!rest.isEmpty()) {
            int sep = indexOfSeparator(rest);
            String entry = (sep < 0 ? rest : rest.substring(0, sep)).strip();
            boolean fallBackOnError = sep >= 0 && rest.charAt(sep) == '|';
            rest = sep < 0 ? "" : rest.substring(sep + 1);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("off")) {
                // "off" always fails hard, so nothing after it can be reached.
                entries.add(new ProxyChain.Entry(new OffUpstream(), fallBackOnError));
                break;
            }
            if (entry.equals("direct")) {
                // Like the go command: "direct" ends the list; later entries are reserved.
                entries.add(new ProxyChain.Entry(
                        direct.orElseThrow(() -> new IllegalArgumentException(ProxyChain.DIRECT_NOT_SUPPORTED))
                                .get(),
                        fallBackOnError));
                break;
            }
            URI uri = toUri(entry);
            entries.add(new ProxyChain.Entry(
                    Objects.requireNonNull(clients.apply(uri), "no client for " + UpstreamUrls.redact(uri)),
                    fallBackOnError));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(NO_ENTRIES);
        }
        return entries;
    }

    private static int indexOfSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ',' || s.charAt(i) == '|') {
                return i;
            }
        }
        return -1;
    }

    /** Applies the https:// default for bare hosts and checks the scheme, as go does. */
    static URI toUri(String entry) {
        String url = entry;
        boolean looksLikeHost = url.chars().anyMatch(c -> c == '.' || c == ':' || c == '/');
        if (looksLikeHost && !url.contains(":/") && !url.startsWith("/")) {
            url = "https://" + url;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "invalid proxy URL " + UpstreamUrls.redact(url) + ": " + e.getReason(), e);
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw new IllegalArgumentException("invalid proxy URL missing scheme: " + UpstreamUrls.redact(uri));
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (!lower.equals("https") && !lower.equals("http") && !lower.equals("file")) {
            throw new IllegalArgumentException(
                    "invalid proxy URL scheme (must be https, http, file): " + UpstreamUrls.redact(uri));
        }
        return lower.equals(scheme) ? uri : URI.create(lower + url.substring(scheme.length()));
    }
}
