package io.modvault.core.vcs.discovery.xml;

/**
 * What follows {@code <!} in Go's {@code encoding/xml} {@code RawToken}: comments, CDATA sections
 * and directives such as {@code <!DOCTYPE ...>}. Discovery keeps none of their content, so each
 * is only read past (with Go's error messages) and reported as read or failed.
 */
final class XmlMarkupDeclarations {
    private XmlMarkupDeclarations() {}

    /** After {@code <!}: reads a comment, CDATA section or directive; false when it failed (the error is in {@code s}). */
    static boolean read(XmlScanner s) {
        int b = s.mustgetc();
        if (b < 0) {
            return false;
        }
        if (b == '-') {
            return comment(s);
        }
        if (b == '[') {
            for (int i = 0; i < 6; i++) {
                if ((b = s.mustgetc()) < 0) {
                    return false;
                }
                if (b != "CDATA[".charAt(i)) {
                    s.failNow("invalid <![ sequence");
                    return false;
                }
            }
            return s.text(-1, true) != null;
        }
        return directive(s, b);
    }

    private static boolean comment(XmlScanner s) {
        int b = s.mustgetc();
        if (b < 0) {
            return false;
        }
        if (b != '-') {
            s.failNow("invalid sequence <!- not part of <!--");
            return false;
        }
        int b0 = 0;
        int b1 = 0;
        while (true) {
            if ((b = s.mustgetc()) < 0) {
                return false;
            }
            if (b0 == '-' && b1 == '-') {
                if (b != '>') {
                    s.failNow("invalid sequence \"--\" not allowed in comments");
                    return false;
                }
                return true;
            }
            b0 = b1;
            b1 = b;
        }
    }

    /**
     * {@code <!DOCTYPE ...>} and the like: quoted '>' and nested {@code <...>} do not end it. The
     * byte after {@code <!} is taken as is, as in Go.
     */
    private static boolean directive(XmlScanner s, int first) {
        int inquote = 0;
        int depth = 0;
        int b = first;
        boolean pending = false;
        while (true) {
            if (!pending) {
                if ((b = s.mustgetc()) < 0) {
                    return false;
                }
                if (inquote == 0 && b == '>' && depth == 0) {
                    return true;
                }
            }
            pending = false;
            if (b == inquote) {
                inquote = 0;
            } else if (inquote != 0) {
                continue;
            } else if (b == '\'' || b == '"') {
                inquote = b;
            } else if (b == '>') {
                depth--;
            } else if (b == '<') {
                String open = "!--";
                for (int i = 0; i < open.length() && !pending; i++) {
                    if ((b = s.mustgetc()) < 0) {
                        return false;
                    }
                    if (b != open.charAt(i)) {
                        depth++;
                        pending = true; // Go's "goto HandleB": look at this byte again
                    }
                }
                if (!pending && !skipComment(s)) {
                    return false;
                }
            }
        }
    }

    private static boolean skipComment(XmlScanner s) {
        int b0 = 0;
        int b1 = 0;
        while (true) {
            int b = s.mustgetc();
            if (b < 0) {
                return false;
            }
            if (b0 == '-' && b1 == '-' && b == '>') {
                return true;
            }
            b0 = b1;
            b1 = b;
        }
    }
}
