package io.modvault.core.modcheck;

import io.modvault.core.gomod.ModuleDirective;
import io.modvault.core.module.ModulePath;
import java.util.Optional;

/**
 * Whether a {@code .mod} is one the go command would accept for {@code module@version}: its
 * {@code module} line must name exactly the requested path (modload's "module declares its path
 * as … but was required as …" check, which has no exception for proxied modules). Versions
 * without a go.mod of their own, {@code +incompatible} ones included, are served a synthesized
 * {@code module <path>} file, which passes. Other syntax errors are left to the go command,
 * since this reads only the module line.
 */
public final class GoModCheck {
    private GoModCheck() {}

    /** The reason {@code goMod} is not a valid go.mod of {@code module@version}, as one line naming both. */
    public static Optional<String> problem(byte[] goMod, ModulePath module, String version) {
        String declared = ModuleDirective.path(goMod);
        String coordinate = module.value() + "@" + version;
        if (declared.isEmpty()) {
            return Optional.of("invalid go.mod for " + coordinate + ": missing module line");
        }
        if (!declared.equals(module.value())) {
            return Optional.of("invalid go.mod for " + coordinate + ": module declares its path as " + oneLine(declared)
                    + " but was requested as " + module.value());
        }
        return Optional.empty();
    }

    private static String oneLine(String text) {
        String quoted = text.length() > 200 ? text.substring(0, 200) + "…" : text;
        return quoted.replaceAll("\\p{Cntrl}", "?");
    }
}
