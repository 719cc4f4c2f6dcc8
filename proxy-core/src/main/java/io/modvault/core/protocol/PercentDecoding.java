package io.modvault.core.protocol;

import java.util.Optional;

/**
 * RFC 3986 percent-decoding of a URL path, deliberately not form-decoding: {@code +} stays a plus
 * sign ({@code v2.0.0+incompatible}). Module URLs are ASCII, so anything decoding to a byte outside
 * printable ASCII, or to a {@code /} (which would smuggle an extra path element), is refused.
 */
final class PercentDecoding {
    private PercentDecoding() {}

    /** The decoded path, or empty when it holds a malformed escape or a forbidden byte. */
    static Optional<String> decodePath(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                c = (char) (hi * 16 + lo);
                if (c == '/') {
                    return Optional.empty();
                }
                i += 2;
            }
            if (c <= 0x20 || c >= 0x7f) {
                return Optional.empty();
            }
            out.append(c);
        }
        return Optional.of(out.toString());
    }
}
