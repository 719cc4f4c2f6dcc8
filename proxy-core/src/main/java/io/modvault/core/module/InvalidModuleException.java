package io.modvault.core.module;

/**
 * Thrown when a module path, version, file path or escaped form breaks the Go module rules. The
 * message is a single line that names the offending input, quoted like Go's {@code %q} so that
 * control characters cannot split a log line or smuggle text into an HTTP error body.
 */
public final class InvalidModuleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidModuleException(String message) {
        super(message);
    }

    /** Quotes a string the way Go's {@code %q} does for the inputs we see: escapes, never raw control chars. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> appendEscaped(out, cp, '"'));
        return out.append('"').toString();
    }

    /** Quotes one code point as a Go rune literal ({@code 'x'}). */
    static String quoteRune(int cp) {
        StringBuilder out = new StringBuilder(8).append('\'');
        appendEscaped(out, cp, '\'');
        return out.append('\'').toString();
    }

    private static boolean printable(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL
                && type != Character.SURROGATE
                && type != Character.UNASSIGNED
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.FORMAT
                && type != Character.PRIVATE_USE;
    }

    private static void appendEscaped(StringBuilder out, int cp, char quote) {
        switch (cp) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\\' -> out.append("\\\\");
            default -> {
                if (cp == quote) {
                    out.append('\\').appendCodePoint(cp);
                } else if (cp < 0x20 || cp == 0x7f) {
                    out.append(String.format("\\x%02x", cp));
                } else if (!printable(cp)) {
                    out.append(cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }
}
