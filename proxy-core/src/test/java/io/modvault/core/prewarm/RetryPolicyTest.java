package io.modvault.core.prewarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final List<Duration> waits = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(500), waits::add);
    private static final FetchOutcome OK = new FetchOutcome.Delivered(10, false, new byte[0]);

    private FetchOutcome run(FetchOutcome... answers) {
        Deque<FetchOutcome> queue = new ArrayDeque<>(List.of(answers));
        return policy.run(queue::removeFirst);
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedWithDoublingBackoff() {
        assertThat(run(FetchOutcome.Failed.withStatus(503, "busy"), new FetchOutcome.Failed(0, "timed out", true), OK))
                .isEqualTo(OK);
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void retriesAreBoundedAndTheLastFailureIsReported() {
        FetchOutcome last = FetchOutcome.Failed.withStatus(504, "third");
        assertThat(run(
                        FetchOutcome.Failed.withStatus(502, "first"),
                        FetchOutcome.Failed.withStatus(500, "second"),
                        last,
                        OK))
                .isEqualTo(last);
        assertThat(waits).hasSize(2);
    }

    @Test
    void notFoundGoneAndOtherClientErrorsAreNeverRetried() {
        for (int status : new int[] {404, 410, 403, 400}) {
            FetchOutcome refused = FetchOutcome.Failed.withStatus(status, "no");
            assertThat(run(refused, OK)).isEqualTo(refused);
        }
        assertThat(waits).isEmpty();
    }

    @Test
    void anInterruptedWaitEndsTheRetries() {
        FetchOutcome busy = FetchOutcome.Failed.withStatus(503, "busy");
        RetryPolicy interrupted = new RetryPolicy(3, Duration.ofMillis(500), d -> {
            throw new InterruptedException();
        });
        Deque<FetchOutcome> queue = new ArrayDeque<>(List.of(busy, OK));
        assertThat(interrupted.run(queue::removeFirst)).isEqualTo(busy);
        assertThat(Thread.interrupted()).isTrue();
    }
}
