package io.modvault.core.vcs;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code strings.Fields} and {@code unicode.IsSpace}, for the formats that the vcs packages
 * read as the go command does: go-import meta tags (discovery) and netrc files (auth).
 */
public final class GoStrings {

    private GoStrings() {}

    /** {@code strings.Fields}: split around runs of {@code unicode.IsSpace} characters. */
    public static List<String> fields(String s) {
        List<String> fields = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); i++) {
            if (isSpace(s.charAt(i))) {
                if (start >= 0) {
                    fields.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            fields.add(s.substring(start));
        }
        return fields;
    }

    /** {@code unicode.IsSpace}: the Latin-1 spaces plus the White_Space property (no surrogates involved). */
    public static boolean isSpace(char c) {
        return switch (c) {
            case '\t',
                    '\n',
                    '\u000B',
                    '\f',
                    '\r',
                    ' ',
                    '\u0085',
                    '\u00A0',
                    '\u1680',
                    '\u2028',
                    '\u2029',
                    '\u202F',
                    '\u205F',
                    '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }
}
