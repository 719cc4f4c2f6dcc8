package io.modvault.core.modcheck;

import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Whether a module zip is one the go command would accept: x/mod's {@code CheckZip} (file size,
 * then every name and declared size, see {@link ZipNameCheck}) followed by what its
 * {@code Unzip} enforces while extracting, the actual inflated sizes and checksums
 * ({@link InflatedSizeCheck}); declared sizes are never trusted on their own. Used before a zip
 * is stored, whatever the checksum settings, and by {@code modvault verify} over stored zips.
 * Reads the file only; blocking.
 */
public final class ModuleZipCheck {
    private ModuleZipCheck() {}

    /** The reason {@code zip} is not a valid zip of {@code module@version}, as one line naming both. */
    public static Optional<String> problem(Path zip, ModulePath module, String version, ZipLimits limits) {
        String coordinate = module.value() + "@" + version;
        return check(zip, module, version, limits).map(p -> "invalid module zip for " + coordinate + ": " + p);
    }

    private static Optional<String> check(Path zip, ModulePath module, String version, ZipLimits limits) {
        try {
            if (!ModuleVersion.canonical(version).equals(version)) {
                return Optional.of("version \"" + version + "\" is not canonical");
            }
            ModuleVersion.check(module, version);
        } catch (InvalidModuleException e) {
            return Optional.of(e.getMessage());
        }
        try {
            long size = Files.size(zip);
            if (size > limits.maxZipFile()) {
                return Optional.of("module zip file is too large (" + size + " bytes; limit is " + limits.maxZipFile()
                        + " bytes)");
            }
            try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
                List<? extends ZipEntry> entries = Collections.list(file.entries());
                Optional<String> names = ZipNameCheck.problem(entries, module.value() + "@" + version + "/", limits);
                return names.isPresent() ? names : InflatedSizeCheck.problem(file, entries, limits.maxZipFile());
            }
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            // The message of a file-system error may name the temp or blob file: never pass that on.
            return Optional.of("not a valid zip file: "
                    + message.replace(zip.toString(), "module zip")
                            .lines()
                            .findFirst()
                            .orElse(""));
        }
    }
}
