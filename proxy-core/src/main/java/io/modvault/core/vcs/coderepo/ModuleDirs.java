package io.modvault.core.vcs.coderepo;

import io.modvault.core.gomod.ModuleDirective;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.module.PathVersion;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.git.GitMirror;
import io.modvault.core.vcs.git.GitRevision;
import io.modvault.core.vcs.modzip.ModuleZipWriter;
import java.util.Optional;

/**
 * coderepo.go's {@code findDir}: which directory holds a module at a version, by the go.mod files
 * present. With a major suffix {@code /vN} the module is either in {@code codeDir} (its go.mod
 * declaring {@code /vN}: the major-branch layout) or in {@code codeDir/vN} (the major-subdirectory
 * layout), never both; without one, a repository-root module may lack a go.mod. Failures are
 * NOT_FOUND with Go's wording.
 */
final class ModuleDirs {
    /** The commit of a version, the module's directory in it, and its go.mod if it has one. */
    record ModuleDir(GitRevision revision, String dir, Optional<byte[]> goMod) {}

    private final ModuleLayout layout;
    private final GitMirror mirror;

    ModuleDirs(ModuleLayout layout, GitMirror mirror) {
        this.layout = layout;
        this.mirror = mirror;
    }

    ModuleDir find(String version) {
        if (!ModuleVersion.isValid(version)) {
            throw fail(version, "syntax error");
        }
        return find(version, mirror.resolve(layout.revToRev(version)));
    }

    /** {@link #find(String)} when the caller has already resolved the version's git revision to {@code revision}. */
    ModuleDir find(String version, GitRevision revision) {
        if (!ModuleVersion.isValid(version)) {
            throw fail(version, "syntax error");
        }
        String rev = layout.revToRev(version);
        String file1 = ModuleLayout.join(layout.codeDir(), "go.mod");
        Optional<byte[]> goMod1 = mirror.readFile(revision.hash(), file1, ModuleZipWriter.MAX_GO_MOD);
        String mpath1 = goMod1.map(ModuleDirective::path).orElse("");
        boolean found1 = goMod1.isPresent() && (isMajor(mpath1, layout.pathMajor()) || replacesGopkgIn(mpath1));
        String pathMajor = layout.pathMajor();
        String file2 = null;
        if (!pathMajor.isEmpty() && !layout.codeRoot().equals(layout.path()) && !pathMajor.startsWith(".")) {
            String dir2 = ModuleLayout.join(layout.codeDir(), pathMajor.substring(1));
            file2 = ModuleLayout.join(dir2, "go.mod");
            Optional<byte[]> goMod2 = mirror.readFile(revision.hash(), file2, ModuleZipWriter.MAX_GO_MOD);
            String mpath2 = goMod2.map(ModuleDirective::path).orElse("");
            boolean found2 = goMod2.isPresent() && isMajor(mpath2, pathMajor);
            if (found1 && found2) {
                throw fail(
                        version,
                        layout.pathPrefix() + "/" + file1 + " and ..." + pathMajor + "/go.mod both have ..." + pathMajor
                                + " module paths at revision " + rev);
            }
            if (found2) {
                return new ModuleDir(revision, dir2, goMod2);
            }
            if (goMod2.isPresent()) {
                throw fail(
                        version,
                        mpath2.isEmpty()
                                ? layout.codeRoot() + "/" + file2 + " is missing module path at revision " + rev
                                : layout.codeRoot() + "/" + file2 + " has non-..." + pathMajor + " module path \""
                                        + mpath2 + "\" at revision " + rev);
            }
        }
        if (found1) {
            return new ModuleDir(revision, layout.codeDir(), goMod1);
        }
        if (goMod1.isPresent()) {
            String suffix = file2 == null ? "" : " (and ..." + pathMajor + "/go.mod does not exist)";
            if (mpath1.isEmpty()) {
                throw fail(version, file1 + " is missing module path" + suffix + " at revision " + rev);
            }
            if (!pathMajor.isEmpty()) {
                throw fail(
                        version,
                        file1 + " has non-..." + pathMajor + " module path \"" + mpath1 + "\"" + suffix
                                + " at revision " + rev);
            }
            if (PathVersion.split(mpath1).isEmpty()) {
                throw fail(
                        version,
                        file1 + " has malformed module path \"" + mpath1 + "\"" + suffix + " at revision " + rev);
            }
            throw fail(
                    version,
                    file1 + " has post-" + ModuleVersion.major(version) + " module path \"" + mpath1 + "\"" + suffix
                            + " at revision " + rev);
        }
        if (layout.codeDir().isEmpty() && (pathMajor.isEmpty() || pathMajor.startsWith("."))) {
            // Implicit go.mod at the repository root: fine for v0/v1 and gopkg.in.
            return new ModuleDir(revision, "", Optional.empty());
        }
        if (file2 != null) {
            throw fail(
                    version,
                    "missing " + layout.pathPrefix() + "/go.mod and ..." + pathMajor + "/go.mod at revision " + rev);
        }
        throw fail(version, "missing " + layout.pathPrefix() + "/go.mod at revision " + rev);
    }

    /** coderepo isMajor: whether a go.mod's module path admits the major versions of {@code pathMajor}. */
    static boolean isMajor(String mpath, String pathMajor) {
        if (mpath.isEmpty()) {
            return false;
        }
        Optional<PathVersion> split = PathVersion.split(mpath);
        if (split.isEmpty()) {
            return false;
        }
        String mpathMajor = split.get().pathMajor();
        if (pathMajor.isEmpty()) {
            String prefix = PathVersion.majorPrefix(mpathMajor);
            return prefix.isEmpty() || prefix.equals("v0") || prefix.equals("v1");
        }
        if (mpathMajor.isEmpty()) {
            return false;
        }
        return pathMajor.substring(1).equals(mpathMajor.substring(1));
    }

    /** go.dev/issue/34254: unversioned paths were once accepted as replacements for gopkg.in paths. */
    private boolean replacesGopkgIn(String mpath) {
        return layout.pathMajor().isEmpty() && mpath.startsWith("gopkg.in/");
    }

    private VcsException fail(String version, String reason) {
        return new VcsException(
                VcsException.Kind.NOT_FOUND, layout.path() + "@" + version + ": invalid version: " + reason);
    }
}
