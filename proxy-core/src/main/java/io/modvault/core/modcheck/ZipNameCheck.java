package io.modvault.core.modcheck;

import io.modvault.core.module.FilePaths;
import io.modvault.core.module.InvalidModuleException;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;

/**
 * The per-entry loop of x/mod's {@code checkZip}, over the central directory: every name under
 * {@code module@version/}, clean, a valid file path, no case-insensitive collision or duplicate,
 * go.mod only at the root and in lower case, and the declared sizes within the limits. Like
 * {@code CheckedFiles.Err}, a size error wins over invalid names; the first invalid file is
 * named and the others counted, to keep the reason on one line.
 */
final class ZipNameCheck {
    private final String prefix;
    private final ZipLimits limits;
    private final ZipRules.Collisions collisions = new ZipRules.Collisions();
    private long declaredTotal;
    private String sizeError;
    private String firstInvalid;
    private int invalidCount;

    private ZipNameCheck(String prefix, ZipLimits limits) {
        this.prefix = prefix;
        this.limits = limits;
    }

    static Optional<String> problem(List<? extends ZipEntry> entries, String prefix, ZipLimits limits) {
        ZipNameCheck check = new ZipNameCheck(prefix, limits);
        entries.forEach(check::visit);
        if (check.sizeError != null) {
            return Optional.of(check.sizeError);
        }
        if (check.firstInvalid == null) {
            return Optional.empty();
        }
        int others = check.invalidCount - 1;
        return Optional.of(check.firstInvalid + (others == 0 ? "" : " (and " + others + " more invalid files)"));
    }

    private void visit(ZipEntry entry) {
        String name = entry.getName();
        if (!name.startsWith(prefix)) {
            invalid(name, "path does not have prefix \"" + prefix + "\"");
            return;
        }
        String file = name.substring(prefix.length());
        if (file.isEmpty()) {
            return;
        }
        boolean dir = file.endsWith("/");
        if (dir) {
            file = file.substring(0, file.length() - 1);
        }
        Optional<String> problem = pathProblem(file, dir);
        if (problem.isPresent()) {
            invalid(name, problem.get());
        } else if (!dir) {
            sizeProblem(file, entry.getSize()).ifPresent(p -> invalid(name, p));
        }
    }

    private Optional<String> pathProblem(String file, boolean dir) {
        if (!ZipRules.isCleanRelative(file)) {
            return Optional.of("file path is not clean");
        }
        try {
            FilePaths.checkFilePath(file);
        } catch (InvalidModuleException e) {
            return Optional.of(e.getMessage());
        }
        Optional<String> collision = collisions.check(file, dir);
        if (collision.isPresent() || dir) {
            return collision;
        }
        String base = file.substring(file.lastIndexOf('/') + 1);
        if (base.equalsIgnoreCase("go.mod") && !base.equals(file)) {
            return Optional.of("go.mod file not in module root directory");
        }
        if (base.equalsIgnoreCase("go.mod") && !file.equals("go.mod")) {
            return Optional.of("go.mod files must have lowercase names");
        }
        return Optional.empty();
    }

    private Optional<String> sizeProblem(String file, long size) {
        if (size >= 0 && limits.maxZipFile() - declaredTotal >= size) {
            declaredTotal += size;
        } else if (sizeError == null) {
            sizeError = "total uncompressed size of module contents too large (max size is " + limits.maxZipFile()
                    + " bytes)";
        }
        if (file.equals("go.mod") && size > limits.maxGoMod()) {
            return Optional.of("go.mod file too large (max size is " + limits.maxGoMod() + " bytes)");
        }
        if (file.equals("LICENSE") && size > limits.maxLicense()) {
            return Optional.of("LICENSE file too large (max size is " + limits.maxLicense() + " bytes)");
        }
        return Optional.empty();
    }

    private void invalid(String name, String why) {
        if (invalidCount++ == 0) {
            firstInvalid = name + ": " + why;
        }
    }
}
