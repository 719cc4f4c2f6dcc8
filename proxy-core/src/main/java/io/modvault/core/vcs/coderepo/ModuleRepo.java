package io.modvault.core.vcs.coderepo;

import io.modvault.core.gomod.GoModException;
import io.modvault.core.gomod.GoModFile;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.upstream.DownloadedFile;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.coderepo.ModuleDirs.ModuleDir;
import io.modvault.core.vcs.discovery.RepoLocation;
import io.modvault.core.vcs.git.GitMirror;
import io.modvault.core.vcs.git.GitRevision;
import io.modvault.core.vcs.modzip.ModuleZipWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One module read from its git repository with the go command's coderepo.go semantics: tags
 * become versions ({@code sub/dir/v1.2.3} for a module in a subdirectory, {@code /vN} major
 * versions in a subdirectory or on a branch, {@code +incompatible} for old majors without
 * go.mod), other revisions become pseudo-versions, and {@code .mod}/{@code .zip} come from the
 * module's directory at the version's commit. All failures are {@link VcsException}s:
 * NOT_FOUND for anything about the requested version, others for the repository.
 */
public final class ModuleRepo {
    private final ModuleLayout layout;
    private final GitMirror mirror;
    private final ModuleDirs dirs;
    private final VersionLister lister;

    /** @throws VcsException when {@code location} cannot hold the module */
    public ModuleRepo(ModulePath module, RepoLocation location, GitMirror mirror) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(location, "location");
        if (!location.vcs().equals("git")) {
            throw new VcsException(
                    VcsException.Kind.FAILED,
                    "version control system " + location.vcs() + " of " + location.repoRoot()
                            + " is not supported (only git)");
        }
        this.layout = ModuleLayout.of(module, location.repoRoot());
        this.mirror = Objects.requireNonNull(mirror, "mirror");
        this.dirs = new ModuleDirs(layout, mirror);
        this.lister = new VersionLister(layout, mirror);
    }

    public ModulePath module() {
        return layout.module();
    }

    /** The module's directory in the repository ("" at the root); a {@code /vN} subdirectory is chosen per version. */
    public String codeDir() {
        return layout.codeDir();
    }

    /** The tagged versions, sorted (coderepo Versions); no pseudo-versions. Refs are refreshed per TTL. */
    public List<String> versions() {
        return lister.versions();
    }

    /** {@code .info} of a version, tag, branch, commit hash (prefix) or "latest" (coderepo Stat). */
    public RevisionInfo stat(String query) {
        Objects.requireNonNull(query, "query");
        if (query.equals("latest")) {
            return latest();
        }
        return statAndRemember(query).info();
    }

    /**
     * Stat with the module directory it found. A canonical version that resolves to itself is
     * remembered in the mirror's {@link ResolvedVersions} for {@code .mod} and {@code .zip}, until
     * a fetch changes the refs. {@code .info} itself is always worked out anew, so its answer
     * (Origin's ref included) is exactly what Stat says now.
     */
    private RevisionConverter.Converted statAndRemember(String query) {
        ResolvedVersions memo = ResolvedVersions.of(mirror);
        long epoch = memo.epoch();
        RevisionConverter.Converted converted = statUncached(query);
        if (ModuleVersion.isCanonical(query) && converted.info().version().equals(query)) {
            memo.put(ResolvedVersions.key(layout, query), converted, epoch);
        }
        return converted;
    }

    private RevisionConverter.Converted statUncached(String query) {
        String codeRev = layout.revToRev(query);
        GitRevision info;
        try {
            info = mirror.resolve(codeRev);
        } catch (VcsException e) {
            if (e.kind() == VcsException.Kind.NOT_FOUND) {
                throw new VcsException(
                        e.kind(), layout.path() + "@" + query + ": invalid version: " + e.getMessage(), e);
            }
            throw e;
        }
        String infoVersion = info.tags().contains(codeRev) ? codeRev : info.hash();
        return converter(info, query).convert(infoVersion);
    }

    /** The tip of the remote's default branch as a version: its tag, or a pseudo-version (coderepo Latest). */
    public RevisionInfo latest() {
        String head = mirror.refs()
                .head()
                .orElseThrow(() -> new VcsException(
                        VcsException.Kind.NOT_FOUND, layout.path() + ": no commits in " + mirror.redactedUrl()));
        GitRevision info = mirror.resolve(head);
        RevisionInfo converted = converter(info, "").convert(info.hash()).info();
        RevisionInfo.Origin origin =
                new RevisionInfo.Origin("git", mirror.redactedUrl(), layout.codeDir(), head, Optional.of("HEAD"));
        return new RevisionInfo(converted.version(), converted.time(), origin);
    }

    /** {@code .mod}: the module's go.mod at a canonical version, or {@code module <path>} when it has none. */
    public byte[] goMod(String version) {
        return goModOf(requireResolvesTo(version));
    }

    /**
     * {@code .zip}: the module zip of a canonical version, streamed into {@code target} with its SHA-256.
     * The intermediate {@code git archive} is stored, not deflated (only the module zip is
     * compressed), so it is bounded by {@link ModuleZipWriter#MAX_ARCHIVE}; the module zip keeps
     * Go's limits.
     */
    public DownloadedFile zip(String version, Path target) {
        ModuleDir dir = requireResolvesTo(version);
        String commit = dir.revision().hash();
        Path parent = target.toAbsolutePath().getParent();
        Path archive = null;
        try {
            archive = Files.createTempFile(parent, ".git-archive-", ".zip");
            mirror.archive(commit, dir.dir(), archive, ModuleZipWriter.MAX_ARCHIVE);
            try (ArchiveSources sources = ArchiveSources.open(
                    archive, dir.dir(), () -> mirror.readFile(commit, "LICENSE", ModuleZipWriter.MAX_LICENSE))) {
                return ModuleZipWriter.write(layout.module(), version, sources.sources(), target);
            }
        } catch (IOException e) {
            throw new VcsException(
                    VcsException.Kind.FAILED,
                    "building the zip of " + layout.path() + "@" + version + ": " + e.getMessage(),
                    e);
        } finally {
            if (archive != null) {
                try {
                    Files.deleteIfExists(archive);
                } catch (IOException e) {
                    // A leftover temporary archive is harmless; the caller's directory is scratch space.
                }
            }
        }
    }

    /** coderepo GoMod without the pseudo-version Stat: findDir, then the file or the legacy synthesis. */
    byte[] goModAt(String version) {
        return goModOf(dirs.find(version));
    }

    /** A copy: the bytes may be held by {@link ResolvedVersions} for later requests. */
    private byte[] goModOf(ModuleDir dir) {
        return dir.goMod().map(byte[]::clone).orElseGet(() -> legacyGoMod(layout.path()));
    }

    /** modfetch LegacyGoMod: a module directive and nothing else (valid module paths never need quoting). */
    static byte[] legacyGoMod(String modulePath) {
        return ("module " + modulePath + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The version must be canonical and Stat must resolve it to itself, as {@code go mod download}
     * requires before it downloads: this also refuses a {@code +incompatible} version whose commit has a go.mod.
     * Returns the module's directory at the version, remembered from an earlier Stat if there was one.
     */
    private ModuleDir requireResolvesTo(String version) {
        if (!ModuleVersion.canonical(version).equals(version)) {
            throw new VcsException(
                    VcsException.Kind.NOT_FOUND,
                    layout.path() + "@" + version + ": invalid version: version " + version + " is not canonical");
        }
        RevisionConverter.Converted resolved = ResolvedVersions.of(mirror)
                .get(ResolvedVersions.key(layout, version))
                .orElseGet(() -> statAndRemember(version));
        if (!resolved.info().version().equals(version)) {
            throw new VcsException(
                    VcsException.Kind.NOT_FOUND,
                    layout.path() + "@" + version + ": invalid version: resolves to version "
                            + resolved.info().version());
        }
        // The directory checkCanonical found at the version's own commit: findDir needs no second run.
        return resolved.dir();
    }

    private RevisionConverter converter(GitRevision info, String statVers) {
        return new RevisionConverter(layout, mirror, dirs, this::retractions, info, statVers);
    }

    /** coderepo retractedVersions: the retract directives of the latest release's go.mod; none on any error. */
    private Predicate<String> retractions() {
        try {
            List<String> versions = lister.versions();
            int end = 0;
            while (end < versions.size() && !versions.get(end).endsWith("+incompatible")) {
                end++;
            }
            if (end == 0) {
                return v -> false;
            }
            String highest = versions.get(end - 1);
            for (int i = end - 1; i >= 0; i--) {
                if (!ModuleVersion.isPrerelease(versions.get(i))) {
                    highest = versions.get(i);
                    break;
                }
            }
            return GoModFile.parseLax("go.mod", goModAt(highest))::retracts;
        } catch (VcsException | GoModException e) {
            return v -> false;
        }
    }

    @Override
    public String toString() {
        return "ModuleRepo[" + layout.path() + " in " + mirror.redactedUrl() + "]";
    }
}
