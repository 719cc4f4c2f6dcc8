package io.modvault.core.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns raw request paths into the canonical form the fake upstream counts and scripts by:
 * RFC 3986 percent-decoding only (never form decoding, which would turn the {@code +} of
 * {@code +incompatible} into a space) and always a leading slash.
 */
final class UrlPaths {

    private UrlPaths() {}

    /** Decodes {@code %XX} escapes; throws {@link IllegalArgumentException} on a malformed one. */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= raw.length()) {
                throw new IllegalArgumentException("truncated percent escape in " + raw);
            }
            int hi = Character.digit(raw.charAt(i + 1), 16);
            int lo = Character.digit(raw.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("bad percent escape in " + raw);
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The form used as key for counting and scripting: decoded, with a leading slash, so callers
     * may pass {@code GoProxyTree.zipPath(m)}, {@code "/example.test/!upper/..."} or the
     * {@code %21} spelling interchangeably.
     */
    static String normalize(String path) {
        String decoded = percentDecode(path);
        return decoded.startsWith("/") ? decoded : "/" + decoded;
    }
}
