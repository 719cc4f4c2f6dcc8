package io.modvault.core.upstream;

import java.io.IOException;
import java.net.IDN;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Corporate egress configured the way Go programs read it ({@code http.ProxyFromEnvironment}):
 * {@code HTTPS_PROXY} for https requests, {@code HTTP_PROXY} for http requests (upper case
 * first, then lower case, the first non-empty wins), {@code NO_PROXY} for exceptions (see
 * {@link NoProxyRules}); {@code localhost} and loopback addresses are never proxied. A proxy
 * value without a scheme means {@code http://}.
 *
 * <p>The JDK client only speaks to plain-HTTP proxies without credentials, so {@code https://}
 * or {@code socks5://} proxies and proxy userinfo are rejected up front instead of being
 * silently ignored.
 */
public final class EnvironmentProxySelector extends ProxySelector {

    private static final List<Proxy> DIRECT = List.of(Proxy.NO_PROXY);

    private final Optional<Proxy> httpsProxy;
    private final Optional<Proxy> httpProxy;
    private final NoProxyRules noProxy;
    private final String description;

    private EnvironmentProxySelector(Optional<Proxy> httpsProxy, Optional<Proxy> httpProxy, String noProxy) {
        this.httpsProxy = httpsProxy;
        this.httpProxy = httpProxy;
        this.noProxy = NoProxyRules.parse(noProxy);
        this.description = "HTTPS_PROXY="
                + httpsProxy.map(EnvironmentProxySelector::address).orElse("")
                + " HTTP_PROXY="
                + httpProxy.map(EnvironmentProxySelector::address).orElse("")
                + " NO_PROXY=" + noProxy;
    }

    /**
     * Reads the proxy variables from {@code env} (usually {@code System.getenv()}).
     *
     * @throws IllegalArgumentException if a proxy value is malformed or not usable by the JDK
     */
    public static EnvironmentProxySelector of(Map<String, String> env) {
        return new EnvironmentProxySelector(
                proxy(env, "HTTPS_PROXY", "https_proxy"),
                proxy(env, "HTTP_PROXY", "http_proxy"),
                first(env, "NO_PROXY", "no_proxy").orElse(""));
    }

    /** Whether any proxy is configured at all. */
    public boolean proxies() {
        return httpsProxy.isPresent() || httpProxy.isPresent();
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

    private static String address(Proxy proxy) {
        InetSocketAddress address = (InetSocketAddress) proxy.address();
        return address.getHostString() + ":" + address.getPort();
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

    private static Optional<Proxy> proxy(Map<String, String> env, String upper, String lower) {
        Optional<String> value = first(env, upper, lower);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        URI uri = proxyUri(value.get().strip(), upper);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException(upper + ": only http:// proxies are supported, not " + scheme + "://");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    upper + ": proxy credentials are not supported (" + UpstreamUrls.redact(uri) + ")");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(upper + ": no proxy host in " + UpstreamUrls.redact(uri));
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : 80;
        return Optional.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port)));
    }

    /** Go's parseProxy: a value that is not an http/https/socks5 URL is retried as http://value. */
    private static URI proxyUri(String value, String variable) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("http") || scheme.equals("https") || scheme.equals("socks5")) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // fall through to the http:// retry, like Go
        }
        try {
            return new URI("http://" + value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    variable + ": invalid proxy address " + UpstreamUrls.redact(value) + ": " + e.getReason(), e);
        }
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
