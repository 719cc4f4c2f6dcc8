package io.modvault.core.testing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one {@link GoCommand} run: the command line, exit code, captured output, and
 * whether the timeout killed it. {@link #requireSuccess()} turns a failure into an
 * {@link AssertionError} that carries everything needed to debug it.
 */
public record GoResult(
        List<String> command, int exitCode, String stdout, String stderr, boolean timedOut, Duration elapsed) {

    public GoResult {
        command = List.copyOf(command);
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    /** Returns this result, or throws an {@link AssertionError} describing the failed run. */
    public GoResult requireSuccess() {
        if (!succeeded()) {
            throw new AssertionError(describe());
        }
        return this;
    }

    /** A multi-line description: command, exit status, stdout and stderr. */
    public String describe() {
        return String.join(" ", command) + "\n"
                + (timedOut ? "killed after timeout (" + elapsed + ")" : "exit code " + exitCode) + "\n"
                + "--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
}
