package io.modvault.core.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A GOPRIVATE-style comma-separated list of globs, matched exactly like x/mod
 * {@code module.MatchPrefixPatterns}: a module path matches when some prefix of it, taken in
 * whole path elements, matches a glob under Go's {@code path.Match}. Entries are not trimmed,
 * one trailing "/" is ignored, empty and malformed globs never match, and the special value
 * "none" is left to the caller, as in the go command.
 */
public final class PrefixPatterns {
    /** One non-empty glob, pre-encoded, with the number of path elements it covers minus one. */
    private record Glob(byte[] pattern, int slashes) {}

    private final String original;
    private final List<Glob> globs;

    private PrefixPatterns(String original, List<Glob> globs) {
        this.original = original;
        this.globs = globs;
    }

    /** Parses a glob list; never throws for content, since Go silently ignores bad patterns. */
    public static PrefixPatterns parse(String globs) {
        Objects.requireNonNull(globs, "globs");
        List<Glob> parsed = new ArrayList<>();
        for (String glob : globs.split(",", -1)) {
            if (glob.endsWith("/")) {
                glob = glob.substring(0, glob.length() - 1);
            }
            if (!glob.isEmpty()) {
                int slashes = (int) glob.chars().filter(c -> c == '/').count();
                parsed.add(new Glob(Utf8.encode(glob), slashes));
            }
        }
        return new PrefixPatterns(globs, List.copyOf(parsed));
    }

    /** Whether some whole-element prefix of {@code modulePath} matches one of the globs. */
    public boolean matches(String modulePath) {
        Objects.requireNonNull(modulePath, "modulePath");
        if (globs.isEmpty()) {
            return false;
        }
        byte[] target = Utf8.encode(modulePath);
        for (Glob glob : globs) {
            int prefixEnd = prefixEnd(target, glob.slashes());
            if (prefixEnd >= 0 && GlobMatch.matches(glob.pattern(), Arrays.copyOf(target, prefixEnd))) {
                return true;
            }
        }
        return false;
    }

    /** True when the list holds no non-empty glob (e.g. "", ",," or "/"), so nothing can match. */
    public boolean isEmpty() {
        return globs.isEmpty();
    }

    /** The list exactly as given to {@link #parse}. */
    @Override
    public String toString() {
        return original;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrefixPatterns other && original.equals(other.original);
    }

    @Override
    public int hashCode() {
        return original.hashCode();
    }

    /** The end of the first {@code slashes + 1} path elements of {@code target}, or -1 if it has fewer. */
    private static int prefixEnd(byte[] target, int slashes) {
        int remaining = slashes;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == '/') {
                if (remaining == 0) {
                    return i;
                }
                remaining--;
            }
        }
        return remaining > 0 ? -1 : target.length;
    }
}
