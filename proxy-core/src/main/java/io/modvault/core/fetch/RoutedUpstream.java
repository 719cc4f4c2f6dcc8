package io.modvault.core.fetch;

import io.modvault.core.module.ModulePath;
import io.modvault.core.policy.Route;
import io.modvault.core.upstream.DownloadedFile;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.upstream.UpstreamResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends each module request to the upstream its route names: the module's repository for
 * GONOPROXY (private) modules, a pattern's own chain, or the main chain. Private module paths
 * therefore never reach the main chain, including the go command's prefix probes
 * ({@code corp.example/a/b/c}, {@code corp.example/a/b}, …), since each prefix is routed by the
 * same patterns. Denied modules never get here: {@link ModuleProxy} refuses them first.
 */
final class RoutedUpstream implements UpstreamClient {
    private final UpstreamClient main;
    private final Routing routing;
    private final Map<String, UpstreamClient> chains = new ConcurrentHashMap<>();

    RoutedUpstream(UpstreamClient main, Routing routing) {
        this.main = main;
        this.routing = routing;
    }

    @Override
    public String name() {
        return main.name();
    }

    @Override
    public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
        return pick(path).fetchBytes(path, maxBytes);
    }

    @Override
    public UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes) {
        return pick(path).fetchFile(path, target, maxBytes);
    }

    private UpstreamClient pick(String path) {
        int end = path.indexOf("/@v/");
        if (end < 0) {
            end = path.endsWith("/@latest") ? path.length() - "/@latest".length() : -1;
        }
        if (end <= 0) {
            return main;
        }
        Route route = routing.policy()
                .route(ModulePath.parseEscaped(path.substring(0, end)).value());
        return switch (route) {
            case Route.Default d -> main;
            case Route.Direct d ->
                routing.direct()
                        .orElseThrow(() -> new IllegalStateException(
                                "a module routed direct, but no direct fetcher is configured"));
            case Route.Chain chain -> chains.computeIfAbsent(chain.goproxy(), routing.chains());
            case Route.Denied denied -> throw new IllegalStateException("denied modules are refused before fetching");
        };
    }
}
