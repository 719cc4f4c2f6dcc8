package io.modvault.core.vcs.coderepo;

import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModulePath;
import io.modvault.core.storage.DiskFull;
import io.modvault.core.storage.LocalErrors;
import io.modvault.core.upstream.DownloadedFile;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.upstream.UpstreamResult;
import io.modvault.core.upstream.UpstreamResult.Failed;
import io.modvault.core.upstream.UpstreamResult.Found;
import io.modvault.core.upstream.UpstreamResult.NotFound;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.discovery.RepoLocation;
import io.modvault.core.vcs.discovery.RepoResolver;
import io.modvault.core.vcs.git.GitAuth;
import io.modvault.core.vcs.git.GitCommand;
import io.modvault.core.vcs.git.GitMirror;
import io.modvault.core.vcs.git.GitMirrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The upstream named {@code direct}: answers GOPROXY-layout paths for any module by finding its
 * repository through the {@link RepoResolver} and reading it through a {@link GitMirror}, the way
 * the go command's {@code GOPROXY=direct} does. The caching and single-flight algorithm calls it
 * like any other upstream. Failures map to results: NOT_FOUND to a 404 {@link NotFound} carrying
 * the reason, AUTH and FAILED to {@link Failed}, TIMEOUT to a timed-out {@link Failed}.
 */
public final class DirectUpstream implements UpstreamClient {
    public static final String NAME = "direct";

    private final RepoResolver resolver;
    private final GitMirrors mirrors;

    public DirectUpstream(RepoResolver resolver, GitMirrors mirrors) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.mirrors = Objects.requireNonNull(mirrors, "mirrors");
    }

    /**
     * The direct upstream as a server configures it: mirrors under {@code mirrorsDir} (e.g.
     * {@code <dataDir>/vcs}), refs refreshed at most once per {@code refsTtl} for lists and
     * {@code latest}, each git command killed after {@code gitTimeout}, credentials per URL.
     */
    public static DirectUpstream create(
            RepoResolver resolver,
            Path mirrorsDir,
            Duration refsTtl,
            Duration gitTimeout,
            Clock clock,
            Function<URI, GitAuth> auth) {
        return new DirectUpstream(
                resolver, new GitMirrors(mirrorsDir, GitCommand.system(gitTimeout), clock, refsTtl, auth));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
        Optional<DirectPath> parsed = DirectPath.parse(path);
        if (parsed.isEmpty()) {
            return new NotFound<>(NAME, 404, "not a module path the direct upstream serves: " + path);
        }
        DirectPath request = parsed.get();
        if (request.kind() == DirectPath.Kind.ZIP) {
            return zipBytes(request, maxBytes);
        }
        UpstreamResult<byte[]> result = answer(() -> {
            ModuleRepo repo = repo(request.module());
            return switch (request.kind()) {
                case LIST -> listBody(repo);
                case LATEST -> repo.latest().toJson();
                case INFO -> repo.stat(request.version()).toJson();
                case MOD -> repo.goMod(request.version());
                case ZIP -> throw new IllegalStateException("zip handled above");
            };
        });
        if (result instanceof Found<byte[]> found && found.body().length > maxBytes) {
            return new Failed<>(NAME, path + " exceeds the limit of " + maxBytes + " bytes", false);
        }
        return result;
    }

    @Override
    public UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes) {
        Objects.requireNonNull(target, "target");
        Optional<DirectPath> parsed = DirectPath.parse(path);
        if (parsed.isEmpty()) {
            return new NotFound<>(NAME, 404, "not a module path the direct upstream serves: " + path);
        }
        DirectPath request = parsed.get();
        if (request.kind() != DirectPath.Kind.ZIP) {
            UpstreamResult<byte[]> bytes = fetchBytes(path, maxBytes);
            if (!(bytes instanceof Found<byte[]> found)) {
                return bytes.withoutBody();
            }
            return new Found<>(NAME, writeFile(found.body(), target));
        }
        UpstreamResult<DownloadedFile> result =
                answer(() -> repo(request.module()).zip(request.version(), target));
        if (result instanceof Found<DownloadedFile> found && found.body().size() > maxBytes) {
            return new Failed<>(NAME, path + " exceeds the limit of " + maxBytes + " bytes", false);
        }
        return result;
    }

    private ModuleRepo repo(ModulePath module) {
        RepoLocation location = resolver.resolve(module.value());
        return new ModuleRepo(module, location, mirrors.forUrl(location.url()));
    }

    private UpstreamResult<byte[]> zipBytes(DirectPath request, long maxBytes) {
        Path temp;
        try {
            temp = Files.createTempFile("modvault-direct-", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException("creating a temporary zip file", e);
        }
        try {
            UpstreamResult<DownloadedFile> file = fetchFile(request.raw(), temp, maxBytes);
            if (!(file instanceof Found<DownloadedFile>)) {
                return file.withoutBody();
            }
            return new Found<>(NAME, Files.readAllBytes(temp));
        } catch (IOException e) {
            return new Failed<>(NAME, "reading the built zip: " + LocalErrors.describe(e), false);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // Temporary file; nothing else refers to it.
            }
        }
    }

    private static byte[] listBody(ModuleRepo repo) {
        StringBuilder body = new StringBuilder();
        for (String v : repo.versions()) {
            body.append(v).append('\n');
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Runs one answer, turning the direct-fetch exceptions into results. */
    private static <T> UpstreamResult<T> answer(Answer<T> work) {
        try {
            return new Found<>(NAME, work.get());
        } catch (VcsException e) {
            if (DiskFull.causedBy(e)) {
                throw e; // a local condition (507), not the repository's answer
            }
            return switch (e.kind()) {
                case NOT_FOUND -> new NotFound<>(NAME, 404, e.getMessage());
                case AUTH, FAILED -> new Failed<>(NAME, e.getMessage(), false);
                case TIMEOUT -> new Failed<>(NAME, e.getMessage(), true);
            };
        } catch (InvalidModuleException e) {
            return new NotFound<>(NAME, 404, e.getMessage());
        }
    }

    private static DownloadedFile writeFile(byte[] body, Path target) {
        try {
            Files.write(target, body);
            return new DownloadedFile(
                    target,
                    body.length,
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write download target " + target, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    @FunctionalInterface
    private interface Answer<T> {
        T get();
    }

    @Override
    public String toString() {
        return "DirectUpstream[" + mirrors + "]";
    }
}
