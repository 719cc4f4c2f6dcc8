package io.modvault.core.testing;

/**
 * The GOPROXY case encoding ("bang" escaping) of module paths and versions, kept private to the
 * fixtures so they stay an independent judge of the production escaper.
 */
final class BangCase {

    private BangCase() {
    }

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
}
