package io.modvault.core.upstream;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An upstream that answers every request with one fixed outcome and records what it was asked. */
final class ScriptedUpstream implements UpstreamClient {

    private final String name;
    private final Kind kind;
    private final List<String> calls = new ArrayList<>();
    private final List<Path> targets = new ArrayList<>();

    enum Kind {
        FOUND,
        NOT_FOUND,
        REFUSED,
        FAILED
    }

    ScriptedUpstream(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    List<String> calls() {
        return calls;
    }

    List<Path> targets() {
        return targets;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
        calls.add(path);
        return result(name.getBytes(UTF_8));
    }

    @Override
    public UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes) {
        calls.add(path);
        targets.add(target);
        return result(new DownloadedFile(target, 1, "00"));
    }

    private <T> UpstreamResult<T> result(T body) {
        return switch (kind) {
            case FOUND -> new UpstreamResult.Found<>(name, body);
            case NOT_FOUND -> new UpstreamResult.NotFound<>(name, 404, "not found at " + name);
            case REFUSED -> new UpstreamResult.Refused<>(name, 403, "forbidden by " + name);
            case FAILED -> new UpstreamResult.Failed<>(name, "500 Internal Server Error from " + name, false);
        };
    }
}
