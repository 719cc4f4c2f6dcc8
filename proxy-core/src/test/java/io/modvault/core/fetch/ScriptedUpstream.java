package io.modvault.core.fetch;

import io.modvault.core.upstream.DownloadedFile;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.upstream.UpstreamResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** An in-process upstream for algorithm tests: answers scripted per path and counts requests. */
final class ScriptedUpstream implements UpstreamClient {
    static final String NAME = "https://scripted.example";
    private final Map<String, Supplier<UpstreamResult<byte[]>>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void answer(String path, byte[] body) {
        answers.put(path, () -> new UpstreamResult.Found<>(NAME, body));
    }

    void answer(String path, Supplier<UpstreamResult<byte[]>> answer) {
        answers.put(path, answer);
    }

    void fail(String path, String reason, boolean timedOut) {
        answers.put(path, () -> new UpstreamResult.Failed<>(NAME, reason, timedOut));
    }

    void refuse(String path, int status, String reason) {
        answers.put(path, () -> new UpstreamResult.Refused<>(NAME, status, reason));
    }

    int requests(String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }

    int totalRequests() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
        counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Supplier<UpstreamResult<byte[]>> answer = answers.get(path);
        return answer == null ? new UpstreamResult.NotFound<>(NAME, 404, "not found: " + path) : answer.get();
    }

    @Override
    public UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes) {
        UpstreamResult<byte[]> bytes = fetchBytes(path, maxBytes);
        if (!(bytes instanceof UpstreamResult.Found<byte[]> found)) {
            return bytes.withoutBody();
        }
        try {
            Files.write(target, found.body());
            String sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(found.body()));
            return new UpstreamResult.Found<>(NAME, new DownloadedFile(target, found.body().length, sha));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
