package io.modvault.core.module;

import java.util.Objects;
import java.util.Optional;

/**
 * A module path that passed x/mod {@code CheckPath}: every instance is valid, so code holding a
 * {@code ModulePath} never re-checks it. Offers the escaped URL form and the major-version suffix
 * ("/v2", gopkg.in's ".v1") with the rule for which versions the path admits.
 */
public record ModulePath(String value) implements Comparable<ModulePath> {
    public ModulePath {
        Objects.requireNonNull(value, "value");
        checkModulePath(value).ifPresent(reason -> {
            throw new InvalidModuleException(
                    "malformed module path " + InvalidModuleException.quote(value) + ": " + reason);
        });
    }

    /** Validates a plain (unescaped) module path. */
    public static ModulePath of(String plain) {
        return new ModulePath(plain);
    }

    /** Decodes the "!x" case escaping of an already percent-decoded URL segment, then validates. */
    public static ModulePath parseEscaped(String escaped) {
        Objects.requireNonNull(escaped, "escaped");
        String plain = CaseEscaping.unescape(escaped)
                .orElseThrow(() -> new InvalidModuleException(
                        "invalid escaped module path " + InvalidModuleException.quote(escaped)));
        try {
            return new ModulePath(plain);
        } catch (InvalidModuleException e) {
            throw new InvalidModuleException(
                    "invalid escaped module path " + InvalidModuleException.quote(escaped) + ": " + e.getMessage());
        }
    }

    /** module.EscapePath: each upper-case letter becomes "!" plus its lower-case form. */
    public String escaped() {
        return CaseEscaping.escape(value);
    }

    /** The major-version suffix: "/v2", ".v1" or ".v1-unstable" for gopkg.in, or "". */
    public String majorSuffix() {
        return PathMajor.split(value).suffix();
    }

    /** The path without its major-version suffix (SplitPathVersion's prefix). */
    public String pathWithoutMajor() {
        return PathMajor.split(value).prefix();
    }

    /**
     * module.CheckPathMajor: whether the version's major fits this path. No suffix admits v0, v1
     * and any {@code +incompatible} version; gopkg.in ".v1" also admits old "v0.0.0-" pseudo-versions.
     */
    public boolean acceptsVersion(String version) {
        Objects.requireNonNull(version, "version");
        return PathMajor.mismatch(version, majorSuffix()).isEmpty();
    }

    @Override
    public int compareTo(ModulePath other) {
        // Module paths are ASCII, so UTF-16 order equals Go's byte order.
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static Optional<String> checkModulePath(String path) {
        Optional<String> bad = PathRules.checkPath(path, PathRules.Kind.MODULE);
        if (bad.isPresent()) {
            return bad;
        }
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        if (first.isEmpty()) {
            return Optional.of("leading slash");
        }
        if (!first.contains(".")) {
            return Optional.of("missing dot in first path element");
        }
        if (first.charAt(0) == '-') {
            return Optional.of("leading dash in first path element");
        }
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (!firstElementOk(c)) {
                return Optional.of("invalid char " + InvalidModuleException.quoteRune(first.codePointAt(i))
                        + " in first path element");
            }
        }
        return PathMajor.split(path).ok() ? Optional.empty() : Optional.of("invalid version");
    }

    private static boolean firstElementOk(int cp) {
        return cp == '-' || cp == '.' || cp >= '0' && cp <= '9' || cp >= 'a' && cp <= 'z';
    }
}
