package io.modvault.core.gomod;

/**
 * The tokens of a go.mod or go.work file, split as x/mod's modfile lexer ({@code readToken})
 * splits them: identifiers (any printable run without spaces or {@code ()[]{},}), quoted strings
 * kept with their quotes, punctuation, newlines, and {@code //} comments, told apart by whether
 * something precedes them on their line. A comment consumes its newline. {@code /*} comments,
 * strings left open at a newline or the end, and other characters are errors.
 */
final class GoModLexer {
    private static final String PUNCTUATION = "()[]{},";

    enum Kind {
        IDENT,
        STRING,
        PUNCT,
        NEWLINE,
        COMMENT,
        EOL_COMMENT,
        EOF
    }

    /**
     * One token; {@code line} and {@code column} (in code points, from 1) are where it starts.
     * A comment's text is without its newline.
     */
    record Token(Kind kind, String text, int line, int column) {
        /** x/mod's isEOL: the token ends a line of tokens. */
        boolean endsLine() {
            return kind == Kind.EOF || kind == Kind.EOL_COMMENT || kind == Kind.NEWLINE;
        }

        boolean is(String punctuation) {
            return kind == Kind.PUNCT && text.equals(punctuation);
        }
    }

    private final String fileName;
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    GoModLexer(String fileName, String text) {
        this.fileName = fileName;
        this.text = text;
    }

    /** The next token; EOF repeatedly at the end. */
    Token next() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (text.startsWith("//", pos)) {
                return comment();
            } else if (text.startsWith("/*", pos)) {
                throw error("mod files must use // comments (not /* */ comments)");
            } else {
                break;
            }
        }
        int start = pos;
        int startLine = line;
        int startColumn = column(start);
        if (pos >= text.length()) {
            return new Token(Kind.EOF, "", startLine, startColumn);
        }
        char c = text.charAt(pos);
        if (c == '\n') {
            newline();
            return new Token(Kind.NEWLINE, "\n", startLine, startColumn);
        }
        if (PUNCTUATION.indexOf(c) >= 0) {
            pos++;
            return new Token(Kind.PUNCT, String.valueOf(c), startLine, startColumn);
        }
        if (c == '"' || c == '`') {
            return quoted(c);
        }
        int cp = text.codePointAt(pos);
        if (!isIdent(cp)) {
            throw error("unexpected input character " + quoteRune(cp));
        }
        while (pos < text.length() && isIdent(text.codePointAt(pos)) && !text.startsWith("//", pos)) {
            if (text.startsWith("/*", pos)) {
                throw error("mod files must use // comments (not /* */ comments)");
            }
            pos += Character.charCount(text.codePointAt(pos));
        }
        return new Token(Kind.IDENT, text.substring(start, pos), startLine, startColumn);
    }

    private Token comment() {
        int start = pos;
        int startLine = line;
        int startColumn = column(start);
        // A comment alone on its line is a whole-line comment; after a token it is a suffix.
        boolean suffix = !text.substring(lineStart, start).isBlank();
        int newline = text.indexOf('\n', pos);
        int end = newline < 0 ? text.length() : newline;
        String comment = text.substring(start, end);
        if (newline >= 0 && comment.endsWith("\r")) {
            comment = comment.substring(0, comment.length() - 1);
        }
        pos = end;
        if (newline >= 0) {
            newline();
        }
        return new Token(suffix ? Kind.EOL_COMMENT : Kind.COMMENT, comment, startLine, startColumn);
    }

    private Token quoted(char quote) {
        int start = pos;
        int startLine = line;
        int startColumn = column(start);
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw GoModException.at(fileName, startLine, startColumn, "unexpected EOF in string");
            }
            char c = text.charAt(pos);
            if (c == '\n') {
                throw error("unexpected newline in string");
            }
            pos++;
            if (c == quote) {
                return new Token(Kind.STRING, text.substring(start, pos), startLine, startColumn);
            }
            if (c == '\\' && quote != '`') {
                if (pos >= text.length()) {
                    throw GoModException.at(fileName, startLine, startColumn, "unexpected EOF in string");
                }
                // As in x/mod, the escaped character is taken whatever it is, a newline too.
                if (text.charAt(pos) == '\n') {
                    newline();
                } else {
                    pos++;
                }
            }
        }
    }

    private int column(int offset) {
        return text.codePointCount(lineStart, offset) + 1;
    }

    private void newline() {
        pos++;
        line++;
        lineStart = pos;
    }

    /** x/mod isIdent: printable (unicode.IsPrint), not a space, not punctuation. */
    static boolean isIdent(int cp) {
        if (cp == ' ' || cp < 0x80 && PUNCTUATION.indexOf(cp) >= 0) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** Go's {@code %#q} of a rune that is not printable (or a printable ASCII one). */
    private static String quoteRune(int cp) {
        if (cp >= 0x20 && cp < 0x7f) {
            return "'" + (char) cp + "'";
        }
        String format = cp < 0x100 ? "'\\x%02x'" : cp <= 0xFFFF ? "'\\u%04x'" : "'\\U%08x'";
        return String.format(format, cp);
    }

    private GoModException error(String message) {
        return GoModException.at(fileName, line, column(pos), message);
    }
}
