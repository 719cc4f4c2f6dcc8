package io.modvault.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The real go command in direct mode against a {@link GitHttpServer}: {@code GOPROXY=direct},
 * {@code GOPRIVATE}, {@code GONOSUMDB} and {@code GOINSECURE} set to {@value GitHttpServer#HOST},
 * {@code HTTP_PROXY}/{@code http_proxy} (for go and git) and {@code HTTPS_PROXY}/{@code https_proxy}
 * (so the https attempt never makes a DNS query) pointing at the server, and git without prompts,
 * system config or user config ({@code GIT_CONFIG_GLOBAL} is an empty file in the scratch
 * directory). {@link #withCredentials} adds a HOME whose {@code .netrc} holds credentials for
 * {@value GitHttpServer#HOST}, which git (curl) sends; the go command itself sends none over
 * plain http. Instances share the scratch directory and thus the module cache.
 */
public final class GoDirect {

    /** What {@code go mod download -json} reports for one module version. */
    public record Download(String path, String version, String sum, String goModSum, String dir, String error) {

        public boolean failed() {
            return !error.isEmpty();
        }

        public Hashes hashes() {
            return new Hashes(sum, goModSum);
        }

        /** The two go.sum lines for this version. */
        public String goSumLines() {
            return path + " " + version + " " + sum + "\n" + path + " " + version + "/go.mod " + goModSum + "\n";
        }
    }

    /** The {@code h1:} hashes of a module version's zip ({@code Sum}) and go.mod ({@code GoModSum}). */
    public record Hashes(String sum, String goModSum) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GoCommand go;
    private final Path scratch;

    private GoDirect(GoCommand go, Path scratch) {
        this.go = go;
        this.scratch = scratch;
    }

    /** A go command whose GOPATH, module cache and files live in {@code scratchDir}, configured for {@code server}. */
    public static GoDirect create(Path scratchDir, GitHttpServer server) {
        Path scratch = scratchDir.toAbsolutePath().normalize();
        return new GoDirect(configure(GoCommand.create(scratch.resolve("go")), server, scratch), scratch);
    }

    /**
     * The direct-mode settings on any go command; writes the empty git config file into
     * {@code configDir}. Useful when the same command also talks to a proxy (e.g. {@code GOPROXY}
     * changed afterwards).
     */
    public static GoCommand configure(GoCommand go, GitHttpServer server, Path configDir) {
        Path gitConfig = configDir.toAbsolutePath().normalize().resolve("gitconfig");
        write(gitConfig, "# modvault tests: no user git configuration\n");
        String proxy = server.proxyUrl();
        return go.withProxy("direct")
                .withPrivate(GitHttpServer.HOST)
                .withNoSumdb(GitHttpServer.HOST)
                .withEnv("GOINSECURE", GitHttpServer.HOST)
                .withEnv("HTTP_PROXY", proxy)
                .withEnv("http_proxy", proxy)
                .withEnv("HTTPS_PROXY", proxy)
                .withEnv("https_proxy", proxy)
                .withEnv("GIT_TERMINAL_PROMPT", "0")
                .withEnv("GIT_CONFIG_NOSYSTEM", "1")
                .withEnv("GIT_CONFIG_GLOBAL", gitConfig.toString());
    }

    /**
     * {@code go} with {@code HOME=home} (created) holding a {@code .netrc} for
     * {@value GitHttpServer#HOST}; the credentials reach the server through git.
     */
    public static GoCommand withNetrc(GoCommand go, Path home, String user, String password) {
        Path dir = home.toAbsolutePath().normalize();
        write(
                dir.resolve(".netrc"),
                "machine " + GitHttpServer.HOST + " login " + user + " password " + password + "\n");
        return go.withEnv("HOME", dir.toString());
    }

    /** A copy whose git sends {@code user}/{@code password} (via a {@code .netrc} in a HOME of its own). */
    public GoDirect withCredentials(String user, String password) {
        Path home = scratch.resolve("home-" + Integer.toHexString(Objects.hash(user, password)));
        return new GoDirect(withNetrc(go, home, user, password), scratch);
    }

    public GoCommand go() {
        return go;
    }

    /** The directory the go command runs in (outside any module). */
    public Path workDir() {
        Path work = scratch.resolve("work");
        try {
            return Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + work, e);
        }
    }

    /** {@code go <args>} in {@link #workDir()}. */
    public GoResult run(String... args) {
        return go.run(workDir(), args);
    }

    /**
     * {@code go mod download -json} of {@code coordinates} ({@code module@query}) in one run; one
     * {@link Download} per coordinate, failed ones with their error (the run's exit code is not
     * checked: a failure is reported per module).
     */
    public List<Download> download(String... coordinates) {
        List<String> args = new ArrayList<>(List.of("mod", "download", "-json"));
        args.addAll(List.of(coordinates));
        GoResult result = run(args.toArray(String[]::new));
        List<Download> downloads = new ArrayList<>();
        try {
            JSON.readerFor(JsonNode.class)
                    .<JsonNode>readValues(result.stdout())
                    .forEachRemaining(n -> downloads.add(new Download(
                            n.path("Path").asText(),
                            n.path("Version").asText(),
                            n.path("Sum").asText(),
                            n.path("GoModSum").asText(),
                            n.path("Dir").asText(),
                            n.path("Error").asText())));
        } catch (IOException e) {
            throw new AssertionError("unreadable go mod download -json output\n" + result.describe(), e);
        }
        if (downloads.size() != coordinates.length) {
            throw new AssertionError("expected " + coordinates.length + " results\n" + result.describe());
        }
        return downloads;
    }

    /** The {@code h1:} hashes the go command computes for {@code module@version}; fails if the download fails. */
    public Hashes h1(String module, String version) {
        Download download = download(module + "@" + version).getFirst();
        if (download.failed()) {
            throw new AssertionError("go mod download " + module + "@" + version + ": " + download.error());
        }
        return download.hashes();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }
}
