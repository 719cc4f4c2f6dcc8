package io.modvault.core.vcs.coderepo;

import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import java.util.Optional;

/** A GOPROXY-layout path: {@code <escaped module>/@v/list}, {@code /@latest}, {@code /@v/<version>.info|.mod|.zip}. */
record DirectPath(Kind kind, ModulePath module, String version, String raw) {
    enum Kind {
        LIST,
        LATEST,
        INFO,
        MOD,
        ZIP
    }

    static Optional<DirectPath> parse(String path) {
        try {
            if (path.endsWith("/@latest")) {
                return Optional.of(new DirectPath(
                        Kind.LATEST,
                        ModulePath.parseEscaped(path.substring(0, path.length() - "/@latest".length())),
                        "",
                        path));
            }
            int at = path.indexOf("/@v/");
            if (at <= 0) {
                return Optional.empty();
            }
            ModulePath module = ModulePath.parseEscaped(path.substring(0, at));
            String file = path.substring(at + "/@v/".length());
            if (file.equals("list")) {
                return Optional.of(new DirectPath(Kind.LIST, module, "", path));
            }
            int dot = file.lastIndexOf('.');
            if (dot <= 0 || file.indexOf('/') >= 0) {
                return Optional.empty();
            }
            String version = ModuleVersion.unescape(file.substring(0, dot));
            Kind kind = switch (file.substring(dot)) {
                case ".info" -> Kind.INFO;
                case ".mod" -> Kind.MOD;
                case ".zip" -> Kind.ZIP;
                default -> null;
            };
            return kind == null ? Optional.empty() : Optional.of(new DirectPath(kind, module, version, path));
        } catch (InvalidModuleException e) {
            return Optional.empty();
        }
    }
}
