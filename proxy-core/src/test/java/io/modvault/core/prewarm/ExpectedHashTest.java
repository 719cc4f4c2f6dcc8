package io.modvault.core.prewarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import io.modvault.core.protocol.ProxyRequest;
import io.modvault.sumdb.dirhash.DirHash;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The go.sum {@code h1:} of an item against the hash of what was fetched. */
class ExpectedHashTest {
    private static final ModuleCoordinate A = new ModuleCoordinate(ModulePath.of("example.test/a"), "v1.0.0");
    private static final String ZIP_H1 = "h1:zipzipzipzipzipzipzipzipzipzipzipzipzipzipz=";
    private static final byte[] GO_MOD = "module example.test/a\n".getBytes(StandardCharsets.UTF_8);

    /** Serves everything; hashes a .mod by the interface's default, a zip as {@code ZIP_H1}. */
    private static class HashingFetcher implements ArtifactFetcher {
        @Override
        public FetchOutcome fetch(ProxyRequest request) {
            return new FetchOutcome.Delivered(1, false, request instanceof ProxyRequest.Mod ? GO_MOD : new byte[0]);
        }

        @Override
        public FetchOutcome fetchHashed(ProxyRequest request) {
            FetchOutcome outcome = ArtifactFetcher.super.fetchHashed(request);
            return request instanceof ProxyRequest.Zip ? ((FetchOutcome.Delivered) outcome).withH1(ZIP_H1) : outcome;
        }
    }

    private static ItemResult run(ArtifactFetcher fetcher, Map<Artifact, String> expected) {
        PrewarmItem item = new PrewarmItem.Version(A, EnumSet.allOf(Artifact.class), "proj/go.sum", expected);
        return new Prewarmer(fetcher, RetryPolicy.standard(), 1, Clock.systemUTC())
                .run(List.of(item), PrewarmListener.NONE)
                .items()
                .get(0);
    }

    @Test
    void matchingHashesFetchTheItem() {
        String modH1 = DirHash.hashGoMod(GO_MOD);
        assertThat(run(new HashingFetcher(), Map.of(Artifact.MOD, modH1, Artifact.ZIP, ZIP_H1))
                        .status())
                .isEqualTo(ItemResult.Status.FETCHED);
    }

    @Test
    void aMismatchFailsTheItemNamingBothHashes() {
        String wrong = "h1:wrongwrongwrongwrongwrongwrongwrongwrongwro=";
        ItemResult result = run(new HashingFetcher(), Map.of(Artifact.ZIP, wrong));
        assertThat(result.status()).isEqualTo(ItemResult.Status.FAILED);
        assertThat(result.reason())
                .contains("h1 mismatch for example.test/a@v1.0.0 zip: go.sum has " + wrong + ", fetched " + ZIP_H1);
        assertThat(result.bytes()).as("the artifacts did arrive").isEqualTo(3);
    }

    @Test
    void aModMismatchIsFoundByTheDefaultGoModHash() {
        ItemResult result = run(new HashingFetcher(), Map.of(Artifact.MOD, ZIP_H1));
        assertThat(result.reason().orElseThrow()).startsWith("h1 mismatch for example.test/a@v1.0.0 mod: go.sum has ");
    }

    @Test
    void aFetcherThatCannotHashAZipFailsTheCheckRatherThanPassingIt() {
        ArtifactFetcher plain = request -> new FetchOutcome.Delivered(1, false, new byte[0]);
        ItemResult result = run(plain, Map.of(Artifact.ZIP, ZIP_H1));
        assertThat(result.reason())
                .contains("cannot check the h1 of example.test/a@v1.0.0 zip: no hash of the fetched artifact is known");
    }

    @Test
    void itemsWithoutExpectedHashesAreNotHashed() {
        ArtifactFetcher refusesToHash = new HashingFetcher() {
            @Override
            public FetchOutcome fetchHashed(ProxyRequest request) {
                throw new AssertionError("hashed without a go.sum line");
            }
        };
        assertThat(run(refusesToHash, Map.of()).status()).isEqualTo(ItemResult.Status.FETCHED);
    }
}
