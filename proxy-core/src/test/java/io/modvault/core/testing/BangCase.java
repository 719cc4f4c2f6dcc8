package io.modvault.core.testing;

import java.util.Optional;

/**
 * The GOPROXY case encoding ("bang" escaping) of module paths and versions, kept private to the
 * fixtures so they stay an independent judge of the production escaper.
 */
final class BangCase {

    private BangCase() {}

    /** {@code example.test/Upper/Case} becomes {@code example.test/!upper/!case}. */
    static String escape(String plain) {
        StringBuilder out = new StringBuilder(plain.length() + 8);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '!' || c >= 0x80) {
                throw new IllegalArgumentException("cannot case-encode " + plain);
            }
            if (c >= 'A' && c <= 'Z') {
                out.append('!').append((char) (c + ('a' - 'A')));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code !upper} becomes {@code Upper}; empty for a raw upper-case letter or a stray {@code !}. */
    static Optional<String> unescape(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return Optional.empty();
            }
            if (c != '!') {
                out.append(c);
                continue;
            }
            char next = i + 1 < escaped.length() ? escaped.charAt(++i) : 0;
            if (next < 'a' || next > 'z') {
                return Optional.empty();
            }
            out.append((char) (next - ('a' - 'A')));
        }
        return Optional.of(out.toString());
    }
}
