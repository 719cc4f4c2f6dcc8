package io.modvault.core.upstream;

import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One proxy as {@code HTTPS_PROXY} or {@code HTTP_PROXY} names it, parsed like Go's
 * {@code httpproxy.parseProxy}: a value that is not an http, https or socks5 URL is retried as
 * {@code http://value}; the port defaults to the scheme's (80, 443, 1080); userinfo becomes
 * percent-decoded credentials. {@link #toString()} never shows the credentials.
 */
record ProxyUrl(String scheme, String host, int port, Optional<PasswordAuthentication> credentials) {

    static ProxyUrl parse(String value, String variable) {
        URI uri = uri(value.strip(), variable);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(variable + ": no proxy host in " + UpstreamUrls.redact(uri));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0
                ? uri.getPort()
                : switch (scheme) {
                    case "https" -> 443;
                    case "socks5" -> 1080;
                    default -> 80;
                };
        return new ProxyUrl(scheme, uri.getHost(), port, credentials(uri.getRawUserInfo()));
    }

    /** {@code host:port}, what logs and error messages may show. */
    String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return scheme + "://" + address() + (credentials.isPresent() ? " (with credentials)" : "");
    }

    private static URI uri(String value, String variable) {
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

    /** Go's url.UserPassword: user up to the first ':', each half percent-decoded ('+' stays '+'). */
    private static Optional<PasswordAuthentication> credentials(String rawUserInfo) {
        if (rawUserInfo == null) {
            return Optional.empty();
        }
        int colon = rawUserInfo.indexOf(':');
        String user = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
        String password = colon < 0 ? "" : rawUserInfo.substring(colon + 1);
        return Optional.of(
                new PasswordAuthentication(decode(user), decode(password).toCharArray()));
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
