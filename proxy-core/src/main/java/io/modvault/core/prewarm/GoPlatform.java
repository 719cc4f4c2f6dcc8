package io.modvault.core.prewarm;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Go target platform, {@code GOOS/GOARCH}, as the go command names the toolchain it downloads
 * for itself: {@code runtime.GOOS} and {@code runtime.GOARCH}, so 32-bit ARM is {@code linux/arm}
 * (the {@code armv6l} of go.dev's archive names never appears in a module version). Only the
 * ports of Go 1.21 and later are accepted, so a typo such as {@code linux/x86_64} is refused
 * rather than fetched as a toolchain that cannot exist.
 */
public record GoPlatform(String goos, String goarch) {
    /** {@code go tool dist list} of go1.26, with windows/arm and openbsd/mips64 of the earlier releases. */
    private static final Set<String> PORTS = Set.of(
            "aix/ppc64",
            "android/386",
            "android/amd64",
            "android/arm",
            "android/arm64",
            "darwin/amd64",
            "darwin/arm64",
            "dragonfly/amd64",
            "freebsd/386",
            "freebsd/amd64",
            "freebsd/arm",
            "freebsd/arm64",
            "freebsd/riscv64",
            "illumos/amd64",
            "ios/amd64",
            "ios/arm64",
            "js/wasm",
            "linux/386",
            "linux/amd64",
            "linux/arm",
            "linux/arm64",
            "linux/loong64",
            "linux/mips",
            "linux/mips64",
            "linux/mips64le",
            "linux/mipsle",
            "linux/ppc64",
            "linux/ppc64le",
            "linux/riscv64",
            "linux/s390x",
            "netbsd/386",
            "netbsd/amd64",
            "netbsd/arm",
            "netbsd/arm64",
            "openbsd/386",
            "openbsd/amd64",
            "openbsd/arm",
            "openbsd/arm64",
            "openbsd/mips64",
            "openbsd/ppc64",
            "openbsd/riscv64",
            "plan9/386",
            "plan9/amd64",
            "plan9/arm",
            "solaris/amd64",
            "wasip1/wasm",
            "windows/386",
            "windows/amd64",
            "windows/arm",
            "windows/arm64");

    public GoPlatform {
        Objects.requireNonNull(goos, "goos");
        Objects.requireNonNull(goarch, "goarch");
    }

    /** {@code GOOS/GOARCH} as given to {@code --platform}; anything but a known port is an {@link InputException}. */
    public static GoPlatform parse(String platform) {
        int slash = platform.indexOf('/');
        if (slash < 0) {
            throw new InputException("--platform " + platform + ": not GOOS/GOARCH (e.g. linux/amd64)");
        }
        if (!PORTS.contains(platform)) {
            throw new InputException("--platform " + platform + ": not a Go port (see go tool dist list;"
                    + " e.g. linux/amd64, darwin/arm64, windows/amd64)");
        }
        return new GoPlatform(platform.substring(0, slash), platform.substring(slash + 1));
    }

    /** The platform of a JVM's {@code os.name} and {@code os.arch}, when it is a Go port. */
    public static Optional<GoPlatform> ofJava(String osName, String osArch) {
        Optional<String> goos = goos(osName.toLowerCase(Locale.ROOT));
        Optional<String> goarch = goarch(osArch.toLowerCase(Locale.ROOT));
        return goos.flatMap(os -> goarch.map(arch -> new GoPlatform(os, arch)))
                .filter(platform -> PORTS.contains(platform.toString()));
    }

    /** The middle of a toolchain module version: {@code GOOS-GOARCH}. */
    public String moduleSuffix() {
        return goos + "-" + goarch;
    }

    @Override
    public String toString() {
        return goos + "/" + goarch;
    }

    private static Optional<String> goos(String osName) {
        if (osName.startsWith("mac") || osName.startsWith("darwin")) {
            return Optional.of("darwin");
        }
        if (osName.startsWith("windows")) {
            return Optional.of("windows");
        }
        return Optional.ofNullable(
                switch (osName) {
                    case "linux", "freebsd", "openbsd", "netbsd", "aix" -> osName;
                    case "dragonfly", "dragonflybsd" -> "dragonfly";
                    case "sunos", "solaris" -> "solaris";
                    default -> null;
                });
    }

    private static Optional<String> goarch(String osArch) {
        return Optional.ofNullable(
                switch (osArch) {
                    case "amd64", "x86_64" -> "amd64";
                    case "x86", "i386", "i486", "i586", "i686" -> "386";
                    case "aarch64", "arm64" -> "arm64";
                    case "arm", "arm32" -> "arm";
                    case "ppc64le", "ppc64", "s390x", "riscv64", "mips64", "mips" -> osArch;
                    case "loongarch64" -> "loong64";
                    case "mips64el" -> "mips64le";
                    case "mipsel" -> "mipsle";
                    default -> null;
                });
    }
}
