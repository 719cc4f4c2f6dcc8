package io.modvault.server.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs blocking work inline (or, while {@code hold}, when told) so an embedded channel test stays single-threaded. */
final class DirectExecutorService extends AbstractExecutorService {
    private final Deque<Runnable> held = new ArrayDeque<>();
    boolean hold;

    @Override
    public void execute(Runnable command) {
        if (hold) {
            held.add(command);
        } else {
            command.run();
        }
    }

    void runHeld() {
        for (Runnable next; (next = held.poll()) != null; ) {
            next.run();
        }
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
