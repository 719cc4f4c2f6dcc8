package io.modvault.core.fetch;

import io.modvault.core.upstream.DownloadedFile;
import io.modvault.core.upstream.UpstreamClient;
import io.modvault.core.upstream.UpstreamResult;
import io.modvault.core.verify.ChecksumDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Where checksum-database requests go, decided like the go command decides it: an explicit URL
 * from GOSUMDB; else the upstream proxy chain if it answers 200 to
 * {@code sumdb/<name>/supported}; else the database itself at {@code https://<name>}. Paths
 * passed in are {@code sumdb/<name>/<rest>}. An upstream failure during the probe is not
 * remembered, so the next request probes again.
 */
final class SumdbEndpoint implements UpstreamClient {
    private final ChecksumDatabase database;
    private final UpstreamClient upstream;
    private final Function<URI, UpstreamClient> direct;
    private final String prefix;
    private volatile UpstreamClient resolved;
    private volatile boolean viaUpstream;
    /** Not synchronized: the probe is a network call and must not pin a virtual thread's carrier. */
    private final ReentrantLock probeLock = new ReentrantLock();

    SumdbEndpoint(ChecksumDatabase database, UpstreamClient upstream, Function<URI, UpstreamClient> direct) {
        this.database = database;
        this.upstream = upstream;
        this.direct = direct;
        this.prefix = "sumdb/" + database.name() + "/";
        database.url().ifPresent(url -> resolved = direct.apply(url));
    }

    @Override
    public String name() {
        UpstreamClient target = resolved;
        return target == null ? "checksum database " + database.name() : target.name();
    }

    @Override
    public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
        UpstreamClient target = resolve();
        if (target == null) {
            return new UpstreamResult.Failed<>(upstream.name(), "probing " + prefix + "supported failed", false);
        }
        return target.fetchBytes(relative(path), maxBytes);
    }

    @Override
    public UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes) {
        UpstreamClient resolvedTarget = resolve();
        if (resolvedTarget == null) {
            return new UpstreamResult.Failed<>(upstream.name(), "probing " + prefix + "supported failed", false);
        }
        return resolvedTarget.fetchFile(relative(path), target, maxBytes);
    }

    private String relative(String path) {
        if (!path.startsWith(prefix)) {
            throw new IllegalArgumentException("not a path of checksum database " + database.name() + ": " + path);
        }
        return viaUpstream ? path : path.substring(prefix.length());
    }

    private UpstreamClient resolve() {
        UpstreamClient target = resolved;
        if (target != null) {
            return target;
        }
        probeLock.lock();
        try {
            if (resolved == null) {
                UpstreamResult<byte[]> probe = upstream.fetchBytes(prefix + "supported", 64 * 1024);
                if (probe instanceof UpstreamResult.Found<byte[]>) {
                    viaUpstream = true;
                    resolved = upstream;
                } else if (probe instanceof UpstreamResult.NotFound<byte[]>) {
                    resolved = direct.apply(URI.create("https://" + database.name()));
                }
            }
            return resolved;
        } finally {
            probeLock.unlock();
        }
    }
}
