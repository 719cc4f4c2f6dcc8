package io.modvault.core.upstream;

import java.io.IOException;
import java.net.Authenticator;
import java.net.IDN;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

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
 * proxies, so an {@code https://} (TLS to the proxy) or {@code socks5://} value gets a
 * {@link ProxyBridge} on loopback that the client uses as its HTTP proxy and that relays through
 * the real one; {@link #close()} stops the bridges.
 */
public final class EnvironmentProxySelector extends ProxySelector implements AutoCloseable {

    private static final List<Proxy> DIRECT = List.of(Proxy.NO_PROXY);

    /** How long a bridge waits to connect to (and be answered by) a socks5 or https proxy. */
    public static final Duration DEFAULT_BRIDGE_TIMEOUT = Duration.ofSeconds(10);

    private final Optional<ProxyUrl> httpsUrl;
    private final Optional<ProxyUrl> httpUrl;
    private final Optional<Proxy> httpsProxy;
    private final Optional<Proxy> httpProxy;
    private final List<ProxyBridge> bridges;
    private final NoProxyRules noProxy;
    private final String description;

    private EnvironmentProxySelector(
            Optional<ProxyUrl> https, Optional<ProxyUrl> http, String noProxy, SSLSocketFactory tls, Duration timeout) {
        Map<ProxyUrl, ProxyBridge> started = new LinkedHashMap<>();
        this.httpsUrl = https.map(url -> reachable(url, started, tls, timeout));
        this.httpUrl = http.map(url -> reachable(url, started, tls, timeout));
        this.bridges = List.copyOf(started.values());
        this.httpsProxy = httpsUrl.map(EnvironmentProxySelector::proxy);
        this.httpProxy = httpUrl.map(EnvironmentProxySelector::proxy);
        this.noProxy = NoProxyRules.parse(noProxy);
        this.description = "HTTPS_PROXY="
                + https.map(EnvironmentProxySelector::shown).orElse("")
                + " HTTP_PROXY="
                + http.map(EnvironmentProxySelector::shown).orElse("")
                + " NO_PROXY=" + noProxy;
    }

    /** An http proxy as it is; any other through a bridge (one per distinct proxy). */
    private static ProxyUrl reachable(
            ProxyUrl url, Map<ProxyUrl, ProxyBridge> started, SSLSocketFactory tls, Duration timeout) {
        if (url.scheme().equals("http")) {
            return url;
        }
        return started.computeIfAbsent(url, u -> ProxyBridge.start(u, tls, timeout))
                .localUrl();
    }

    private static String shown(ProxyUrl url) {
        return url.scheme().equals("http") ? url.address() : url.scheme() + "://" + url.address();
    }

    /**
     * Reads the proxy variables from {@code env} (usually {@code System.getenv()}).
     *
     * @throws IllegalArgumentException if a proxy value is malformed
     */
    public static EnvironmentProxySelector of(Map<String, String> env) {
        return of(env, Optional.empty(), DEFAULT_BRIDGE_TIMEOUT);
    }

    /**
     * Like {@link #of(Map)}; an https proxy's certificate is checked against {@code trust} (the
     * JVM's defaults when empty) and bridges give up on a proxy after {@code bridgeTimeout}.
     */
    public static EnvironmentProxySelector of(
            Map<String, String> env, Optional<SSLContext> trust, Duration bridgeTimeout) {
        SSLSocketFactory tls = trust.map(SSLContext::getSocketFactory)
                .orElseGet(() -> (SSLSocketFactory) SSLSocketFactory.getDefault());
        return new EnvironmentProxySelector(
                proxyUrl(env, "HTTPS_PROXY", "https_proxy"),
                proxyUrl(env, "HTTP_PROXY", "http_proxy"),
                first(env, "NO_PROXY", "no_proxy").orElse(""),
                tls,
                bridgeTimeout);
    }

    /** Stops the bridges to socks5 and https proxies, if any. */
    @Override
    public void close() {
        bridges.forEach(ProxyBridge::close);
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
        return first(env, upper, lower).map(value -> ProxyUrl.parse(value, upper));
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
