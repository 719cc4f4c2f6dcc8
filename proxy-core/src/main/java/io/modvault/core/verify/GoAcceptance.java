package io.modvault.core.verify;

import io.modvault.core.modcheck.GoModCheck;
import io.modvault.core.modcheck.ModuleZipCheck;
import io.modvault.core.modcheck.ZipLimits;
import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The audit's view of the go command's acceptance rules ({@link ModuleZipCheck},
 * {@link GoModCheck}) for artifacts found under a store key, so that what an older version
 * stored without these checks is reported by {@code modvault verify}.
 */
final class GoAcceptance {
    private GoAcceptance() {}

    static Optional<String> modProblem(String key, byte[] goMod) {
        return decoded(key, (module, version) -> GoModCheck.problem(goMod, module, version));
    }

    static Optional<String> zipProblem(String key, Path zip) {
        return decoded(key, (module, version) -> ModuleZipCheck.problem(zip, module, version, ZipLimits.GO));
    }

    private static Optional<String> decoded(String key, BiFunction<ModulePath, String, Optional<String>> check) {
        int at = key.indexOf('@');
        try {
            if (at <= 0) {
                throw new InvalidModuleException("no @version");
            }
            return check.apply(
                    ModulePath.parseEscaped(key.substring(0, at)), ModuleVersion.unescape(key.substring(at + 1)));
        } catch (InvalidModuleException e) {
            return Optional.of("store key " + key + " does not name a module version: " + e.getMessage());
        }
    }
}
