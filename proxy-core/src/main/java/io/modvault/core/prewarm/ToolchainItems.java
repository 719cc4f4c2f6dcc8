package io.modvault.core.prewarm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The items of {@code --toolchain} and {@code --platform}: every named toolchain for every named
 * platform, or for this machine's platform when none is named. {@code GOTOOLCHAIN=go1.X.Y} makes
 * the go command fetch only the toolchain's zip (no {@code .info}, {@code .mod} or {@code @v/list})
 * and check it against the checksum database; each item also takes the tiny {@code .info} and
 * {@code .mod}, so the stored version is complete for {@code go mod download} and for bundles.
 * Fetching the zip through the proxy verifies it, which caches the lookup and tiles the go
 * command then asks for.
 */
public final class ToolchainItems {
    private ToolchainItems() {}

    /**
     * The items, toolchains in the order given, each for every platform; duplicates once.
     * {@code machine} is asked only when {@code platforms} is empty; usage errors are {@link InputException}s.
     */
    public static List<PrewarmItem> of(
            List<String> toolchains, List<String> platforms, Supplier<Optional<GoPlatform>> machine) {
        if (toolchains.isEmpty()) {
            if (!platforms.isEmpty()) {
                throw new InputException(
                        "--platform names the platforms of --toolchain; give --toolchain goVERSION too");
            }
            return List.of();
        }
        List<GoToolchain> named =
                toolchains.stream().map(GoToolchain::parse).distinct().toList();
        List<GoPlatform> targets = platforms.isEmpty()
                ? List.of(machine.get()
                        .orElseThrow(() -> new InputException("cannot tell this machine's Go platform;"
                                + " give --platform GOOS/GOARCH (e.g. linux/amd64)")))
                : List.copyOf(new LinkedHashSet<>(
                        platforms.stream().map(GoPlatform::parse).toList()));
        List<PrewarmItem> items = new ArrayList<>();
        for (GoToolchain toolchain : named) {
            for (GoPlatform platform : targets) {
                items.add(PrewarmItem.Version.complete(
                        toolchain.module(platform), "--toolchain " + toolchain.name() + " (" + platform + ")"));
            }
        }
        return List.copyOf(items);
    }
}
