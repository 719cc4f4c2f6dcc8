package io.modvault.server.prewarm;

import io.modvault.core.prewarm.ItemResult;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The live progress bar on a terminal, drawn by the progressbar library (me.tongfei): items done
 * of total with percentage, elapsed time and ETA, followed by bytes and rate. The library redraws
 * the line in place on its own thread and sizes it to the terminal's width.
 */
final class TerminalProgress implements ProgressDisplay {
    private final ProgressCounter counter;
    private final PrintStream out;
    private volatile ProgressBar bar;

    TerminalProgress(ProgressCounter counter, PrintStream out) {
        this.counter = counter;
        this.out = out;
    }

    @Override
    public void readingGraph(String origin) {
        out.println("prewarm: reading the module graph of " + origin);
    }

    @Override
    public synchronized void started(int items) {
        counter.started(items);
        bar = new ProgressBarBuilder()
                .setTaskName("prewarm")
                .setInitialMax(items)
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .build();
    }

    @Override
    public void delivered(long bytes) {
        counter.delivered(bytes);
        ProgressBar current = bar;
        if (current != null) {
            current.setExtraMessage(counter.bytesAndRate());
        }
    }

    @Override
    public void finished(ItemResult result) {
        counter.finished(result);
        ProgressBar current = bar;
        if (current != null) {
            current.stepTo(counter.done());
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.setExtraMessage(counter.bytesAndRate());
            bar.close();
        }
        out.flush();
    }
}
