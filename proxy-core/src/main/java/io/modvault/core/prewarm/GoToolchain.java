package io.modvault.core.prewarm;

import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import java.util.Objects;
import java.util.Optional;

/**
 * A Go toolchain the go command can switch to with {@code GOTOOLCHAIN}: {@code go1.22.5},
 * {@code go1.23rc1}, or a release with a custom suffix ({@code go1.22.5-corp}, served only by a
 * proxy that has one). The go command downloads it as the module
 * {@code golang.org/toolchain@v0.0.1-<name>.<goos>-<goarch>} (cmd/go/internal/toolchain,
 * {@code Exec}), and always checks that zip against the checksum database, whatever GOSUMDB and
 * GONOSUMDB say. Modules exist from Go 1.21 on; a language version such as {@code go1.22} is not
 * a toolchain (the go command reports it so), and is refused here too.
 */
public record GoToolchain(String name) {
    /** The module the go command downloads toolchains from. */
    public static final ModulePath MODULE = ModulePath.of("golang.org/toolchain");

    /** The packaging version every toolchain module version starts with. */
    private static final String PACKAGING = "v0.0.1";

    public GoToolchain {
        Objects.requireNonNull(name, "name");
    }

    /** The toolchain {@code --toolchain name} names; a name the go command would not download is an {@link InputException}. */
    public static GoToolchain parse(String name) {
        String shown = "--toolchain " + name + ": ";
        if (!name.startsWith("go") || name.contains("/") || name.contains("\\")) {
            throw new InputException(shown + "not a Go toolchain name (goVERSION, e.g. go1.22.5 or go1.23rc1)");
        }
        int suffix = name.indexOf('-');
        String number = suffix < 0 ? name.substring(2) : name.substring(2, suffix);
        Optional<GoVersion> version = GoVersion.parse(number);
        if (version.isEmpty()) {
            throw new InputException(shown + "not a Go version (goVERSION, e.g. go1.22.5 or go1.23rc1)");
        }
        if (!version.get().hasToolchainModules()) {
            throw new InputException(shown + "golang.org/toolchain modules exist only from Go 1.21 on");
        }
        if (version.get().isLanguage()) {
            throw new InputException(shown + "a language version, not a toolchain; give a release such as "
                    + name.substring(0, 2 + number.length()) + ".0");
        }
        GoToolchain toolchain = new GoToolchain(name);
        try {
            ModuleCoordinate.checked(MODULE, toolchain.moduleVersion(new GoPlatform("linux", "amd64")));
        } catch (InvalidModuleException e) {
            throw new InputException(shown + "its suffix cannot be part of a module version", e);
        }
        return toolchain;
    }

    /** The module version of this toolchain for {@code platform}: {@code v0.0.1-go1.22.5.linux-amd64}. */
    public String moduleVersion(GoPlatform platform) {
        return PACKAGING + "-" + name + "." + platform.moduleSuffix();
    }

    /** The module version the go command on {@code platform} downloads to switch to this toolchain. */
    public ModuleCoordinate module(GoPlatform platform) {
        return new ModuleCoordinate(MODULE, moduleVersion(platform));
    }
}
