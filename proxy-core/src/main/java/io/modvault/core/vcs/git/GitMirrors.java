package io.modvault.core.vcs.git;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The mirrors under one directory, one per repository URL, at
 * {@code <dir>/<first 16 hex digits of sha256(url)>.git}. The same URL always gets the same
 * {@link GitMirror} instance, so its lock serializes every fetch of that repository in this
 * process. {@code auth} supplies the credentials config for each URL (per-host tokens).
 */
public final class GitMirrors {
    private final Path dir;
    private final GitCommand git;
    private final Clock clock;
    private final Duration ttl;
    private final Function<URI, GitAuth> auth;
    private final Map<URI, GitMirror> mirrors = new ConcurrentHashMap<>();

    public GitMirrors(Path dir, GitCommand git, Clock clock, Duration ttl, Function<URI, GitAuth> auth) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath();
        this.git = Objects.requireNonNull(git, "git");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.auth = Objects.requireNonNull(auth, "auth");
    }

    /** Mirrors without configured tokens: git's own credential mechanisms only. */
    public GitMirrors(Path dir, GitCommand git, Clock clock, Duration ttl) {
        this(dir, git, clock, ttl, url -> GitAuth.none());
    }

    public GitMirror forUrl(URI url) {
        return mirrors.computeIfAbsent(
                url, u -> new GitMirror(dir.resolve(directoryName(u)), u, git, auth.apply(u), clock, ttl));
    }

    @Override
    public String toString() {
        return "GitMirrors[" + dir + "]";
    }

    /** {@code <first 16 hex digits of sha256(url)>.git}. */
    static String directoryName(URI url) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(url.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16) + ".git";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
