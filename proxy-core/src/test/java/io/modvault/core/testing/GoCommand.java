package io.modvault.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the real {@code go} binary as a hermetic client: an environment built from scratch (no
 * inherited proxy, Go or user variables), {@code GOPROXY=off} and {@code GOSUMDB=off} until
 * configured, {@code GOFLAGS=-modcacherw} so temp dirs can be deleted, {@code GOTOOLCHAIN=local},
 * {@code CGO_ENABLED=0}, and GOPATH, GOMODCACHE and HOME inside a scratch directory. The build
 * cache is shared by the whole JVM (see {@link GoBuildCache}). Instances are immutable; the
 * {@code with…} methods return copies that share the scratch directory and thus the module cache.
 * A missing go binary is an error, never a skipped test.
 */
public final class GoCommand {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    private static final AtomicLong RUNS = new AtomicLong();

    private final Path scratch;
    private final Map<String, String> settings;
    private final List<String> extraFlags;
    private final Duration timeout;

    private GoCommand(Path scratch, Map<String, String> settings, List<String> extraFlags, Duration timeout) {
        this.scratch = scratch;
        this.settings = Map.copyOf(settings);
        this.extraFlags = List.copyOf(extraFlags);
        this.timeout = timeout;
    }

    /** A client whose GOPATH, GOMODCACHE and HOME live in {@code scratchDir} (created if needed). */
    public static GoCommand create(Path scratchDir) {
        Path scratch = scratchDir.toAbsolutePath().normalize();
        try {
            for (String dir : List.of("gopath", "gomodcache", "home", "runs")) {
                Files.createDirectories(scratch.resolve(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("creating go scratch directories in " + scratch, e);
        }
        return new GoCommand(scratch, Map.of("GOPROXY", "off", "GOSUMDB", "off"), List.of(), DEFAULT_TIMEOUT);
    }

    /** The go binary: the first {@code go} on PATH, else /usr/local/go/bin/go; fails clearly if neither. */
    public static Path binary() {
        return GoBinary.find();
    }

    /** {@code GOPROXY}, e.g. {@code upstream.baseUrl()} or {@code tree.fileUrl()}. */
    public GoCommand withProxy(String goproxy) {
        return withEnv("GOPROXY", goproxy);
    }

    /** {@code GOSUMDB}; {@code off} by default. */
    public GoCommand withSumdb(String gosumdb) {
        return withEnv("GOSUMDB", gosumdb);
    }

    public GoCommand withNoSumdb(String patterns) {
        return withEnv("GONOSUMDB", patterns);
    }

    public GoCommand withPrivate(String patterns) {
        return withEnv("GOPRIVATE", patterns);
    }

    /** Flags appended to {@code GOFLAGS} after {@code -modcacherw}, e.g. {@code -mod=mod}. */
    public GoCommand withFlags(String... goflags) {
        List<String> flags = new ArrayList<>(extraFlags);
        flags.addAll(List.of(goflags));
        return new GoCommand(scratch, settings, flags, timeout);
    }

    /** Any other variable (e.g. {@code GONOPROXY}, {@code GOINSECURE}); overrides the defaults. */
    public GoCommand withEnv(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(settings);
        copy.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return new GoCommand(scratch, copy, extraFlags, timeout);
    }

    public GoCommand withTimeout(Duration newTimeout) {
        return new GoCommand(scratch, settings, extraFlags, Objects.requireNonNull(newTimeout));
    }

    public Path modCache() {
        return scratch.resolve("gomodcache");
    }

    /** The complete environment the go process gets. */
    public Map<String, String> environment() {
        Path go = binary();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", go.getParent() + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", scratch.resolve("home").toString());
        env.put("GOPATH", scratch.resolve("gopath").toString());
        env.put("GOMODCACHE", modCache().toString());
        env.put("GOCACHE", GoBuildCache.directory().toString());
        env.put("GOENV", "off");
        env.put("GOTOOLCHAIN", "local");
        env.put("CGO_ENABLED", "0");
        env.put("GOFLAGS", String.join(" ", prepend("-modcacherw", extraFlags)));
        env.putAll(settings);
        return env;
    }

    /** Runs {@code go <args>} in {@code workDir}; kills the process tree after the timeout. */
    public GoResult run(Path workDir, String... args) {
        List<String> command = prepend(binary().toString(), List.of(args));
        long run = RUNS.incrementAndGet();
        Path stdout = scratch.resolve("runs").resolve(run + ".out");
        Path stderr = scratch.resolve("runs").resolve(run + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment());
        long started = System.nanoTime();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            int exit = finished ? process.exitValue() : -1;
            return new GoResult(command, exit, readAndDelete(stdout), readAndDelete(stderr), !finished, elapsed);
        } catch (IOException e) {
            throw new UncheckedIOException("running " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String readAndDelete(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.deleteIfExists(file);
        return text;
    }
}
