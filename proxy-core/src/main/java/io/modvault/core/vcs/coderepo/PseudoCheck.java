package io.modvault.core.vcs.coderepo;

import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.module.PseudoVersion;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.git.GitMirror;
import io.modvault.core.vcs.git.GitRevision;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * coderepo.go's {@code validatePseudoVersion}: a pseudo-version asked for must name the commit
 * by its 12-digit short hash and exact commit time, and its base must be a tag of this module
 * that is an ancestor of the commit (but not on the commit itself, whose tag is then the
 * version). Not required: that the base is the highest such tag, as Go does not require it.
 */
final class PseudoCheck {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final ModuleLayout layout;
    private final GitMirror mirror;

    PseudoCheck(ModuleLayout layout, GitMirror mirror) {
        this.layout = layout;
        this.mirror = mirror;
    }

    void validate(GitRevision info, String version) {
        String base;
        try {
            String rev = PseudoVersion.rev(version);
            String shortHash = info.shortHash();
            if (!rev.equals(shortHash)) {
                if (rev.startsWith(shortHash)) {
                    throw invalid(version, "revision is longer than canonical (expected " + shortHash + ")");
                }
                if (shortHash.startsWith(rev)) {
                    throw invalid(version, "revision is shorter than canonical (expected " + shortHash + ")");
                }
                throw invalid(version, "does not match short name of revision (expected " + shortHash + ")");
            }
            Instant time = PseudoVersion.time(version);
            if (!time.equals(info.time())) {
                throw invalid(
                        version,
                        "does not match version-control timestamp (expected " + STAMP.format(info.time()) + ")");
            }
            base = PseudoVersion.base(ModuleLayout.trimIncompatible(version));
        } catch (InvalidModuleException e) {
            throw new VcsException(VcsException.Kind.NOT_FOUND, layout.path() + "@" + version + ": " + e.getMessage());
        }
        if (base.isEmpty()) {
            if (layout.pseudoMajor().isEmpty() && ModuleVersion.major(version).equals("v1")) {
                throw invalid(version, "major version without preceding tag must be v0, not v1");
            }
            return;
        }
        String prefix = layout.tagPrefix();
        for (String tag : info.tags()) {
            if (trimPrefix(tag, prefix).equals(base)) {
                throw invalid(
                        version,
                        "tag (" + tag + ") found on revision " + info.shortHash()
                                + " is already canonical, so should not be replaced with a pseudo-version derived from that tag");
            }
        }
        String lastTag = ancestorTag(mirror.knownRefs().tags(), info, base, prefix);
        if (lastTag == null) {
            lastTag = ancestorTag(mirror.refs().tags(), info, base, prefix);
        }
        if (lastTag == null) {
            throw invalid(version, "preceding tag (" + base + ") not found");
        }
        if (lastTag.startsWith("!")) {
            throw invalid(
                    version,
                    "revision " + info.shortHash() + " is not a descendent of preceding tag (" + lastTag.substring(1)
                            + ")");
        }
    }

    /**
     * The tag equal to {@code base} that is an ancestor of the commit; "!tag" when such tags exist
     * but none is an ancestor; null when there is none.
     */
    private String ancestorTag(Map<String, String> tags, GitRevision info, String base, String prefix) {
        String lastTag = null;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (!tag.getKey().startsWith(prefix + base)) {
                continue;
            }
            if (ModuleVersion.compare(trimPrefix(tag.getKey(), prefix), base) == 0) {
                lastTag = tag.getKey();
                if (mirror.isAncestor(tag.getValue(), info.hash())) {
                    return lastTag;
                }
            }
        }
        return lastTag == null ? null : "!" + lastTag;
    }

    private static String trimPrefix(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    private VcsException invalid(String version, String reason) {
        return new VcsException(
                VcsException.Kind.NOT_FOUND, layout.path() + "@" + version + ": invalid pseudo-version: " + reason);
    }
}
