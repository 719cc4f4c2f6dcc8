package io.modvault.core.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.modvault.core.modcheck.ModuleZipCheck;
import io.modvault.core.modcheck.ZipLimits;
import io.modvault.core.protocol.ProxyRequest;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoredBlob;
import io.modvault.core.upstream.DownloadedFile;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.upstream.UpstreamResult;
import io.modvault.core.verify.HashLedger;
import io.modvault.core.verify.ModuleVerifier;
import io.modvault.core.verify.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Zips: streamed from the upstream into a temp file beside the blob store (hashing on the
 * way), checked, verified against the checksum database, then committed as an immutable
 * content-addressed blob whose metadata is its {@code h1:}. The temp file is
 * deleted on every other path, so a failed or killed download never leaves anything that
 * could be served. Concurrent cold requests share one download.
 */
final class ZipFetcher {
    private final ModuleStore store;
    private final UpstreamClient upstream;
    private final FetchSettings settings;
    private final Clock clock;
    private final ModuleVerifier verifier;
    private final HashLedger ledger;
    private final SingleFlight<FetchResult> flights = new SingleFlight<>();

    ZipFetcher(ModuleStore store, UpstreamClient upstream, FetchSettings settings, Clock clock,
               ModuleVerifier verifier, HashLedger ledger) {
        this.store = store;
        this.upstream = upstream;
        this.settings = settings;
        this.clock = clock;
        this.verifier = verifier;
        this.ledger = ledger;
    }

    FetchResult fetch(ProxyRequest.Zip request, EntryKey key) {
        Optional<StoredBlob> stored = store.blob(key);
        if (stored.isPresent()) {
            return new FetchResult.Blob(stored.get(), CacheOutcome.HIT);
        }
        Optional<FetchResult> negative = NegativeCache.lookup(store, request.upstreamPath(), settings, clock);
        if (negative.isPresent()) {
            return negative.get();
        }
        return flights.run(key.toString(), () -> store.blob(key)
                .<FetchResult>map(blob -> new FetchResult.Blob(blob, CacheOutcome.HIT))
                .orElseGet(() -> download(request, key)));
    }

    private FetchResult download(ProxyRequest.Zip request, EntryKey key) {
        String path = request.upstreamPath();
        Path temp = store.newTempFile();
        try {
            UpstreamResult<DownloadedFile> answer = upstream.fetchFile(path, temp, settings.maxZipBytes());
            return switch (answer) {
                case UpstreamResult.Found<DownloadedFile> found -> {
                    Optional<String> problem = ModuleZipCheck.problem(temp, request.module(), request.version(),
                            ZipLimits.GO.withMaxZipFile(settings.maxZipBytes()));
                    if (problem.isPresent()) {
                        yield UpstreamFailures.invalid(path, found.upstream(), problem.get());
                    }
                    Verdict verdict = verifier.verifyZip(request.module(), request.version(), temp);
                    if (verdict instanceof Verdict.Refused refused) {
                        yield new FetchResult.Failure(refused.status(), refused.reason());
                    }
                    Verdict.Accepted accepted = (Verdict.Accepted) verdict;
                    StoredBlob blob = store.commitBlob(key, temp, found.body().sha256Hex(), accepted.hash().getBytes(UTF_8));
                    ledger.recordZip(request.module(), request.version(), accepted);
                    NegativeCache.forget(store, path);
                    yield new FetchResult.Blob(blob, CacheOutcome.MISS);
                }
                case UpstreamResult.NotFound<DownloadedFile> notFound -> {
                    String reason = UpstreamFailures.notFoundReason(path, notFound);
                    NegativeCache.remember(store, notFound, reason, path);
                    yield new FetchResult.NotFound(reason, CacheOutcome.MISS);
                }
                case UpstreamResult.Failed<DownloadedFile> failed -> UpstreamFailures.failure(path, failed);
            };
        } finally {
            deleteTemp(temp);
        }
    }

    private static void deleteTemp(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("deleting temp file " + temp, e);
        }
    }
}
