package io.modvault.core.prewarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoToolchainTest {
    private static final GoPlatform LINUX_AMD64 = new GoPlatform("linux", "amd64");

    @Test
    void releasesAndPrereleasesNameTheModuleTheGoCommandDownloads() {
        assertThat(GoToolchain.parse("go1.22.5").module(LINUX_AMD64).toString())
                .isEqualTo("golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64");
        assertThat(GoToolchain.parse("go1.23rc1").moduleVersion(new GoPlatform("darwin", "arm64")))
                .isEqualTo("v0.0.1-go1.23rc1.darwin-arm64");
        assertThat(GoToolchain.parse("go1.21.0").moduleVersion(new GoPlatform("linux", "arm")))
                .as("32-bit ARM is GOARCH arm in module versions, never armv6l")
                .isEqualTo("v0.0.1-go1.21.0.linux-arm");
        assertThat(GoToolchain.parse("go1.22.5-corp").moduleVersion(LINUX_AMD64))
                .isEqualTo("v0.0.1-go1.22.5-corp.linux-amd64");
        assertThat(GoToolchain.parse("go1.99.0").name()).isEqualTo("go1.99.0");
        assertThat(GoToolchain.parse("go1.21rc2").name())
                .as("Go 1.21's prereleases precede go1.21.0 but switch like releases")
                .isEqualTo("go1.21rc2");
    }

    @Test
    void namesTheGoCommandCannotDownloadAreRefusedWithTheirReason() {
        assertRefused("1.22.5", "not a Go toolchain name");
        assertRefused("gccgo", "not a Go toolchain name");
        assertRefused("go1.22/../x", "not a Go toolchain name");
        assertRefused("go1.022.0", "not a Go version");
        assertRefused("go1.22.5rc1", "not a Go version");
        assertRefused("go1.22.x", "not a Go version");
        assertRefused("goX", "not a Go version");
        assertRefused("go1.20.5", "exist only from Go 1.21 on");
        assertRefused("go1.20", "exist only from Go 1.21 on");
        assertRefused("go1", "exist only from Go 1.21 on");
        assertRefused("go1.22", "a language version, not a toolchain; give a release such as go1.22.0");
        assertRefused("go1.22.0-a_b", "its suffix cannot be part of a module version");
    }

    private static void assertRefused(String name, String reason) {
        assertThatThrownBy(() -> GoToolchain.parse(name))
                .as(name)
                .isInstanceOf(InputException.class)
                .hasMessage("--toolchain " + name + ": " + messageEnd(reason));
    }

    private static String messageEnd(String reason) {
        return switch (reason) {
            case "not a Go toolchain name" -> "not a Go toolchain name (goVERSION, e.g. go1.22.5 or go1.23rc1)";
            case "not a Go version" -> "not a Go version (goVERSION, e.g. go1.22.5 or go1.23rc1)";
            case "exist only from Go 1.21 on" -> "golang.org/toolchain modules exist only from Go 1.21 on";
            default -> reason;
        };
    }
}
