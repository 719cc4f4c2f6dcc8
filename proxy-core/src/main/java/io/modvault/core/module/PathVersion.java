package io.modvault.core.module;

import java.util.Optional;

/**
 * x/mod {@code SplitPathVersion} and {@code PathMajorPrefix} for strings that need not be valid
 * module paths, such as the {@code module} line of a go.mod found in a repository: the path split
 * into its prefix and major-version suffix ("/v2", ".v1", ".v2-unstable" or "").
 */
public record PathVersion(String prefix, String pathMajor) {

    /** SplitPathVersion; empty when the suffix is malformed ("/v1", "/v02", gopkg.in without ".vN"). */
    public static Optional<PathVersion> split(String path) {
        PathMajor.Split split = PathMajor.split(path);
        return split.ok() ? Optional.of(new PathVersion(split.prefix(), split.suffix())) : Optional.empty();
    }

    /**
     * PathMajorPrefix: the major version a suffix requires ("v2" for "/v2" and ".v2-unstable"),
     * or "" for no suffix or one that is not a plain major version.
     */
    public static String majorPrefix(String pathMajor) {
        if (pathMajor.isEmpty()) {
            return "";
        }
        if (pathMajor.charAt(0) != '/' && pathMajor.charAt(0) != '.') {
            throw new IllegalArgumentException(
                    "pathMajor suffix " + pathMajor + " passed to majorPrefix lacks separator");
        }
        String major = pathMajor;
        if (major.startsWith(".v") && major.endsWith("-unstable")) {
            major = major.substring(0, major.length() - "-unstable".length());
        }
        String m = major.substring(1);
        return m.equals(ModuleVersion.major(m)) ? m : "";
    }

    /** The major-version prefix this path's suffix requires (see {@link #majorPrefix(String)}). */
    public String majorPrefix() {
        return majorPrefix(pathMajor);
    }
}
