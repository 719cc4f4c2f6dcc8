package io.modvault.core.vcs.coderepo;

import io.modvault.core.module.ModuleVersion;
import io.modvault.core.module.PseudoVersion;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.git.GitMirror;
import io.modvault.core.vcs.git.GitRevision;
import io.modvault.core.vcs.modzip.ModuleZipWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * coderepo.go's {@code convert} for one revision: turns a commit into the module version that
 * names it. A canonical tag of this module on the commit wins (highest first, retracted ones
 * skipped); otherwise a pseudo-version based on the highest allowed tag of this module among the
 * commit's ancestors, with the module's major version when there is none. Decides
 * {@code +incompatible} by the go.mod files present, and checks a requested pseudo-version
 * against the commit ({@link PseudoCheck}). One instance per request: it memoizes go.mod probes.
 */
final class RevisionConverter {
    /** The version a revision converts to, with the module's directory {@code checkCanonical} found at its commit. */
    record Converted(RevisionInfo info, ModuleDirs.ModuleDir dir) {}

    /** A tag read as a version of this module: the canonical version and whether the tag was exactly that. */
    private record TagVersion(String version, boolean canonical) {}

    private final ModuleLayout layout;
    private final GitMirror mirror;
    private final ModuleDirs dirs;
    private final Supplier<Predicate<String>> retracted;
    private final GitRevision info;
    private final String statVers;
    private final Map<String, Boolean> incompatibleOk = new HashMap<>();
    private Predicate<String> isRetracted;

    /**
     * @param retracted computes the retraction test from the latest release's go.mod (only when needed)
     * @param statVers the version or query asked for, "" for latest
     */
    RevisionConverter(
            ModuleLayout layout,
            GitMirror mirror,
            ModuleDirs dirs,
            Supplier<Predicate<String>> retracted,
            GitRevision info,
            String statVers) {
        this.layout = layout;
        this.mirror = mirror;
        this.dirs = dirs;
        this.retracted = retracted;
        this.info = info;
        this.statVers = statVers;
    }

    /** @param infoVersion codehost's {@code info.Version}: the tag asked for, if it is on the commit, else the hash */
    Converted convert(String infoVersion) {
        if (PseudoVersion.is(statVers)) {
            Converted checked = checkCanonical(statVers);
            new PseudoCheck(layout, mirror).validate(info, statVers);
            return checked;
        }
        TagVersion given = tagToVersion(infoVersion);
        if (given.canonical()) {
            Optional<Converted> direct = tryCheckCanonical(given.version());
            if (direct.isPresent()) {
                return direct.get();
            }
        }
        String highestCanonical = "";
        String pseudoBase = "";
        for (String tag : info.tags()) {
            TagVersion tv = tagToVersion(tag);
            if (!statVers.isEmpty() && ModuleVersion.compare(tv.version(), statVers) == 0) {
                if (tv.canonical()) {
                    return checkCanonical(tv.version());
                }
                // A non-canonical tag equal to the request (v1.2.3+meta) may be ambiguous: use it as a base only.
                pseudoBase = tv.version();
            }
            if (tv.canonical()
                    && ModuleVersion.compare(highestCanonical, tv.version()) < 0
                    && !retracted(tv.version())
                    && (layout.matchesMajor(tv.version()) || canUseIncompatible(tv.version()))) {
                highestCanonical = tv.version();
            }
        }
        if (!highestCanonical.isEmpty()) {
            return checkCanonical(highestCanonical);
        }
        if (pseudoBase.isEmpty()) {
            String tag = recentTag();
            if (!tag.isEmpty()) {
                pseudoBase = tagToVersion(tag).version();
            }
        }
        return checkCanonical(PseudoVersion.of(layout.pseudoMajor(), pseudoBase, info.time(), info.shortHash()));
    }

    /** codehost RecentTag: the highest allowed tag of this module reachable from the commit. */
    private String recentTag() {
        String prefix = layout.tagPrefix();
        String highest = "";
        for (String tag : mirror.tagsMergedInto(info.hash())) {
            if (!tag.startsWith(prefix) || !tagAllowed(tag)) {
                continue;
            }
            String semtag = tag.substring(prefix.length());
            if (ModuleVersion.compare(semtag, highest) > 0) {
                highest = semtag;
            }
        }
        return highest.isEmpty() ? "" : prefix + highest;
    }

    private boolean tagAllowed(String tag) {
        String v = tagToVersion(tag).version();
        return !v.isEmpty() && (layout.matchesMajor(v) || canUseIncompatible(v)) && !retracted(v);
    }

    private boolean retracted(String v) {
        if (isRetracted == null) {
            isRetracted = retracted.get();
        }
        return isRetracted.test(v);
    }

    /** coderepo tagToVersion: strips this module's tag prefix; ignores pseudo-version-like and incomplete tags. */
    private TagVersion tagToVersion(String tag) {
        String prefix = layout.tagPrefix();
        if (!tag.startsWith(prefix) || PseudoVersion.is(tag)) {
            return new TagVersion("", false);
        }
        String trimmed = tag.substring(prefix.length());
        String v = ModuleLayout.semverCanonical(trimmed);
        if (v.isEmpty() || !trimmed.startsWith(v)) {
            return new TagVersion("", false);
        }
        return new TagVersion(v, v.equals(trimmed));
    }

    /**
     * coderepo canUseIncompatible: only a repository-root module without major suffix, without a
     * root go.mod at this commit, and (unless +incompatible was asked for explicitly, go.dev/issue/51324)
     * without a {@code vN/go.mod} for the version's major.
     */
    private boolean canUseIncompatible(String v) {
        if (!layout.codeDir().isEmpty() || !layout.pathMajor().isEmpty()) {
            return false;
        }
        if (!incompatibleOk.computeIfAbsent("", k -> !hasFile("go.mod"))) {
            return false;
        }
        if (!v.isEmpty() && !statVers.endsWith("+incompatible")) {
            String major = ModuleVersion.major(v);
            return incompatibleOk.computeIfAbsent(major, k -> !hasFile(major + "/go.mod"));
        }
        return true;
    }

    private boolean hasFile(String path) {
        return mirror.readFile(info.hash(), path, ModuleZipWriter.MAX_GO_MOD).isPresent();
    }

    private Optional<Converted> tryCheckCanonical(String v) {
        try {
            return Optional.of(checkCanonical(v));
        } catch (VcsException e) {
            if (e.kind() != VcsException.Kind.NOT_FOUND) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** coderepo checkCanonical: the module must exist at the version, with +incompatible exactly where due. */
    private Converted checkCanonical(String version) {
        // The revision Stat resolved is the one findDir would resolve again when the version names
        // the same git revision as the query (the tag asked for, or the pseudo-version's hash).
        boolean sameRev = !statVers.isEmpty() && layout.revToRev(version).equals(layout.revToRev(statVers));
        ModuleDirs.ModuleDir dir = sameRev ? dirs.find(version, info) : dirs.find(version);
        String v = version.equals(ModuleLayout.trimIncompatible(statVers)) ? statVers : version;
        String base = ModuleLayout.trimIncompatible(v);
        String problem = null;
        if (!layout.matchesMajor(base)) {
            if (canUseIncompatible(base)) {
                v = base + "+incompatible";
            } else if (!layout.pathMajor().isEmpty()) {
                problem = "module path includes a major version suffix, so major version must match";
            } else {
                problem = "module contains a go.mod file, so module path must match major version (\""
                        + layout.pathPrefix() + "/" + ModuleVersion.major(v) + "\")";
            }
        } else if (v.endsWith("+incompatible")) {
            problem = "+incompatible suffix not allowed: major version " + ModuleVersion.major(v) + " is compatible";
        }
        if (!statVers.isEmpty() && statVers.equals(ModuleVersion.canonical(statVers))) {
            String statBase = ModuleLayout.trimIncompatible(statVers);
            if (!statBase.equals(base)) {
                throw invalid(statVers, "resolves to version " + v + " (" + statBase + " is not a tag)");
            }
        }
        if (problem != null) {
            throw invalid(v, problem);
        }
        RevisionInfo.Origin origin =
                new RevisionInfo.Origin("git", mirror.redactedUrl(), layout.codeDir(), info.hash(), info.ref());
        return new Converted(new RevisionInfo(v, info.time(), origin), dir);
    }

    private VcsException invalid(String version, String reason) {
        return new VcsException(
                VcsException.Kind.NOT_FOUND, layout.path() + "@" + version + ": invalid version: " + reason);
    }
}
