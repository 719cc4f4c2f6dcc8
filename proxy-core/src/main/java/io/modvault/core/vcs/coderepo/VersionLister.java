package io.modvault.core.vcs.coderepo;

import io.modvault.core.module.ModuleVersion;
import io.modvault.core.module.PseudoVersion;
import io.modvault.core.vcs.git.GitMirror;
import io.modvault.core.vcs.git.GitRevision;
import io.modvault.core.vcs.modzip.ModuleZipWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * coderepo.go's {@code Versions} and {@code appendIncompatibleVersions}: the module's tags that
 * are canonical versions after the module's tag prefix, fit its major version, and are not
 * pseudo-versions; plus, for a repository-root module without a major suffix, {@code vN+incompatible}
 * for tags whose major has no go.mod at its latest tag, unless the latest v0/v1 tag has a go.mod.
 */
final class VersionLister {
    private final ModuleLayout layout;
    private final GitMirror mirror;

    VersionLister(ModuleLayout layout, GitMirror mirror) {
        this.layout = layout;
        this.mirror = mirror;
    }

    List<String> versions() {
        String path = layout.path();
        if (path.startsWith("gopkg.in/") && path.endsWith("-unstable")) {
            // gopkg.in/x.v2-unstable has no tags of its own (the v2 tags belong to x.v2).
            return List.of();
        }
        String prefix = layout.tagPrefix();
        List<String> list = new ArrayList<>();
        List<String> incompatible = new ArrayList<>();
        for (String tag : mirror.refs().tags().keySet()) {
            if (!tag.startsWith(prefix)) {
                continue;
            }
            String v = tag.substring(prefix.length());
            if (v.isEmpty() || !v.equals(ModuleLayout.semverCanonical(v)) || PseudoVersion.is(v)) {
                // Non-canonical tags ("v1.2", "v1.2.3+meta", "v2.0.0+incompatible") and tags that look
                // like pseudo-versions are not versions; Stat still resolves them as revisions.
                continue;
            }
            if (!layout.matchesMajor(v)) {
                if (layout.codeDir().isEmpty()
                        && layout.pathMajor().isEmpty()
                        && ModuleVersion.major(v).compareTo("v1") > 0) {
                    incompatible.add(v);
                }
                continue;
            }
            list.add(v);
        }
        list.sort(ModuleVersion.ORDER);
        incompatible.sort(ModuleVersion.ORDER);
        return appendIncompatible(list, incompatible);
    }

    private List<String> appendIncompatible(List<String> list, List<String> incompatible) {
        if (incompatible.isEmpty() || !layout.pathMajor().isEmpty()) {
            return List.copyOf(list);
        }
        if (!list.isEmpty() && hasGoMod(list.get(list.size() - 1))) {
            // The latest compatible version has a go.mod: its authors mean consumers to stay on
            // v0/v1, so no +incompatible version is offered (go.dev/issue/34189).
            return List.copyOf(list);
        }
        List<String> all = new ArrayList<>(list);
        String lastMajor = "";
        boolean lastMajorHasGoMod = false;
        for (int i = 0; i < incompatible.size(); i++) {
            String v = incompatible.get(i);
            String major = ModuleVersion.major(v);
            if (!major.equals(lastMajor)) {
                int j = i;
                while (j + 1 < incompatible.size()
                        && ModuleVersion.major(incompatible.get(j + 1)).equals(major)) {
                    j++;
                }
                lastMajor = major;
                lastMajorHasGoMod = hasGoMod(incompatible.get(j));
            }
            if (!lastMajorHasGoMod) {
                all.add(v + "+incompatible");
            }
        }
        return List.copyOf(all);
    }

    /** Whether the root go.mod exists at the tag {@code v} (codehost ReadFile of "go.mod"). */
    private boolean hasGoMod(String v) {
        GitRevision revision = mirror.resolve(v);
        return mirror.readFile(revision.hash(), "go.mod", ModuleZipWriter.MAX_GO_MOD)
                .isPresent();
    }
}
