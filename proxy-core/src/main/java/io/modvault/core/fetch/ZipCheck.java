package io.modvault.core.fetch;

import io.modvault.core.module.ModulePath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Structural checks of a downloaded module zip before it is stored, from its central
 * directory only (cheap, no decompression): it opens as a zip, every entry lies under
 * {@code module@version/} as the go command requires, and the declared uncompressed size stays
 * within Go's 500 MiB limit.
 */
final class ZipCheck {
    private ZipCheck() {
    }

    static Optional<String> problem(Path zip, ModulePath module, String version, long maxUncompressed) {
        String prefix = module.value() + "@" + version + "/";
        long total = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(prefix)) {
                    return Optional.of("zip for " + module.value() + "@" + version + " has unexpected file " + entry.getName());
                }
                total += Math.max(0, entry.getSize());
                if (total > maxUncompressed) {
                    return Optional.of("zip for " + module.value() + "@" + version + " unpacks to more than " + maxUncompressed + " bytes");
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("not a valid zip file: " + e.getMessage());
        }
    }
}
