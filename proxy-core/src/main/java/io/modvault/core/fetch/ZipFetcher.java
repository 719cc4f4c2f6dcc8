package io.modvault.core.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.modvault.core.integrity.IntegrityStats;
import io.modvault.core.modcheck.ModuleZipCheck;
import io.modvault.core.modcheck.ZipLimits;
import io.modvault.core.protocol.ProxyRequest;
import io.modvault.core.storage.BlobIntegrity;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.LocalErrors;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zips: streamed from the upstream into a temp file beside the blob store (hashing on the
 * way), checked, verified against the checksum database, then committed as an immutable
 * content-addressed blob whose metadata is its {@code h1:}, in one write with its recorded hash.
 * The temp file is deleted on every other path, so a failed or killed download never leaves
 * anything that could be served. Concurrent cold requests share one download. Before a stored
 * zip is answered its file size is checked against the recorded size: a damaged blob is
 * quarantined and fetched again, or the failure names the damage when the upstream cannot
 * supply it, so a wrong length is never sent.
 */
final class ZipFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(ZipFetcher.class);
    private final ModuleStore store;
    private final UpstreamClient upstream;
    private final FetchSettings settings;
    private final Clock clock;
    private final ModuleVerifier verifier;
    private final IntegrityStats integrity;
    private final SingleFlight<FetchResult> flights = new SingleFlight<>();

    ZipFetcher(
            ModuleStore store,
            UpstreamClient upstream,
            FetchSettings settings,
            Clock clock,
            ModuleVerifier verifier,
            IntegrityStats integrity) {
        this.store = store;
        this.upstream = upstream;
        this.settings = settings;
        this.clock = clock;
        this.verifier = verifier;
        this.integrity = integrity;
    }

    FetchResult fetch(ProxyRequest.Zip request, EntryKey key) {
        Optional<StoredBlob> stored = store.blob(key);
        Optional<String> damage = stored.flatMap(ZipFetcher::sizeProblem);
        if (stored.isPresent() && damage.isEmpty()) {
            return new FetchResult.Blob(stored.get(), CacheOutcome.HIT);
        }
        Optional<FetchResult> negative = NegativeCache.lookup(store, request.upstreamPath(), settings, clock);
        if (negative.isPresent()) {
            return negative.get();
        }
        // Quarantine inside the flight: a request that saw the damage late must not remove the refetched copy.
        FetchResult result = flights.run(
                key.toString(),
                control -> store.blob(key)
                        .filter(blob -> quarantinedIfDamaged(key, blob).isEmpty())
                        .<FetchResult>map(blob -> new FetchResult.Blob(blob, CacheOutcome.HIT))
                        .orElseGet(() -> download(request, key, control)));
        if (damage.isPresent() && result instanceof FetchResult.Failure failure) {
            return new FetchResult.Failure(
                    failure.status(),
                    "stored zip of " + request.module().value() + "@"
                            + request.version() + " was damaged (" + damage.get() + ") and fetching it again failed: "
                            + failure.reason());
        }
        return result;
    }

    private static Optional<String> sizeProblem(StoredBlob blob) {
        try {
            return BlobIntegrity.sizeProblem(blob);
        } catch (IOException e) {
            return Optional.of("blob file cannot be read: " + LocalErrors.describe(e));
        }
    }

    /** Size check before serving; a damaged blob is quarantined here (and so fetched again). */
    private Optional<String> quarantinedIfDamaged(EntryKey key, StoredBlob blob) {
        Optional<String> problem = sizeProblem(blob);
        problem.ifPresent(why -> {
            Optional<Path> moved = store.quarantine(key, blob.sha256Hex());
            integrity.quarantinedOnRequest();
            LOG.warn(
                    "stored zip {} is damaged ({}); quarantined{} and fetching it again",
                    key,
                    why,
                    moved.map(p -> " to " + p).orElse(""));
        });
        return problem;
    }

    private FetchResult download(ProxyRequest.Zip request, EntryKey key, SingleFlight.Control control) {
        String path = request.upstreamPath();
        Path temp = store.newTempFile();
        try {
            UpstreamResult<DownloadedFile> answer = upstream.fetchFile(path, temp, settings.maxZipBytes());
            return switch (answer) {
                case UpstreamResult.Found<DownloadedFile> found -> {
                    Optional<String> problem = ModuleZipCheck.problem(
                            temp,
                            request.module(),
                            request.version(),
                            ZipLimits.GO.withMaxZipFile(settings.maxZipBytes()));
                    if (problem.isPresent()) {
                        yield UpstreamFailures.invalid(path, found.upstream(), problem.get());
                    }
                    Verdict verdict = verifier.verifyZip(request.module(), request.version(), temp);
                    if (verdict instanceof Verdict.Refused refused) {
                        yield new FetchResult.Failure(refused.status(), refused.reason());
                    }
                    Verdict.Accepted accepted = (Verdict.Accepted) verdict;
                    StoredBlob blob = control.commit(() -> {
                        StoredBlob committed = store.commitBlob(
                                key,
                                temp,
                                found.body().sha256Hex(),
                                accepted.hash().getBytes(UTF_8),
                                HashLedger.forZip(request.module(), request.version(), accepted));
                        NegativeCache.forget(store, path);
                        return committed;
                    });
                    yield new FetchResult.Blob(blob, CacheOutcome.MISS);
                }
                case UpstreamResult.NotFound<DownloadedFile> notFound -> {
                    String reason = UpstreamFailures.notFoundReason(path, notFound);
                    NegativeCache.remember(store, notFound, reason, path);
                    yield new FetchResult.NotFound(reason, CacheOutcome.MISS);
                }
                case UpstreamResult.Refused<DownloadedFile> refused -> {
                    FetchResult.Refused passed = UpstreamFailures.refused(path, refused, CacheOutcome.MISS);
                    NegativeCache.remember(store, passed, path);
                    yield passed;
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
