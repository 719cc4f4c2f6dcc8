package io.modvault.server.prewarm;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a run: a JVM shutdown hook, installed for the length of the
 * run, cancels it, gives the command up to {@code grace} to print what was done, then closes the
 * open resource (the {@code Modvault}, so the store is closed cleanly). Nothing partial is left:
 * interrupted fetches never reach the store's atomic commit. Closing this removes the hook.
 */
public final class InterruptHandling implements AutoCloseable {
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;

    private InterruptHandling(Runnable cancel, Duration grace, AutoCloseable resource) {
        this.hook = new Thread(
                () -> {
                    cancel.run();
                    try {
                        reported.await(grace.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    try {
                        resource.close();
                    } catch (Exception e) {
                        System.err.println("modvault prewarm: closing after interrupt: " + e);
                    }
                },
                "modvault-prewarm-interrupt");
    }

    public static InterruptHandling install(Runnable cancel, Duration grace, AutoCloseable resource) {
        InterruptHandling handling = new InterruptHandling(cancel, grace, resource);
        Runtime.getRuntime().addShutdownHook(handling.hook);
        return handling;
    }

    /** The command has printed its summary; an interrupt may now close the resource at once. */
    public void reported() {
        reported.countDown();
    }

    @Override
    public void close() {
        reported();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs (or ran) and closes the resource itself.
        }
    }
}
