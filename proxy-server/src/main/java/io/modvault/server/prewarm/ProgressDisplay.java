package io.modvault.server.prewarm;

import io.modvault.core.prewarm.PrewarmListener;
import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;

/**
 * A progress display for a run: a live bar on a terminal ({@link TerminalProgress}), a plain line
 * every few seconds otherwise ({@link PlainProgress}). {@link #close()} ends the display before
 * the summary is printed.
 */
public interface ProgressDisplay extends PrewarmListener, AutoCloseable {

    @Override
    void close();

    /** The display for {@code out}: the bar when the process runs on a terminal, else plain lines every {@code interval}. */
    static ProgressDisplay open(boolean terminal, PrintStream out, Duration interval, Clock clock) {
        ProgressCounter counter = new ProgressCounter(clock);
        return terminal ? new TerminalProgress(counter, out) : new PlainProgress(counter, out, interval);
    }

    /**
     * Whether this process runs on an interactive terminal. Up to Java 21 and again from Java 25
     * {@link System#console()} is null when a stream is redirected; Java 22 to 24 return a console
     * anyway and say it with {@code Console.isTerminal()}, a method that building for Java 21 cannot
     * name, hence the reflective call.
     */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = console.getClass().getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
