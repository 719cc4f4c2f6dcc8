package io.modvault.core.vcs.coderepo;

import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.module.PathVersion;
import io.modvault.core.module.PseudoVersion;
import io.modvault.core.vcs.VcsException;

/**
 * Where a module sits in its repository, computed as coderepo.go's {@code newCodeRepo} does:
 * the import path of the repository root, the directory of the module's code ({@code codeDir}),
 * the path split around its major-version suffix, and the major version pseudo-versions use.
 * For {@code corp.example/repo/sub/v2} in {@code corp.example/repo}: codeDir {@code sub},
 * pathMajor {@code /v2}, and the module may live in {@code sub/} or {@code sub/v2/}.
 */
record ModuleLayout(
        ModulePath module, String codeRoot, String codeDir, String pathPrefix, String pathMajor, String pseudoMajor) {

    static ModuleLayout of(ModulePath module, String codeRoot) {
        String path = module.value();
        if (!hasPathPrefix(path, codeRoot)) {
            throw new VcsException(VcsException.Kind.FAILED, "mismatched repo: found " + codeRoot + " for " + path);
        }
        PathVersion split = PathVersion.split(path)
                .orElseThrow(
                        () -> new VcsException(VcsException.Kind.NOT_FOUND, "invalid module path \"" + path + "\""));
        String pathPrefix = codeRoot.equals(path) ? path : split.prefix();
        String codeDir = "";
        if (!codeRoot.equals(path)) {
            if (!hasPathPrefix(pathPrefix, codeRoot)) {
                throw new VcsException(
                        VcsException.Kind.NOT_FOUND,
                        "repository rooted at " + codeRoot + " cannot contain module " + path);
            }
            codeDir = trimSlashes(pathPrefix.substring(codeRoot.length()));
        }
        return new ModuleLayout(module, codeRoot, codeDir, pathPrefix, split.pathMajor(), split.majorPrefix());
    }

    String path() {
        return module.value();
    }

    /** Tags of this module start with this: "" at the root, {@code codeDir + "/"} below it. */
    String tagPrefix() {
        return codeDir.isEmpty() ? "" : codeDir + "/";
    }

    /** module.MatchPathMajor. */
    boolean matchesMajor(String version) {
        return module.acceptsVersion(version);
    }

    /** coderepo revToRev: the git revision a version or query names. */
    String revToRev(String rev) {
        if (!ModuleVersion.isValid(rev)) {
            return rev;
        }
        if (PseudoVersion.is(rev)) {
            return PseudoVersion.rev(rev);
        }
        String tag =
                ModuleVersion.isIncompatible(rev) ? rev.substring(0, rev.length() - "+incompatible".length()) : rev;
        return tagPrefix() + tag;
    }

    /** coderepo hasPathPrefix: {@code prefix} is {@code s} or a leading run of its elements. */
    static boolean hasPathPrefix(String s, String prefix) {
        if (s.length() == prefix.length()) {
            return s.equals(prefix);
        }
        if (s.length() < prefix.length()) {
            return false;
        }
        if (!prefix.isEmpty() && prefix.endsWith("/")) {
            return s.startsWith(prefix);
        }
        return s.charAt(prefix.length()) == '/' && s.startsWith(prefix);
    }

    /** path.Join for a directory and a name, both clean and relative. */
    static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    /** semver.Canonical, which unlike module.CanonicalVersion drops "+incompatible" too. */
    static String semverCanonical(String v) {
        String canonical = ModuleVersion.canonical(v);
        return canonical.endsWith("+incompatible")
                ? canonical.substring(0, canonical.length() - "+incompatible".length())
                : canonical;
    }

    static String trimIncompatible(String v) {
        return v.endsWith("+incompatible") ? v.substring(0, v.length() - "+incompatible".length()) : v;
    }

    private static String trimSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }
}
