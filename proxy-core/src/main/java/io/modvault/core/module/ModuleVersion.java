package io.modvault.core.module;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Static rules for Go module version strings (x/mod {@code semver} plus the version parts of
 * {@code module}). Versions stay plain strings because the protocol carries non-semver queries
 * too; these helpers decide validity, canonical form, precedence and URL escaping.
 */
public final class ModuleVersion {
    /**
     * The order of {@code semver.Sort}: precedence first (invalid versions lowest, build metadata
     * ignored), then plain string order so that equal-precedence versions sort deterministically.
     */
    public static final Comparator<String> ORDER = ModuleVersion::compareForSort;

    private static final String INCOMPATIBLE = "+incompatible";

    private ModuleVersion() {}

    /** semver.IsValid: {@code vMAJOR[.MINOR[.PATCH[-pre][+build]]]}, shorthands included. */
    public static boolean isValid(String v) {
        return Semver.parse(v).isPresent();
    }

    /** module.CanonicalVersion: {@code vX.Y.Z[-pre]}, keeping a {@code +incompatible} build; "" if invalid. */
    public static String canonical(String v) {
        String canonical = Semver.canonical(v);
        return isIncompatible(v) ? canonical + INCOMPATIBLE : canonical;
    }

    /** True for a valid version that is already in canonical form (the only form the proxy stores). */
    public static boolean isCanonical(String v) {
        return !v.isEmpty() && canonical(v).equals(v);
    }

    /** semver.Compare: -1, 0 or +1 by precedence; invalid versions are equal and lowest. */
    public static int compare(String a, String b) {
        return Semver.compare(a, b);
    }

    /** semver.Major, e.g. "v2" for "v2.1.0"; "" if invalid. */
    public static String major(String v) {
        return Semver.parse(v).map(p -> "v" + p.major()).orElse("");
    }

    /** semver.Prerelease, e.g. "-pre" for "v1.2.3-pre+meta"; "" if none or invalid. */
    public static String prerelease(String v) {
        return Semver.parse(v).map(Semver.Parsed::prerelease).orElse("");
    }

    /** semver.Build, e.g. "+incompatible"; "" if none or invalid. */
    public static String build(String v) {
        return Semver.parse(v).map(Semver.Parsed::build).orElse("");
    }

    /** True for a valid version with a prerelease suffix (pseudo-versions included). */
    public static boolean isPrerelease(String v) {
        return !prerelease(v).isEmpty();
    }

    /** True for a valid version whose build suffix is exactly {@code +incompatible}. */
    public static boolean isIncompatible(String v) {
        return build(v).equals(INCOMPATIBLE);
    }

    /** module.IsPseudoVersion. */
    public static boolean isPseudo(String v) {
        return PseudoVersion.is(v);
    }

    /**
     * module.UnescapeVersion on an already percent-decoded URL segment: "!x" becomes "X", a raw
     * upper-case letter or a stray "!" is rejected, and the result must be a valid file name.
     */
    public static String unescape(String escaped) {
        Objects.requireNonNull(escaped, "escaped");
        String v = CaseEscaping.unescape(escaped)
                .orElseThrow(() ->
                        new InvalidModuleException("invalid escaped version " + InvalidModuleException.quote(escaped)));
        Optional<String> bad = PathRules.checkElem(v, PathRules.Kind.FILE);
        if (bad.isPresent()) {
            throw new InvalidModuleException(
                    "invalid escaped version " + InvalidModuleException.quote(v) + ": " + bad.get());
        }
        return v;
    }

    // module.EscapeVersion: the version must be an ASCII file name without "!".
    /** No "!" and nothing outside ASCII: the only strings the case encoding is defined for. */
    private static boolean isPlainAscii(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '!' || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    public static String escape(String v) {
        Objects.requireNonNull(v, "version");
        // File names may hold Unicode letters, but the case encoding is defined for ASCII only;
        // x/mod fails those in escapeString, after the file-name check.
        if (!isPlainAscii(v) || PathRules.checkElem(v, PathRules.Kind.FILE).isPresent()) {
            throw new InvalidModuleException(
                    "version " + InvalidModuleException.quote(v) + " invalid: disallowed version string");
        }
        return CaseEscaping.escape(v);
    }

    /**
     * module.Check, made strict the way module zips and stored artifacts need it: the version
     * must be valid semver, canonical, and its major version must fit the path's suffix.
     */
    public static void check(ModulePath path, String version) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
        if (!isValid(version)) {
            throw new InvalidModuleException(path.value() + ": invalid version " + InvalidModuleException.quote(version)
                    + ": not a semantic version");
        }
        String prefix = path.value() + "@" + version + ": invalid version: ";
        if (!isCanonical(version)) {
            throw new InvalidModuleException(prefix + "not canonical (canonical form is " + canonical(version) + ")");
        }
        PathMajor.mismatch(version, path.majorSuffix()).ifPresent(reason -> {
            throw new InvalidModuleException(prefix + reason);
        });
    }

    private static int compareForSort(String a, String b) {
        int c = compare(a, b);
        return c != 0 ? c : Utf8Order.compare(a, b);
    }
}
