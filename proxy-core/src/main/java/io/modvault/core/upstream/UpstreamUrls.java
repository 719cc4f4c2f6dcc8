package io.modvault.core.upstream;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** URL helpers shared by the upstream clients: redaction, path checks, escaping, credentials. */
final class UpstreamUrls {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UpstreamUrls() {}

    /** The URI as text without its userinfo, so passwords and tokens never reach logs. */
    static String redact(URI uri) {
        String authority = uri.getRawAuthority();
        if (uri.getRawUserInfo() == null || authority == null) {
            return uri.toString();
        }
        StringBuilder out = new StringBuilder();
        out.append(uri.getScheme()).append("://").append(authority.substring(authority.lastIndexOf('@') + 1));
        out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            out.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            out.append('#').append(uri.getRawFragment());
        }
        return out.toString();
    }

    /** Best-effort redaction of text that may not even parse as a URI. */
    static String redact(String raw) {
        int schemeEnd = raw.indexOf("://");
        int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int slash = raw.indexOf('/', start);
        int at = raw.lastIndexOf('@', slash < 0 ? raw.length() - 1 : slash);
        return at >= start ? raw.substring(0, start) + raw.substring(at + 1) : raw;
    }

    /**
     * Why {@code path} is not a safe relative upstream path, if it is not. Callers validate module
     * paths already; this is the last line of defence against escaping the base (file:// roots).
     */
    static Optional<String> checkPath(String path) {
        if (path.isEmpty()) {
            return Optional.of("empty path");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return Optional.of("invalid character in path " + quote(path));
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of("invalid path " + quote(path) + ": empty, '.' or '..' element");
            }
        }
        return Optional.empty();
    }

    /**
     * Percent-encodes a path the way the go command does ({@code url.PathEscape} with '/' kept), so
     * that {@code !} goes out as {@code %21} exactly as upstream proxies expect from go itself.
     */
    static String escapePath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.~$&+:=@/".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** The Basic {@code Authorization} value for the URI's userinfo, if it carries any. */
    static Optional<String> basicAuthorization(URI uri) {
        String userInfo = uri.getUserInfo();
        if (userInfo == null) {
            return Optional.empty();
        }
        // Like Go's SetBasicAuth(user, ""): a userinfo without ':' is a user name, empty password.
        String pair = userInfo.indexOf(':') < 0 ? userInfo + ":" : userInfo;
        String token = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        return Optional.of("Basic " + token);
    }

    private static String quote(String s) {
        return "\"" + s.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
