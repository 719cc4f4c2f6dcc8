package io.modvault.core.vcs.git;

import java.util.List;
import java.util.Objects;

/**
 * Per-repository git settings that carry credentials: {@code key=value} config entries (such as
 * {@code http.https://corp.example/.extraHeader=Authorization: Bearer …}) and a description of
 * where the credentials come from, which error messages name so a user knows what was tried.
 * The entries reach git through {@code GIT_CONFIG_COUNT} variables, never the command line.
 */
public record GitAuth(List<String> extraConfig, String source) {

    /** The description used when no token is configured: git's own mechanisms still apply. */
    public static final String SYSTEM_SOURCE =
            "no configured token; git's credential helpers, .netrc and SSH keys of the server's user";

    public GitAuth {
        extraConfig = List.copyOf(extraConfig);
        Objects.requireNonNull(source, "source");
        for (String entry : extraConfig) {
            if (entry.indexOf('=') <= 0) {
                throw new IllegalArgumentException("git config entries must be key=value");
            }
        }
    }

    /** No extra configuration: git's credential helpers, .netrc and SSH keys only. */
    public static GitAuth none() {
        return new GitAuth(List.of(), SYSTEM_SOURCE);
    }

    @Override
    public String toString() {
        // The entries hold secrets: never print them.
        return "GitAuth[" + extraConfig.size() + " config entries, source=" + source + "]";
    }
}
