package io.modvault.server.prewarm;

import io.modvault.core.policy.RoutingPolicy;
import io.modvault.core.prewarm.GoPlatform;
import io.modvault.core.prewarm.GoToolchain;
import io.modvault.core.prewarm.PrewarmItem;
import io.modvault.core.prewarm.ToolchainItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * {@code --toolchain} and {@code --platform} of {@code modvault prewarm}, as a picocli mixin:
 * the {@code golang.org/toolchain} modules {@code GOTOOLCHAIN} switching downloads, by default
 * for the platform this JVM runs on ({@code os.name}/{@code os.arch} mapped to GOOS/GOARCH).
 */
public final class ToolchainOptions {
    @Option(
            names = "--toolchain",
            paramLabel = "goVERSION",
            description = "Also prewarm this Go toolchain (e.g. go1.22.5, go1.23rc1; Go 1.21 and later) for"
                    + " GOTOOLCHAIN switching: the golang.org/toolchain module of each --platform. Repeatable.")
    private List<String> toolchains = new ArrayList<>();

    @Option(
            names = "--platform",
            paramLabel = "GOOS/GOARCH",
            description = "Platform of the --toolchain modules (e.g. linux/amd64, darwin/arm64, windows/amd64;"
                    + " default this machine's). Repeatable.")
    private List<String> platforms = new ArrayList<>();

    /** Whether any toolchain was asked for, so a run without positional inputs still has work. */
    public boolean any() {
        return !toolchains.isEmpty();
    }

    /**
     * {@code items} followed by the toolchain items they do not already name; a malformed name or
     * platform is an {@link io.modvault.core.prewarm.InputException}.
     */
    public List<PrewarmItem> addTo(List<PrewarmItem> items) {
        Set<String> named = items.stream().map(PrewarmItem::name).collect(Collectors.toSet());
        List<PrewarmItem> all = new ArrayList<>(items);
        ToolchainItems.of(toolchains, platforms, ToolchainOptions::machine).stream()
                .filter(item -> !named.contains(item.name()))
                .forEach(all::add);
        return List.copyOf(all);
    }

    /**
     * A one-line warning when this data directory stores toolchains without their checksum-database
     * proof ({@code gosumdb} off, or GONOSUMDB/GOPRIVATE in {@code routing} matching
     * golang.org/toolchain): the go command checks every toolchain zip against the database, even
     * with its own GOSUMDB off, so such a toolchain switches only while the database is reachable.
     */
    public Optional<String> unprovenWarning(String gosumdb, Map<String, String> routing) {
        if (!any()) {
            return Optional.empty();
        }
        if (gosumdb.strip().equals("off")) {
            return Optional.of("warning: GOSUMDB=off, so no checksum-database proof of the toolchains is stored;"
                    + " the go command checks toolchains against the database and switches to them only while it is"
                    + " reachable");
        }
        if (RoutingPolicy.fromSettings(routing).skipsChecksumDatabase(GoToolchain.MODULE.value())) {
            return Optional.of("warning: GONOSUMDB (or GOPRIVATE) matches golang.org/toolchain, so no"
                    + " checksum-database proof of the toolchains is stored; the go command checks toolchains"
                    + " against the database and switches to them only while it is reachable");
        }
        return Optional.empty();
    }

    /** The platform of this JVM, the one the go command on this machine downloads toolchains for. */
    public static Optional<GoPlatform> machine() {
        return GoPlatform.ofJava(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }
}
