package io.modvault.core.gomod;

import io.modvault.core.modcheck.GoQuoted;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits go.mod text into statements the way x/mod's modfile lexer does: {@code //} comments,
 * punctuation tokens, quoted strings, and factored blocks ({@code require ( … )}) expanded so
 * each inner line becomes its own statement prefixed by the block's verb. Text x/mod would
 * reject ({@code /*} comments, unterminated strings or blocks) yields empty.
 */
final class GoModLexer {
    private static final String PUNCTUATION = "()[]{},";

    private GoModLexer() {
    }

    static Optional<List<List<String>>> lines(String text) {
        List<List<String>> raw = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            Optional<List<String>> tokens = tokens(line);
            if (tokens.isEmpty()) {
                return Optional.empty();
            }
            raw.add(tokens.get());
        }
        List<List<String>> statements = new ArrayList<>();
        String blockVerb = null;
        for (List<String> tokens : raw) {
            if (tokens.isEmpty()) {
                continue;
            }
            if (blockVerb != null) {
                if (tokens.size() == 1 && tokens.get(0).equals(")")) {
                    blockVerb = null;
                    continue;
                }
                List<String> statement = new ArrayList<>();
                statement.add(blockVerb);
                statement.addAll(tokens);
                statements.add(statement);
            } else if (tokens.size() == 2 && tokens.get(1).equals("(")) {
                blockVerb = tokens.get(0);
            } else if (tokens.contains("(") || tokens.contains(")")) {
                return Optional.empty();
            } else {
                statements.add(tokens);
            }
        }
        return blockVerb == null ? Optional.of(statements) : Optional.empty();
    }

    private static Optional<List<String>> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (line.startsWith("//", i)) {
                break;
            } else if (line.startsWith("/*", i)) {
                return Optional.empty();
            } else if (PUNCTUATION.indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"' || c == '`') {
                int end = stringEnd(line, i);
                if (end < 0) {
                    return Optional.empty();
                }
                tokens.add(line.substring(i, end));
                i = end;
            } else {
                int start = i;
                while (i < line.length() && isIdent(line.charAt(i)) && !line.startsWith("//", i)) {
                    if (line.startsWith("/*", i)) {
                        return Optional.empty();
                    }
                    i++;
                }
                if (i == start) {
                    return Optional.empty();
                }
                tokens.add(line.substring(start, i));
            }
        }
        return Optional.of(tokens);
    }

    private static int stringEnd(String line, int start) {
        char quote = line.charAt(start);
        for (int i = start + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (c == '\\' && quote != '`') {
                i++;
            }
        }
        return -1;
    }

    private static boolean isIdent(char c) {
        return c != ' ' && PUNCTUATION.indexOf(c) < 0 && !Character.isWhitespace(c) && !Character.isISOControl(c);
    }

    /** modfile parseString: unquotes a quoted token; unquoted tokens must not contain quotes. */
    static Optional<String> parseString(String token) {
        if (token.startsWith("\"")) {
            return GoQuoted.unquote(token);
        }
        if (token.indexOf('"') >= 0 || token.indexOf('\'') >= 0 || token.indexOf('`') >= 0) {
            return Optional.empty();
        }
        return Optional.of(token);
    }
}
