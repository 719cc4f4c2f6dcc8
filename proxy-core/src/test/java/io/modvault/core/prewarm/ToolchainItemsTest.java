package io.modvault.core.prewarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolchainItemsTest {
    private static final Optional<GoPlatform> LINUX = Optional.of(new GoPlatform("linux", "amd64"));

    @Test
    void eachToolchainForEachPlatformWithAllThreeArtifacts() {
        List<PrewarmItem> items = ToolchainItems.of(
                List.of("go1.22.5", "go1.23rc1", "go1.22.5"),
                List.of("linux/amd64", "darwin/arm64", "linux/amd64"),
                () -> {
                    throw new AssertionError("the machine is not asked when platforms are given");
                });
        assertThat(items)
                .extracting(PrewarmItem::name)
                .containsExactly(
                        "golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64",
                        "golang.org/toolchain@v0.0.1-go1.22.5.darwin-arm64",
                        "golang.org/toolchain@v0.0.1-go1.23rc1.linux-amd64",
                        "golang.org/toolchain@v0.0.1-go1.23rc1.darwin-arm64");
        PrewarmItem.Version first = (PrewarmItem.Version) items.get(0);
        assertThat(first.artifacts()).isEqualTo(EnumSet.allOf(Artifact.class));
        assertThat(first.origin()).isEqualTo("--toolchain go1.22.5 (linux/amd64)");
    }

    @Test
    void theMachinesPlatformByDefault() {
        assertThat(ToolchainItems.of(List.of("go1.99.0"), List.of(), () -> LINUX))
                .extracting(PrewarmItem::name)
                .containsExactly("golang.org/toolchain@v0.0.1-go1.99.0.linux-amd64");
        assertThatThrownBy(() -> ToolchainItems.of(List.of("go1.99.0"), List.of(), Optional::empty))
                .isInstanceOf(InputException.class)
                .hasMessage("cannot tell this machine's Go platform; give --platform GOOS/GOARCH (e.g. linux/amd64)");
    }

    @Test
    void platformWithoutToolchainIsAUsageError() {
        assertThat(ToolchainItems.of(List.of(), List.of(), () -> LINUX)).isEmpty();
        assertThatThrownBy(() -> ToolchainItems.of(List.of(), List.of("linux/amd64"), () -> LINUX))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("give --toolchain goVERSION too");
    }
}
