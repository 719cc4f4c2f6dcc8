package io.modvault.core.vcs.modzip;

import io.modvault.core.fetch.FetchSettings;
import io.modvault.core.gomod.GoModException;
import io.modvault.core.gomod.GoModFile;
import io.modvault.core.modcheck.ZipRules;
import io.modvault.core.module.FilePaths;
import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.upstream.DownloadedFile;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.modzip.ZipDirectory.Kind;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * x/mod {@code zip.Create}: checks a list of candidate files by the module zip rules (omitting
 * vendored packages, files of nested modules, {@code .hg_archival.txt}, symlinks and irregular
 * files; refusing unclean or invalid paths, case-insensitive collisions, a mis-cased go.mod and
 * oversized go.mod, LICENSE or tree) and streams the valid ones under {@code module@version/}
 * into a new zip, hashing it on the way. Entries keep the input order and a fixed timestamp, so
 * the same input always gives the same bytes.
 */
public final class ModuleZipWriter {
    static final long MAX_ZIP_FILE = FetchSettings.GO_MAX_ZIP;
    /** Go's limit on a go.mod file, also what a repository read of one may return. */
    public static final long MAX_GO_MOD = FetchSettings.GO_MAX_GO_MOD;
    /** Go's limit on a LICENSE file. */
    public static final long MAX_LICENSE = 16L << 20;
    /**
     * modvault's cap on the intermediate {@code git archive} a module zip is built from, not a Go
     * limit. The archive is stored uncompressed ({@code -0}: only the module zip is deflated), so
     * it is as large as the tree plus headers and may hold files the module zip leaves out
     * (vendor/, nested modules); 4 × {@link #MAX_ZIP_FILE} leaves that room while still bounding
     * the disk a request may take. The module zip itself keeps Go's exact limits.
     */
    public static final long MAX_ARCHIVE = 4 * MAX_ZIP_FILE;

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    /** One candidate file: a path relative to the module root, what it is, its declared size and content. */
    public interface Source {
        String path();

        ZipDirectory.Kind kind();

        long size();

        InputStream open() throws IOException;
    }

    private ModuleZipWriter() {}

    /**
     * Writes the module zip of {@code module@version} from {@code files} to {@code target}: NOT_FOUND
     * with every invalid file named when the files break the zip rules, FAILED when writing fails
     * or the zip grows too large.
     */
    public static DownloadedFile write(ModulePath module, String version, List<Source> files, Path target) {
        String prefix = module.value() + "@" + version + "/";
        try {
            if (!ModuleVersion.canonical(version).equals(version)) {
                throw invalid("version \"" + version + "\" is not canonical (should be \""
                        + ModuleVersion.canonical(version) + "\")");
            }
            ModuleVersion.check(module, version);
        } catch (InvalidModuleException e) {
            throw invalid(e.getMessage());
        }
        List<Source> valid = check(files);
        try (OutputStream file = Files.newOutputStream(target);
                DigestOutputStream digest = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), sha256());
                ZipOutputStream zip = new ZipOutputStream(digest)) {
            for (Source source : valid) {
                ZipEntry entry = new ZipEntry(prefix + source.path());
                entry.setTimeLocal(FIXED_TIME);
                zip.putNextEntry(entry);
                copy(source, zip);
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
            long size = Files.size(target);
            if (size > MAX_ZIP_FILE) {
                throw new VcsException(
                        VcsException.Kind.FAILED, "create zip: module zip file too large (" + size + " bytes)");
            }
            return new DownloadedFile(
                    target,
                    size,
                    HexFormat.of().formatHex(digest.getMessageDigest().digest()));
        } catch (IOException e) {
            throw new VcsException(
                    VcsException.Kind.FAILED,
                    "create zip for " + module.value() + "@" + version + ": " + e.getMessage(),
                    e);
        }
    }

    /** zip.checkFiles: the files to include, in order; throws NOT_FOUND with every invalid file named. */
    static List<Source> check(List<Source> files) {
        Set<String> dirsWithGoMod = new LinkedHashSet<>();
        boolean go124 = false;
        for (Source f : files) {
            String p = f.path();
            int slash = p.lastIndexOf('/');
            String base = p.substring(slash + 1);
            if (!base.equalsIgnoreCase("go.mod") || f.kind() != Kind.REGULAR) {
                continue;
            }
            dirsWithGoMod.add(p.substring(0, slash + 1));
            if (p.equals("go.mod")) {
                go124 = declaresGo124(f);
            }
        }
        List<Source> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        Set<String> errored = new LinkedHashSet<>();
        ZipRules.Collisions collisions = new ZipRules.Collisions();
        long remaining = MAX_ZIP_FILE;
        String sizeError = null;
        for (Source f : files) {
            String p = f.path();
            String problem = problem(f, go124, dirsWithGoMod, collisions);
            if (problem != null) {
                if (errored.add(p) && !problem.isEmpty()) {
                    invalid.add(p + ": " + problem);
                }
                continue;
            }
            long size = f.size();
            if (size >= 0 && size <= remaining) {
                remaining -= size;
            } else if (sizeError == null) {
                sizeError = "module source tree too large (max size is " + MAX_ZIP_FILE + " bytes)";
            }
            if (p.equals("go.mod") && size > MAX_GO_MOD || p.equals("LICENSE") && size > MAX_LICENSE) {
                String what = p.equals("go.mod") ? "go.mod" : "LICENSE";
                if (errored.add(p)) {
                    invalid.add(p + ": " + what + " file too large (max size is " + (16L << 20) + " bytes)");
                }
                continue;
            }
            valid.add(f);
        }
        if (sizeError != null) {
            throw invalid(sizeError);
        }
        if (!invalid.isEmpty()) {
            throw invalid(String.join("; ", invalid));
        }
        return valid;
    }

    /** null for a valid file, "" for one left out silently, otherwise why it is invalid. */
    private static String problem(Source f, boolean go124, Set<String> dirsWithGoMod, ZipRules.Collisions collisions) {
        String p = f.path();
        if (!ZipRules.isCleanRelative(p)) {
            return p.startsWith("/") ? "file path is not relative" : "file path is not clean";
        }
        if (ZipRules.isVendoredPackage(p, go124) || inNestedModule(p, dirsWithGoMod) || p.equals(".hg_archival.txt")) {
            return "";
        }
        try {
            FilePaths.checkFilePath(p);
        } catch (InvalidModuleException e) {
            return e.getMessage();
        }
        if (p.toLowerCase(Locale.ROOT).equals("go.mod") && !p.equals("go.mod")) {
            return "go.mod files must have lowercase names";
        }
        String collision = collisions.check(p, f.kind() == Kind.DIRECTORY).orElse(null);
        if (collision != null) {
            return collision;
        }
        return f.kind() == Kind.REGULAR ? null : "";
    }

    private static boolean inNestedModule(String p, Set<String> dirsWithGoMod) {
        for (int slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) {
            if (dirsWithGoMod.contains(p.substring(0, slash + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaresGo124(Source goMod) {
        try (InputStream in = goMod.open()) {
            byte[] data = in.readNBytes((int) MAX_GO_MOD + 1);
            return GoModFile.parseLax("go.mod", data)
                    .language()
                    .map(v -> v[0] > 1 || v[0] == 1 && v[1] >= 24)
                    .orElse(false);
        } catch (IOException | GoModException e) {
            return false;
        }
    }

    private static void copy(Source source, OutputStream out) throws IOException {
        try (InputStream in = source.open()) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > source.size()) {
                    throw invalid("file \"" + source.path() + "\" is larger than declared size");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static VcsException invalid(String reason) {
        return new VcsException(VcsException.Kind.NOT_FOUND, "create zip: " + reason);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
