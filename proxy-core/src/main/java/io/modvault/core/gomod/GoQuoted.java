package io.modvault.core.gomod;

import java.util.Optional;

/**
 * Go's {@code strconv.Unquote} for the quoted strings a go.mod may hold, shared by the
 * directives' argument rules and by {@link ModuleDirective}.
 */
final class GoQuoted {
    private GoQuoted() {}

    /** strconv.Unquote for double-quoted and back-quoted strings (the escapes module paths can use). */
    static Optional<String> unquote(String s) {
        if (s.length() < 2 || s.charAt(s.length() - 1) != s.charAt(0)) {
            return Optional.empty();
        }
        String body = s.substring(1, s.length() - 1);
        if (s.charAt(0) == '`') {
            return body.indexOf('`') >= 0 ? Optional.empty() : Optional.of(body.replace("\r", ""));
        }
        if (s.charAt(0) != '"') {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"' || c == '\n') {
                return Optional.empty();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= body.length()) {
                return Optional.empty();
            }
            switch (body.charAt(i)) {
                case '\\' -> out.append('\\');
                case '"' -> out.append('"');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(out.toString());
    }
}
