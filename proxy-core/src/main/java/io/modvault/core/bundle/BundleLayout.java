package io.modvault.core.bundle;

import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import java.util.Optional;

/**
 * Where things sit in a bundle. The tar starts with {@link #MANIFEST} (and {@link #SIGNATURE}
 * when signed), then the checksum-database files under {@code sumdb/<name>/} exactly as their
 * URLs ({@code latest}, {@code lookup/…}, {@code tile/…}), then the modules in the GOPROXY layout
 * ({@code <escaped path>/@v/<escaped version>.info|.mod|.zip}, {@code …/@v/list}); unpacked, the
 * tar is a {@code GOPROXY=file://} directory. Import relies on this order: what proves a module
 * has arrived before the module does.
 */
public final class BundleLayout {
    public static final String MANIFEST = "modvault-manifest.json";
    public static final String SIGNATURE = "modvault-manifest.sig";
    private static final String SUMDB = "sumdb/";
    private static final String VERSIONS = "/@v/";

    private BundleLayout() {}

    public static String sumdb(String database, String rest) {
        return SUMDB + database + "/" + rest;
    }

    /** The database-relative path ({@code lookup/…}) of a {@code sumdb/<database>/…} entry. */
    public static Optional<String> sumdbRest(String database, String path) {
        String prefix = SUMDB + database + "/";
        return path.startsWith(prefix) ? Optional.of(path.substring(prefix.length())) : Optional.empty();
    }

    public static boolean isSumdb(String path) {
        return path.startsWith(SUMDB);
    }

    public static String lookup(ModuleCoordinate coordinate) {
        return "lookup/" + coordinate.path().escaped() + "@" + ModuleVersion.escape(coordinate.version());
    }

    /** {@code suffix} is {@code .info}, {@code .mod} or {@code .zip}. */
    public static String artifact(ModuleCoordinate coordinate, String suffix) {
        return coordinate.path().escaped() + VERSIONS + ModuleVersion.escape(coordinate.version()) + suffix;
    }

    public static String list(ModulePath module) {
        return module.escaped() + VERSIONS + "list";
    }

    /** A module file's place: the module and the file name after {@code /@v/}; empty for any other path. */
    public static Optional<ModuleFile> moduleFile(String path) {
        int at = path.lastIndexOf(VERSIONS);
        if (at <= 0 || path.indexOf('/', at + VERSIONS.length()) >= 0) {
            return Optional.empty();
        }
        try {
            ModulePath module = ModulePath.parseEscaped(path.substring(0, at));
            return Optional.of(new ModuleFile(module, path.substring(at + VERSIONS.length())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code name} is {@code list} or {@code <escaped version>.info|.mod|.zip}. */
    public record ModuleFile(ModulePath module, String name) {
        public Optional<ModuleCoordinate> coordinate() {
            int dot = name.lastIndexOf('.');
            if (dot <= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(ModuleCoordinate.checked(module, ModuleVersion.unescape(name.substring(0, dot))));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        public String suffix() {
            int dot = name.lastIndexOf('.');
            return dot < 0 ? "" : name.substring(dot);
        }
    }
}
