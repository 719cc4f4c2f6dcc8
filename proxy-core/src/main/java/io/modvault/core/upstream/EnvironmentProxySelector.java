package io.modvault.core.upstream;

import java.io.IOException;
import java.net.Authenticator;
import java.net.IDN;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Corporate egress configured the way Go programs read it ({@code http.ProxyFromEnvironment}):
 * {@code HTTPS_PROXY} for https requests, {@code HTTP_PROXY} for http requests (upper case
 * first, then lower case, the first non-empty wins), {@code NO_PROXY} for exceptions (see
 * {@link NoProxyRules}); {@code localhost} and loopback addresses are never proxied. A proxy
 * value without a scheme means {@code http://}.
 *
 * <p>Proxy URLs may carry credentials ({@code http://user:pa%40ss@host:port}, percent-decoded);
 * {@link #authenticator()} gives them to the JDK client, which answers the proxy's 407 with
 * Basic (see {@link ProxyTunnelling} for tunnels). The JDK client speaks only to plain-HTTP
 * proxies: {@code https://} (TLS to the proxy) and {@code socks5://} values are refused up front
 * instead of being silently ignored or bypassed.
 */
public final class EnvironmentProxySelector extends ProxySelector {

    private static final List<Proxy> DIRECT = List.of(Proxy.NO_PROXY);

    private final Optional<ProxyUrl> httpsUrl;
    private final Optional<ProxyUrl> httpUrl;
    private final Optional<Proxy> httpsProxy;
    private final Optional<Proxy> httpProxy;
    private final NoProxyRules noProxy;
    private final String description;

    private EnvironmentProxySelector(Optional<ProxyUrl> httpsUrl, Optional<ProxyUrl> httpUrl, String noProxy) {
        this.httpsUrl = httpsUrl;
        this.httpUrl = httpUrl;
        this.httpsProxy = httpsUrl.map(EnvironmentProxySelector::proxy);
        this.httpProxy = httpUrl.map(EnvironmentProxySelector::proxy);
        this.noProxy = NoProxyRules.parse(noProxy);
        this.description = "HTTPS_PROXY="
                + httpsUrl.map(ProxyUrl::address).orElse("")
                + " HTTP_PROXY="
                + httpUrl.map(ProxyUrl::address).orElse("")
                + " NO_PROXY=" + noProxy;
    }

    /**
     * Reads the proxy variables from {@code env} (usually {@code System.getenv()}).
     *
     * @throws IllegalArgumentException if a proxy value is malformed or not usable by the JDK
     */
    public static EnvironmentProxySelector of(Map<String, String> env) {
        return new EnvironmentProxySelector(
                proxyUrl(env, "HTTPS_PROXY", "https_proxy"),
                proxyUrl(env, "HTTP_PROXY", "http_proxy"),
                first(env, "NO_PROXY", "no_proxy").orElse(""));
    }

    /** Whether any proxy is configured at all. */
    public boolean proxies() {
        return httpsProxy.isPresent() || httpProxy.isPresent();
    }

    /**
     * Answers the proxies' authentication challenges with the credentials in their URLs; empty
     * when no proxy URL carries any.
     */
    public Optional<Authenticator> authenticator() {
        List<ProxyUrl> withCredentials = Stream.of(httpsUrl, httpUrl)
                .flatMap(Optional::stream)
                .filter(url -> url.credentials().isPresent())
                .toList();
        return withCredentials.isEmpty() ? Optional.empty() : Optional.of(new ProxyAuthenticator(withCredentials));
    }

    @Override
    public List<Proxy> select(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Optional<Proxy> proxy = switch (scheme) {
            case "https" -> httpsProxy;
            case "http" -> httpProxy;
            default -> Optional.empty();
        };
        if (proxy.isEmpty()) {
            return DIRECT;
        }
        Optional<String> host = host(uri);
        if (host.isEmpty()) {
            return List.of(proxy.get()); // Go proxies requests whose host it cannot tell.
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return noProxy.bypass(host.get(), port) ? DIRECT : List.of(proxy.get());
    }

    /** Nothing to learn: the go command does not fall back to direct connections either. */
    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException error) {}

    @Override
    public String toString() {
        return "EnvironmentProxySelector[" + description + "]";
    }

    private static Optional<String> host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return Optional.empty();
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return Optional.of(IDN.toASCII(host).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.of(host.toLowerCase(Locale.ROOT));
        }
    }

    private static Optional<ProxyUrl> proxyUrl(Map<String, String> env, String upper, String lower) {
        Optional<ProxyUrl> url = first(env, upper, lower).map(value -> ProxyUrl.parse(value, upper));
        url.ifPresent(u -> {
            if (!u.scheme().equals("http")) {
                throw new IllegalArgumentException(upper + ": " + u.scheme()
                        + ":// proxies are not supported for modvault's own requests (the JDK HTTP client"
                        + " speaks only to http:// proxies); use an http:// proxy address");
            }
        });
        return url;
    }

    private static Proxy proxy(ProxyUrl url) {
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(url.host(), url.port()));
    }

    private static Optional<String> first(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
