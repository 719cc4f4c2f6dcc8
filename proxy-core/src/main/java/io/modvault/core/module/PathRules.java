package io.modvault.core.module;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The element-wise rules shared by module, import and file paths (x/mod {@code checkPath} and
 * {@code checkElem}). Each check answers the reason a path is malformed, or empty when it is fine,
 * so that callers can word the exception for their own kind of input.
 */
final class PathRules {
    /** Which character set and which extra restrictions apply. */
    enum Kind {
        MODULE,
        IMPORT,
        FILE
    }

    private static final Set<String> WINDOWS_RESERVED = Set.of(
            "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1",
            "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private PathRules() {}

    static Optional<String> checkPath(String path, Kind kind) {
        if (!isWellFormedUnicode(path)) {
            return Optional.of("invalid UTF-8");
        }
        if (path.isEmpty()) {
            return Optional.of("empty string");
        }
        if (path.charAt(0) == '-' && kind != Kind.FILE) {
            return Optional.of("leading dash");
        }
        if (path.contains("//")) {
            return Optional.of("double slash");
        }
        if (path.charAt(path.length() - 1) == '/') {
            return Optional.of("trailing slash");
        }
        int start = 0;
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', start)) {
            Optional<String> bad = checkElem(path.substring(start, slash), kind);
            if (bad.isPresent()) {
                return bad;
            }
            start = slash + 1;
        }
        return checkElem(path.substring(start), kind);
    }

    static Optional<String> checkElem(String elem, Kind kind) {
        if (elem.isEmpty()) {
            return Optional.of("empty path element");
        }
        if (allDots(elem)) {
            return Optional.of("invalid path element " + InvalidModuleException.quote(elem));
        }
        if (elem.charAt(0) == '.' && kind == Kind.MODULE) {
            return Optional.of("leading dot in path element");
        }
        if (elem.charAt(elem.length() - 1) == '.') {
            return Optional.of("trailing dot in path element");
        }
        for (int i = 0; i < elem.length(); ) {
            int cp = elem.codePointAt(i);
            if (!allowed(cp, kind)) {
                return Optional.of("invalid char " + InvalidModuleException.quoteRune(cp));
            }
            i += Character.charCount(cp);
        }
        int dot = elem.indexOf('.');
        String shortName = dot >= 0 ? elem.substring(0, dot) : elem;
        // Go compares with EqualFold; the only non-ASCII runes that fold to ASCII letters are the
        // Kelvin sign and the long s, and no reserved name contains K or S.
        if ((shortName.length() == 3 || shortName.length() == 4) && WINDOWS_RESERVED.contains(asciiUpper(shortName))) {
            return Optional.of(
                    InvalidModuleException.quote(shortName) + " disallowed as path element component on Windows");
        }
        if (kind != Kind.FILE && endsInTildeDigits(shortName)) {
            return Optional.of("trailing tilde and digits in path element");
        }
        return Optional.empty();
    }

    private static boolean allowed(int cp, Kind kind) {
        return switch (kind) {
            case MODULE -> modPathOk(cp);
            case IMPORT -> modPathOk(cp) || cp == '+';
            case FILE -> fileNameOk(cp);
        };
    }

    static boolean modPathOk(int cp) {
        return cp == '-'
                || cp == '.'
                || cp == '_'
                || cp == '~'
                || cp >= '0' && cp <= '9'
                || cp >= 'A' && cp <= 'Z'
                || cp >= 'a' && cp <= 'z';
    }

    private static boolean fileNameOk(int cp) {
        if (cp < 0x80) {
            return cp >= '0' && cp <= '9'
                    || cp >= 'A' && cp <= 'Z'
                    || cp >= 'a' && cp <= 'z'
                    || "!#$%&()+,-.=@[]^_{}~ ".indexOf(cp) >= 0;
        }
        return Character.isLetter(cp);
    }

    /** Upper-cases an ASCII name; anything non-ASCII can never equal a reserved name. */
    private static String asciiUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return "";
            }
        }
        return s.toUpperCase(Locale.ROOT);
    }

    private static boolean allDots(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean endsInTildeDigits(String shortName) {
        int tilde = shortName.lastIndexOf('~');
        if (tilde < 0 || tilde == shortName.length() - 1) {
            return false;
        }
        for (int i = tilde + 1; i < shortName.length(); i++) {
            char c = shortName.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Go rejects invalid UTF-8; the Java equivalent is a lone surrogate. */
    private static boolean isWellFormedUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
