package io.modvault.core.upstream;

import io.modvault.core.upstream.UpstreamResult.Failed;
import io.modvault.core.upstream.UpstreamResult.Found;
import io.modvault.core.upstream.UpstreamResult.NotFound;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An upstream that is a directory in GOPROXY layout named by a {@code file://} URL, such as a
 * copy of {@code $GOMODCACHE/cache/download}. As in the go command, a missing file is a 404
 * {@link NotFound} and permission denied is a terminal {@link Failed} (go's 403); other errors,
 * such as a path running through a regular file, are terminal too, as in go. Paths resolve
 * strictly inside the root (lexically: symlinks placed in the tree by its owner are followed).
 */
public final class FileUpstreamClient implements UpstreamClient {

    /** Opens a file for reading; a seam so tests can produce errors root cannot provoke. */
    interface Opener {
        SeekableByteChannel open(Path file) throws IOException;
    }

    private static final int COPY_BUFFER = HashingFileWriter.BUFFER_SIZE;

    private final String name;
    private final Path root;
    private final Opener opener;

    /** @throws IllegalArgumentException unless {@code url} is a {@code file://} URL with only a path */
    public FileUpstreamClient(URI url) {
        this(url, file -> Files.newByteChannel(file, StandardOpenOption.READ));
    }

    FileUpstreamClient(URI url, Opener opener) {
        if (!"file".equalsIgnoreCase(url.getScheme())
                || url.getRawAuthority() != null
                || url.getRawQuery() != null
                || url.getRawFragment() != null
                || url.getPath() == null
                || !url.getPath().startsWith("/")) {
            throw new IllegalArgumentException(
                    "invalid file:// proxy URL with non-path elements: " + UpstreamUrls.redact(url));
        }
        this.name = url.toString();
        this.root = Path.of(url.getPath()).toAbsolutePath().normalize();
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
        return fetch(path, maxBytes, BodySink::inMemory);
    }

    /** A target that cannot be written throws {@link java.io.UncheckedIOException}. */
    @Override
    public UpstreamResult<DownloadedFile> fetchFile(String path, Path target, long maxBytes) {
        Objects.requireNonNull(target, "target");
        return fetch(path, maxBytes, () -> HashingFileWriter.open(target));
    }

    /** The file {@code path} names inside the root, or empty if it is unsafe or escapes the root. */
    Optional<Path> resolve(String path) {
        if (UpstreamUrls.checkPath(path).isPresent()) {
            return Optional.empty();
        }
        Path file = root.resolve(path).normalize();
        return file.startsWith(root) && !file.equals(root) ? Optional.of(file) : Optional.empty();
    }

    private <T> UpstreamResult<T> fetch(String path, long maxBytes, Supplier<BodySink<T>> sinks) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        Optional<Path> file = resolve(path);
        if (file.isEmpty()) {
            return new Failed<>(
                    name,
                    "invalid path " + UpstreamUrls.checkPath(path).orElse("\"" + path + "\": outside the proxy root"),
                    false);
        }
        try (SeekableByteChannel in = opener.open(file.get())) {
            if (in.size() > maxBytes) {
                return tooLarge(path, maxBytes);
            }
            return copy(in, path, maxBytes, sinks);
        } catch (NoSuchFileException e) {
            return new NotFound<>(name, 404, "not found: " + path);
        } catch (AccessDeniedException e) {
            return new Failed<>(
                    name,
                    "permission denied reading " + path + " (the go command reports this as 403 Forbidden)",
                    false);
        } catch (IOException e) {
            return new Failed<>(name, "reading " + path + ": " + HttpUpstreamClient.describe(e), false);
        }
    }

    private <T> UpstreamResult<T> copy(SeekableByteChannel in, String path, long maxBytes, Supplier<BodySink<T>> sinks)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(COPY_BUFFER, Math.max(in.size(), 1) + 1));
        try (BodySink<T> sink = sinks.get()) {
            long total = 0;
            for (int n; (n = in.read(buffer.clear())) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    // The file grew after its size was checked.
                    return tooLarge(path, maxBytes);
                }
                sink.write(buffer.flip());
            }
            return new Found<>(name, sink.finish());
        }
    }

    private <T> UpstreamResult<T> tooLarge(String path, long maxBytes) {
        return new Failed<>(name, path + " exceeds the limit of " + maxBytes + " bytes", false);
    }

    @Override
    public String toString() {
        return "FileUpstreamClient[" + name + "]";
    }
}
