package io.modvault.server.prewarm;

import io.modvault.core.prewarm.ArtifactFetcher;
import io.modvault.core.prewarm.PrewarmItem;
import io.modvault.core.prewarm.PrewarmReport;
import io.modvault.core.prewarm.Prewarmer;
import io.modvault.core.prewarm.ReportJson;
import io.modvault.core.prewarm.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run of {@code modvault prewarm} once its inputs and fetcher are settled: the
 * {@link Prewarmer} under {@link InterruptHandling}, progress on standard error, then the summary
 * (on standard output, or standard error when the JSON report goes to standard output) and the
 * {@code --json} report. Answers the exit status: 0 when every item is in the cache, 1 otherwise.
 */
public final class PrewarmRun {
    /** How long an interrupted run may take to print its summary before the store is closed under it. */
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(10);

    private final Io io;
    private final String json;
    private final int jobs;
    private Consumer<PrewarmReport> afterRun = report -> {};

    /**
     * The process around the command, injectable for tests: environment, standard streams, whether
     * standard error is a terminal, how often plain progress lines appear, and the clock.
     */
    public record Io(
            Map<String, String> environment,
            InputStream stdin,
            PrintStream out,
            PrintStream err,
            boolean terminal,
            Duration progressInterval,
            Clock clock) {

        /** Every few seconds: often enough to show a CI log the run is alive, rare enough not to flood it. */
        public static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

        public static Io system() {
            return new Io(
                    System.getenv(),
                    System.in,
                    System.out,
                    System.err,
                    ProgressDisplay.onTerminal(),
                    PROGRESS_INTERVAL,
                    Clock.systemUTC());
        }
    }

    /** {@code json} is the {@code --json} target ({@code -} for standard output), or null. */
    public PrewarmRun(Io io, String json, int jobs) {
        this.io = io;
        this.json = json;
        this.jobs = jobs;
    }

    /** Hands every finished (or interrupted) run's report to {@code hook}, after the summary is printed. */
    public PrewarmRun afterRun(Consumer<PrewarmReport> hook) {
        this.afterRun = hook;
        return this;
    }

    /** Prewarms {@code items} through {@code fetcher}; an interrupt closes {@code resource} after the summary. */
    public int execute(ArtifactFetcher fetcher, List<PrewarmItem> items, AutoCloseable resource) {
        Prewarmer prewarmer = new Prewarmer(fetcher, RetryPolicy.standard(), jobs, io.clock());
        try (InterruptHandling interrupt = InterruptHandling.install(prewarmer::cancel, INTERRUPT_GRACE, resource)) {
            PrewarmReport report;
            try (ProgressDisplay display =
                    ProgressDisplay.open(io.terminal(), io.err(), io.progressInterval(), io.clock())) {
                report = prewarmer.run(items, display);
            }
            PrintStream summary = "-".equals(json) ? io.err() : io.out();
            report.summaryLines().forEach(summary::println);
            summary.flush();
            afterRun.accept(report);
            if (json != null && !writeJson(report)) {
                return 1;
            }
            return report.succeeded() ? 0 : 1;
        }
    }

    private boolean writeJson(PrewarmReport report) {
        try {
            if (json.equals("-")) {
                ReportJson.write(report, io.out());
            } else {
                try (OutputStream file = Files.newOutputStream(Path.of(json))) {
                    ReportJson.write(report, file);
                }
            }
            return true;
        } catch (IOException e) {
            io.err().println("modvault prewarm: cannot write the report to " + json + ": " + e);
            return false;
        }
    }
}
