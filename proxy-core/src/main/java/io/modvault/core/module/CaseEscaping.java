package io.modvault.core.module;

import java.util.Optional;

/**
 * The "!" case encoding of x/mod {@code escapeString} / {@code unescapeString}: every upper-case
 * ASCII letter becomes "!" plus its lower-case form, so that no URL or cache path ever needs two
 * casings. Validation of the decoded value is the caller's job.
 */
final class CaseEscaping {
    private CaseEscaping() {}

    /** Escapes a string that already passed validation, so it holds neither "!" nor non-ASCII. */
    static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '!' || c >= 0x80) {
                // Validation excludes both; the encoding would be ambiguous if either slipped through.
                throw new IllegalStateException("internal error: cannot escape " + InvalidModuleException.quote(s));
            }
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                out.append('!').append((char) (c + ('a' - 'A')));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Decodes "!x" to "X"; empty when the input is not a well-formed escaped string. */
    static Optional<String> unescape(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length());
        boolean bang = false;
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c >= 0x80) {
                return Optional.empty();
            }
            if (bang) {
                bang = false;
                if (c < 'a' || c > 'z') {
                    return Optional.empty();
                }
                out.append((char) (c - ('a' - 'A')));
            } else if (c == '!') {
                bang = true;
            } else if (c >= 'A' && c <= 'Z') {
                return Optional.empty();
            } else {
                out.append(c);
            }
        }
        return bang ? Optional.empty() : Optional.of(out.toString());
    }
}
