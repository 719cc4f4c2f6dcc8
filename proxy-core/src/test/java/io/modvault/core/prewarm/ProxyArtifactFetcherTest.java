package io.modvault.core.prewarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.fetch.FetchSettings;
import io.modvault.core.fetch.ModuleProxy;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.core.testing.GoProxyTree;
import io.modvault.core.testing.TestModules;
import io.modvault.core.upstream.DownloadedFile;
import io.modvault.core.upstream.FileUpstreamClient;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.upstream.UpstreamResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prewarming through the proxy algorithm: what is stored costs no upstream request, a missing version is named. */
class ProxyArtifactFetcherTest {
    @TempDir
    Path temp;

    /** The catalogue as a file:// upstream, counting requests. */
    private static final class CountingUpstream implements UpstreamClient {
        private final UpstreamClient files;
        private final AtomicInteger requests = new AtomicInteger();

        CountingUpstream(URI root) {
            files = new FileUpstreamClient(root);
        }

        @Override
        public String name() {
            return files.name();
        }

        @Override
        public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
            requests.incrementAndGet();
            return files.fetchBytes(path, maxBytes);
        }

        @Override
        public UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes) {
            requests.incrementAndGet();
            return files.fetchFile(path, target, maxBytes);
        }
    }

    @Test
    void secondRunIsServedFromTheStoreWithoutUpstreamRequests() {
        GoProxyTree tree = GoProxyTree.write(temp.resolve("upstream"), TestModules.catalogue());
        CountingUpstream upstream = new CountingUpstream(URI.create(tree.fileUrl()));
        List<PrewarmItem> items = PrewarmInputs.standard(skipped -> {})
                .expand(
                        List.of(
                                "example.test/Upper/Case@v1.0.0",
                                "example.test/multi/v2@latest",
                                "example.test/nomod@v1.9.9"),
                        () -> null);
        try (ModuleStore store = InMemoryModuleStore.open(temp.resolve("data"), Clock.systemUTC())) {
            ModuleProxy proxy = new ModuleProxy(
                    store,
                    upstream,
                    FetchSettings.of(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1)),
                    Clock.systemUTC());
            Prewarmer prewarmer =
                    new Prewarmer(new ProxyArtifactFetcher(proxy, store), RetryPolicy.standard(), 4, Clock.systemUTC());

            PrewarmReport first = prewarmer.run(items, PrewarmListener.NONE);
            assertThat(first.items())
                    .extracting(ItemResult::status)
                    .containsExactly(ItemResult.Status.FETCHED, ItemResult.Status.FETCHED, ItemResult.Status.FAILED);
            assertThat(first.items().get(1).item())
                    .isEqualTo(TestModules.expectedLatest(TestModules.MULTI_V2).coordinate());
            assertThat(first.items().get(2).reason().orElseThrow()).startsWith(".info: ");
            int firstRequests = upstream.requests.get();

            PrewarmReport second = prewarmer.run(items, PrewarmListener.NONE);
            assertThat(second.items())
                    .extracting(ItemResult::status)
                    .containsExactly(ItemResult.Status.PRESENT, ItemResult.Status.PRESENT, ItemResult.Status.FAILED);
            assertThat(second.fetchedBytes()).isZero();
            assertThat(upstream.requests.get())
                    .as("stored artifacts, @latest within its TTL and the remembered 404")
                    .isEqualTo(firstRequests);
        }
    }
}
