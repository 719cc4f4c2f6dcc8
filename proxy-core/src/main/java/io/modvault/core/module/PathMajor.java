package io.modvault.core.module;

import java.util.Optional;

/**
 * The major-version suffix of a module path (x/mod {@code SplitPathVersion} and
 * {@code CheckPathMajor}): "/vN" with N >= 2 for ordinary paths, ".vN" (optionally
 * "-unstable") for gopkg.in, and the rule deciding which versions a suffix admits.
 */
final class PathMajor {
    /** The result of splitting: {@code prefix + suffix} is the path; {@code ok} is false for bad suffixes. */
    record Split(String prefix, String suffix, boolean ok) {}

    private static final String GOPKG_IN = "gopkg.in/";
    private static final String UNSTABLE = "-unstable";

    private PathMajor() {}

    static Split split(String path) {
        if (path.startsWith(GOPKG_IN)) {
            return splitGopkgIn(path);
        }
        int i = path.length();
        boolean dot = false;
        while (i > 0 && (isDigit(path.charAt(i - 1)) || path.charAt(i - 1) == '.')) {
            dot |= path.charAt(i - 1) == '.';
            i--;
        }
        if (i <= 1 || i == path.length() || path.charAt(i - 1) != 'v' || path.charAt(i - 2) != '/') {
            return new Split(path, "", true);
        }
        String suffix = path.substring(i - 2);
        if (dot || suffix.length() <= 2 || suffix.charAt(2) == '0' || suffix.equals("/v1")) {
            return new Split(path, "", false);
        }
        return new Split(path.substring(0, i - 2), suffix, true);
    }

    private static Split splitGopkgIn(String path) {
        int i = path.length();
        if (path.endsWith(UNSTABLE)) {
            i -= UNSTABLE.length();
        }
        while (i > 0 && isDigit(path.charAt(i - 1))) {
            i--;
        }
        if (i <= 1 || path.charAt(i - 1) != 'v' || path.charAt(i - 2) != '.') {
            // Every gopkg.in path names its major version.
            return new Split(path, "", false);
        }
        String suffix = path.substring(i - 2);
        if (suffix.length() <= 2 || suffix.charAt(2) == '0' && !suffix.equals(".v0")) {
            return new Split(path, "", false);
        }
        return new Split(path.substring(0, i - 2), suffix, true);
    }

    /** Why version {@code v} does not fit {@code suffix}, or empty when it does (CheckPathMajor). */
    static Optional<String> mismatch(String v, String suffix) {
        String pathMajor = suffix;
        if (pathMajor.startsWith(".v") && pathMajor.endsWith(UNSTABLE)) {
            pathMajor = pathMajor.substring(0, pathMajor.length() - UNSTABLE.length());
        }
        if (v.startsWith("v0.0.0-") && pathMajor.equals(".v1")) {
            // Old go commands made v0.0.0- pseudo-versions for gopkg.in .v1 paths; go.mod files still hold them.
            return Optional.empty();
        }
        String m = ModuleVersion.major(v);
        String want;
        if (pathMajor.isEmpty()) {
            if (m.equals("v0") || m.equals("v1") || ModuleVersion.isIncompatible(v)) {
                return Optional.empty();
            }
            want = "v0 or v1";
        } else if (pathMajor.charAt(0) == '/' || pathMajor.charAt(0) == '.') {
            if (m.equals(pathMajor.substring(1))) {
                return Optional.empty();
            }
            want = pathMajor.substring(1);
        } else {
            want = pathMajor;
        }
        return Optional.of("should be " + want + ", not " + m);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
