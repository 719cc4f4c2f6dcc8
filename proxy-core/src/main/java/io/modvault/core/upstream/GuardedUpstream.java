package io.modvault.core.upstream;

import io.modvault.core.upstream.UpstreamResult.Failed;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An upstream behind its {@link CircuitBreaker}: while the breaker is open, requests fail at
 * once with a {@link Failed} naming the upstream (so a {@code |} chain moves on to its next
 * entry), and each outcome tells the breaker how the upstream is doing.
 */
final class GuardedUpstream implements UpstreamClient {

    private final UpstreamClient delegate;
    private final CircuitBreaker breaker;

    GuardedUpstream(UpstreamClient delegate, CircuitBreaker breaker) {
        this.delegate = delegate;
        this.breaker = breaker;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
        return call(() -> delegate.fetchBytes(path, maxBytes));
    }

    @Override
    public UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes) {
        return call(() -> delegate.fetchFile(path, target, maxBytes));
    }

    private <T> UpstreamResult<T> call(Supplier<UpstreamResult<T>> request) {
        Optional<CircuitBreaker.Permit> permit = breaker.tryAcquire();
        if (permit.isEmpty()) {
            return new Failed<>(name(), breaker.rejection(), breaker.lastFailureTimedOut(), false);
        }
        UpstreamResult<T> result;
        try {
            result = request.get();
        } catch (RuntimeException | Error e) {
            breaker.abandoned(permit.get());
            throw e;
        }
        if (Thread.currentThread().isInterrupted()) {
            breaker.abandoned(permit.get());
        } else if (result instanceof Failed<T> failed && failed.unavailable()) {
            breaker.failed(permit.get(), failed.reason(), failed.timedOut());
        } else {
            breaker.succeeded(permit.get());
        }
        return result;
    }

    @Override
    public String toString() {
        return "GuardedUpstream[" + name() + "]";
    }
}
