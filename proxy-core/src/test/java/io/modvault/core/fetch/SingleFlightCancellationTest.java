package io.modvault.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Shared work is cancelled when, and only when, the last caller waiting for it has left (failure 7). */
class SingleFlightCancellationTest {
    private static final long BOUND_SECONDS = 10;

    private final SingleFlight<String> flights = new SingleFlight<>();
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch workStarted = new CountDownLatch(1);
    private final CountDownLatch workInterrupted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        callers.shutdownNow();
    }

    /** Work that blocks until released, noting an interrupt (as an upstream read would). */
    private String blockingWork() {
        workStarted.countDown();
        try {
            release.await();
            return "done";
        } catch (InterruptedException e) {
            workInterrupted.countDown();
            throw new CancellationException("interrupted");
        }
    }

    private Future<String> caller() {
        return callers.submit(() -> flights.run("k", this::blockingWork));
    }

    private void awaitWaiters(int n) throws InterruptedException {
        for (int i = 0; i < 1000 && flights.waiters("k") != n; i++) {
            Thread.sleep(10);
        }
        assertThat(flights.waiters("k")).isEqualTo(n);
    }

    @Test
    void workGoesOnWhileAnyCallerStillWaits() throws Exception {
        Future<String> leaving = caller();
        assertThat(workStarted.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        Future<String> staying = caller();
        awaitWaiters(2);

        leaving.cancel(true);
        awaitWaiters(1);
        release.countDown();

        assertThat(staying.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(workInterrupted.getCount()).isEqualTo(1);
    }

    @Test
    void lastCallerLeavingCancelsTheWorkAndGetsCancellationException() throws Exception {
        Future<Throwable> onlyCaller = callers.submit(() -> {
            try {
                flights.run("k", this::blockingWork);
                return null;
            } catch (CancellationException e) {
                return e;
            }
        });
        assertThat(workStarted.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        awaitWaiters(1);

        onlyCaller.cancel(true);

        assertThat(workInterrupted.await(BOUND_SECONDS, TimeUnit.SECONDS))
                .as("work interrupted")
                .isTrue();
        for (int i = 0; i < 1000 && flights.inFlightCount() > 0; i++) {
            Thread.sleep(10);
        }
        assertThat(flights.inFlightCount()).isZero();
    }

    @Test
    void aCallerArrivingAfterACancellationStartsFreshWork() throws Exception {
        Future<String> first = caller();
        assertThat(workStarted.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        awaitWaiters(1);
        first.cancel(true);
        assertThat(workInterrupted.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();

        Future<String> second = callers.submit(() -> flights.run("k", () -> "fresh"));

        assertThat(second.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo("fresh");
    }

    @Test
    void aCommitUnderWayRunsToCompletionAndIsNeverInterrupted() throws Exception {
        CountDownLatch committing = new CountDownLatch(1);
        AtomicBoolean interruptedDuringCommit = new AtomicBoolean();
        AtomicBoolean committed = new AtomicBoolean();
        Future<String> onlyCaller = callers.submit(() -> flights.run(
                "k",
                control -> control.commit(() -> {
                    committing.countDown();
                    long end = System.nanoTime() + Duration.ofMillis(300).toNanos();
                    while (System.nanoTime() < end) {
                        interruptedDuringCommit.compareAndSet(
                                false, Thread.currentThread().isInterrupted());
                        Thread.onSpinWait();
                    }
                    committed.set(true);
                    return "committed";
                })));
        assertThat(committing.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();

        onlyCaller.cancel(true);

        for (int i = 0; i < 1000 && !committed.get(); i++) {
            Thread.sleep(10);
        }
        assertThat(committed).isTrue();
        assertThat(interruptedDuringCommit).isFalse();
    }

    @Test
    void aCommitAfterTheLastCallerLeftIsRefusedWithoutRunning() throws Exception {
        AtomicBoolean committed = new AtomicBoolean();
        AtomicBoolean refused = new AtomicBoolean();
        CountDownLatch workDone = new CountDownLatch(1);
        Future<String> onlyCaller = callers.submit(() -> flights.run("k", control -> {
            workStarted.countDown();
            try {
                release.await(); // e.g. the download, interrupted when the caller leaves
            } catch (InterruptedException e) {
                Thread.interrupted(); // work that swallows the interrupt still cannot commit
            }
            try {
                return control.commit(() -> {
                    committed.set(true);
                    return "committed";
                });
            } catch (CancellationException e) {
                refused.set(true);
                throw e;
            } finally {
                workDone.countDown();
            }
        }));
        assertThat(workStarted.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        awaitWaiters(1);

        onlyCaller.cancel(true);

        assertThat(workDone.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(refused).isTrue();
        assertThat(committed).isFalse();
    }

    @Test
    void failuresStillReachEveryWaiter() {
        Future<String> caller = callers.submit(() -> flights.run("k", () -> {
            throw new IllegalStateException("upstream broke");
        }));

        assertThat(caller)
                .failsWithin(Duration.ofSeconds(BOUND_SECONDS))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(IllegalStateException.class);
    }
}
