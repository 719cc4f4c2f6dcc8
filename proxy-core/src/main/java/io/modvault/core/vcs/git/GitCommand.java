package io.modvault.core.vcs.git;

import io.modvault.core.storage.LocalErrors;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.git.GitResult.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs the system {@code git} binary the way the go command does: non-interactively
 * ({@code GIT_TERMINAL_PROMPT=0}, no askpass program, {@code GCM_INTERACTIVE=never}), with
 * English messages ({@code LC_ALL=C}) so failures can be classified, inside a given git
 * directory, and killed with its children when it outlives the timeout. The rest of the
 * environment is passed through, so proxies, {@code HOME/.netrc}, credential helpers,
 * {@code insteadOf} rewrites and SSH configuration keep working. Extra {@code key=value} config
 * entries (credentials) travel in {@code GIT_CONFIG_COUNT} variables, which unlike {@code -c}
 * arguments do not show in process listings; git tracing variables are removed so headers are
 * never printed.
 */
public final class GitCommand {
    private static final int STDERR_KEEP = 16 * 1024;
    private static final int BUFFER = 64 * 1024;
    private static final Duration STREAM_GRACE = Duration.ofSeconds(5);

    private final String executable;
    private final Duration timeout;
    private final Map<String, String> environment;

    /** @param environment the base environment, usually {@code System.getenv()} */
    public GitCommand(String executable, Duration timeout, Map<String, String> environment) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.environment = Map.copyOf(environment);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** {@code git} from PATH with this process's environment. */
    public static GitCommand system(Duration timeout) {
        return new GitCommand("git", timeout, System.getenv());
    }

    public Duration timeout() {
        return timeout;
    }

    /** Runs {@code git args} in {@code gitDir}, keeping at most {@code maxStdout} bytes of output. */
    public GitResult run(Path gitDir, List<String> extraConfig, List<String> args, long maxStdout) {
        return execute(gitDir, extraConfig, args, null, maxStdout);
    }

    /** Like {@link #run} but streams standard output into {@code stdoutFile} (truncated first). */
    public GitResult runToFile(
            Path gitDir, List<String> extraConfig, List<String> args, Path stdoutFile, long maxStdout) {
        return execute(gitDir, extraConfig, args, Objects.requireNonNull(stdoutFile, "stdoutFile"), maxStdout);
    }

    private GitResult execute(
            Path gitDir, List<String> extraConfig, List<String> args, Path stdoutFile, long maxStdout) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(gitDir.toFile());
        GitEnvironment.apply(builder.environment(), environment, gitDir, extraConfig);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new VcsException(
                    VcsException.Kind.FAILED,
                    "cannot run " + executable + " (is git installed?): " + LocalErrors.describe(e),
                    e);
        }
        try (OutputStream stdout =
                stdoutFile == null ? new ByteArrayOutputStream() : Files.newOutputStream(stdoutFile)) {
            process.getOutputStream().close();
            StderrBuffer stderr = new StderrBuffer();
            StreamCopy outCopy = StreamCopy.start(process.getInputStream(), stdout, maxStdout, process);
            StreamCopy errCopy = StreamCopy.start(process.getErrorStream(), stderr, Long.MAX_VALUE, process);
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                kill(process);
            }
            // A helper that outlives git (an ssh control master) may hold the pipes open: wait a
            // little for the copies to end, then close the pipes and stop waiting for them.
            boolean outEnded = outCopy.awaitEnd(STREAM_GRACE);
            boolean errEnded = errCopy.awaitEnd(STREAM_GRACE);
            boolean ended = outEnded && errEnded;
            if (!ended) {
                process.getInputStream().close();
                process.getErrorStream().close();
                ended = outCopy.awaitEnd(STREAM_GRACE);
            }
            Outcome outcome =
                    !finished ? Outcome.TIMED_OUT : outCopy.overflowed() ? Outcome.OUTPUT_LIMIT : Outcome.EXITED;
            if (outcome == Outcome.EXITED && (!ended || outCopy.failure() != null)) {
                // Killing the process closes its streams; only a failure of a process left alone counts.
                throw ended ? outCopy.failure() : new IOException("git's output stayed open after it exited");
            }
            byte[] out = stdout instanceof ByteArrayOutputStream b ? b.toByteArray() : new byte[0];
            return new GitResult(finished ? process.exitValue() : -1, out, stderr.text(), outcome);
        } catch (IOException e) {
            kill(process);
            throw new VcsException(VcsException.Kind.FAILED, "running git: " + LocalErrors.describe(e), e);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new VcsException(VcsException.Kind.FAILED, "interrupted while running git", e);
        }
    }

    /** Kills git and the helpers it started (remote helpers, ssh), listed before git dies so none escapes. */
    static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies one process stream on a virtual thread, killing the process when a limit is passed. */
    private static final class StreamCopy {
        private final Thread thread;
        private volatile boolean overflowed;
        private volatile IOException failure;

        private StreamCopy(InputStream in, OutputStream out, long limit, Process process) {
            this.thread = Thread.ofVirtual().unstarted(() -> copy(in, out, limit, process));
        }

        static StreamCopy start(InputStream in, OutputStream out, long limit, Process process) {
            StreamCopy copy = new StreamCopy(in, out, limit, process);
            copy.thread.start();
            return copy;
        }

        private void copy(InputStream in, OutputStream out, long limit, Process process) {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    total += n;
                    if (total > limit) {
                        overflowed = true;
                        kill(process);
                        return;
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                failure = e;
            }
        }

        boolean awaitEnd(Duration grace) throws InterruptedException {
            return thread.join(grace);
        }

        /** How reading or writing failed, if it did (not counting a kill for overflow). */
        IOException failure() {
            return overflowed ? null : failure;
        }

        boolean overflowed() {
            return overflowed;
        }
    }

    /** Keeps the start of standard error: enough to classify a failure, bounded whatever git prints. */
    private static final class StderrBuffer extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            if (kept.size() < STDERR_KEEP) {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            kept.write(b, off, Math.min(len, STDERR_KEEP - kept.size()));
        }

        String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public String toString() {
        return "GitCommand[" + executable + ", timeout=" + timeout + "]";
    }
}
