package io.modvault.core.integrity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link BlobScrubber} pass every interval on its own daemon thread, the first one interval
 * after start (so a restart does not begin with a burst of reads). {@link #close()} interrupts the
 * thread, which stops a pass between two reads, and waits for it: the owner closes this before
 * the store.
 */
public final class ScrubSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScrubSchedule.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);
    private final Thread thread;

    private ScrubSchedule(Thread thread) {
        this.thread = thread;
    }

    public static ScrubSchedule start(Duration interval, BlobScrubber scrubber, Clock clock) {
        Thread thread = Thread.ofPlatform()
                .name("modvault-scrub")
                .daemon(true)
                .unstarted(() -> loop(interval, scrubber, clock));
        thread.start();
        LOG.info("background scrub of stored zips every {}", interval);
        return new ScrubSchedule(thread);
    }

    private static void loop(Duration interval, BlobScrubber scrubber, Clock clock) {
        try {
            while (true) {
                Thread.sleep(interval);
                Instant started = clock.instant();
                int findings = scrubber.runPassLogged();
                LOG.info(
                        "scrub pass finished in {} s: {} damaged blob(s)",
                        Duration.between(started, clock.instant()).toSeconds(),
                        findings);
            }
        } catch (InterruptedException e) {
            LOG.debug("scrub stopped");
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            if (!thread.join(JOIN_TIMEOUT)) {
                LOG.warn("scrub thread did not stop within {}", JOIN_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
