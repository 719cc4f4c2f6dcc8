package io.modvault.core.upstream;

import java.nio.file.Path;

/** A body streamed to a file, with its size and the SHA-256 computed while it was written. */
public record DownloadedFile(Path file, long size, String sha256Hex) {}
