package io.modvault.core.upstream;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Pulls a response body chunk by chunk with a read-idle deadline. The JDK client's request
 * timeout stops once headers arrive, so without this a server that stalls mid-body would hang
 * the reading thread forever. One chunk is requested at a time, which keeps memory bounded.
 */
final class BodyQueue implements Flow.Subscriber<List<ByteBuffer>> {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private boolean finished;

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription.complete(s);
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable error) {
        queue.add(error);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    /**
     * The next chunks, or empty at the end of the body.
     *
     * @throws HttpTimeoutException when nothing arrived for {@code idle}
     * @throws IOException when the connection failed (including a body cut short)
     */
    @SuppressWarnings("unchecked")
    Optional<List<ByteBuffer>> next(Duration idle) throws IOException, InterruptedException {
        if (finished) {
            return Optional.empty();
        }
        Object item = queue.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
        if (item == null) {
            throw new HttpTimeoutException("no data for " + idle.toMillis() + " ms");
        }
        if (item == END) {
            finished = true;
            return Optional.empty();
        }
        if (item instanceof Throwable error) {
            finished = true;
            throw error instanceof IOException io ? io : new IOException(error);
        }
        subscription.join().request(1);
        return Optional.of((List<ByteBuffer>) item);
    }

    /** Stops the body early (size limit, error, timeout) so the connection is not left reading. */
    void cancel() {
        if (!finished) {
            finished = true;
            subscription.thenAccept(Flow.Subscription::cancel);
        }
    }
}
