package io.modvault.core.modcheck;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The file rules of x/mod's zip package that are pure string logic: which files are vendored
 * packages (with the go 1.24 {@code vendor/modules.txt} rule and the older off-by-prefix bug
 * kept for old modules), clean relative paths, and case-insensitive collisions. Shared by zip
 * creation ({@code vcs}) and by {@link ModuleZipCheck}, so both apply one set of rules.
 */
public final class ZipRules {

    private ZipRules() {}

    /** zip.isVendoredPackage; {@code go124} is whether the root go.mod says go 1.24 or later. */
    public static boolean isVendoredPackage(String name, boolean go124) {
        if (go124 && name.equals("vendor/modules.txt")) {
            return true;
        }
        int i;
        if (name.startsWith("vendor/")) {
            i = "vendor/".length();
        } else {
            int j = name.indexOf("/vendor/");
            if (j < 0) {
                return false;
            }
            // Before go 1.24 the index skipped only the length of "/vendor/" from the start of
            // the name, not from where it was found (go.dev/issue/37397); kept for old checksums.
            i = go124 ? j + "/vendor/".length() : "/vendor/".length();
        }
        return name.indexOf('/', i) >= 0;
    }

    /** path.Clean(p) == p and p is relative: no empty, "." or ".." elements, no leading or trailing slash. */
    public static boolean isCleanRelative(String p) {
        if (p.isEmpty() || p.startsWith("/") || p.endsWith("/")) {
            return false;
        }
        for (String element : p.split("/", -1)) {
            if (element.isEmpty() || element.equals(".") || element.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A key equal for two strings exactly when Go's strings.EqualFold holds for them: each code
     * point mapped to a canonical member of its simple case-folding orbit. Dotted and dotless i
     * (U+0130, U+0131) fold only to themselves in Go, unlike Java's case mappings.
     */
    public static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints()
                .forEach(c -> out.appendCodePoint(
                        c == 0x130 || c == 0x131 ? c : Character.toLowerCase(Character.toUpperCase(c))));
        return out.toString();
    }

    /** zip's collisionChecker: case-insensitive duplicates and paths that are both file and directory. */
    public static final class Collisions {
        private record Seen(String path, boolean dir) {}

        private final Map<String, Seen> seen = new HashMap<>();

        /** Why {@code p} collides with an earlier path, if it does. */
        public Optional<String> check(String p, boolean dir) {
            String key = fold(p);
            Seen other = seen.get(key);
            if (other != null) {
                if (!p.equals(other.path())) {
                    return Optional.of(
                            "case-insensitive file name collision: \"" + other.path() + "\" and \"" + p + "\"");
                }
                if (dir != other.dir()) {
                    return Optional.of("entry \"" + p + "\" is both a file and a directory");
                }
                if (!dir) {
                    return Optional.of("multiple entries for file \"" + p + "\"");
                }
            } else {
                seen.put(key, new Seen(p, dir));
            }
            int slash = p.lastIndexOf('/');
            return slash > 0 ? check(p.substring(0, slash), true) : Optional.empty();
        }
    }
}
