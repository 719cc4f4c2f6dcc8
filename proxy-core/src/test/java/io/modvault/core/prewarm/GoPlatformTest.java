package io.modvault.core.prewarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoPlatformTest {

    @Test
    void javaOsNameAndArchMapToGoosAndGoarch() {
        assertThat(GoPlatform.ofJava("Linux", "amd64")).contains(new GoPlatform("linux", "amd64"));
        assertThat(GoPlatform.ofJava("Linux", "x86_64")).contains(new GoPlatform("linux", "amd64"));
        assertThat(GoPlatform.ofJava("Mac OS X", "aarch64")).contains(new GoPlatform("darwin", "arm64"));
        assertThat(GoPlatform.ofJava("Windows 11", "amd64")).contains(new GoPlatform("windows", "amd64"));
        assertThat(GoPlatform.ofJava("Windows Server 2022", "x86")).contains(new GoPlatform("windows", "386"));
        assertThat(GoPlatform.ofJava("Linux", "arm")).contains(new GoPlatform("linux", "arm"));
        assertThat(GoPlatform.ofJava("Linux", "i686")).contains(new GoPlatform("linux", "386"));
        assertThat(GoPlatform.ofJava("Linux", "ppc64le")).contains(new GoPlatform("linux", "ppc64le"));
        assertThat(GoPlatform.ofJava("Linux", "loongarch64")).contains(new GoPlatform("linux", "loong64"));
        assertThat(GoPlatform.ofJava("Linux", "riscv64")).contains(new GoPlatform("linux", "riscv64"));
        assertThat(GoPlatform.ofJava("FreeBSD", "amd64")).contains(new GoPlatform("freebsd", "amd64"));
        assertThat(GoPlatform.ofJava("SunOS", "amd64")).contains(new GoPlatform("solaris", "amd64"));
    }

    @Test
    void machinesThatAreNoGoPortHaveNoPlatform() {
        assertThat(GoPlatform.ofJava("OS/2", "x86")).isEmpty();
        assertThat(GoPlatform.ofJava("Linux", "sparcv9")).isEmpty();
        assertThat(GoPlatform.ofJava("Mac OS X", "s390x"))
                .as("both known, but not a port together")
                .isEmpty();
        assertThat(GoPlatform.ofJava("", "")).isEqualTo(Optional.empty());
    }

    @Test
    void platformOptionsMustBeGoPorts() {
        assertThat(GoPlatform.parse("darwin/arm64")).isEqualTo(new GoPlatform("darwin", "arm64"));
        assertThat(GoPlatform.parse("windows/amd64").moduleSuffix()).isEqualTo("windows-amd64");
        assertThatThrownBy(() -> GoPlatform.parse("linux-amd64"))
                .isInstanceOf(InputException.class)
                .hasMessage("--platform linux-amd64: not GOOS/GOARCH (e.g. linux/amd64)");
        for (String bad : new String[] {"linux/x86_64", "Linux/amd64", "linux/armv6l", "linux/", "/amd64", "a/b/c"}) {
            assertThatThrownBy(() -> GoPlatform.parse(bad))
                    .as(bad)
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith("--platform " + bad + ": not a Go port");
        }
    }
}
