package io.modvault.core.vcs.git;

import io.modvault.core.storage.LocalErrors;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.VcsException.Kind;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a failed git run into a {@link VcsException} a user can act on: authentication refusals
 * (naming the host and the credential source tried), missing repositories or revisions,
 * timeouts, and everything else. Every message is redacted: userinfo in URLs is removed and
 * control characters are dropped, so neither tokens nor terminal escapes reach a client or a log.
 */
final class GitFailures {
    private static final Pattern USERINFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s'\"]*@");
    private static final int MAX_DETAIL = 300;

    private static final String[] AUTH = {
        "authentication failed", "could not read username", "could not read password",
        "terminal prompts disabled", "http basic: access denied", "returned error: 401",
        "returned error: 403", "permission denied (publickey", "invalid username or password",
        "invalid credentials",
    };
    private static final String[] NOT_FOUND = {
        "repository not found", "returned error: 404", "returned error: 410",
        "does not appear to be a git repository", "unknown revision", "bad revision",
        "not a valid object name", "couldn't find remote ref", "did not match any files",
        "no such remote", "does not exist",
    };

    private GitFailures() {}

    /**
     * @param operation what was attempted, e.g. "git fetch" (no arguments: they may hold secrets)
     * @param remote the repository talked to
     * @param credentialSource what credentials were offered, named in authentication failures
     */
    static VcsException classify(String operation, URI remote, GitResult result, String credentialSource) {
        String where = redact(remote);
        String host = host(remote);
        return switch (result.outcome()) {
            case TIMED_OUT -> new VcsException(Kind.TIMEOUT, operation + " " + where + " timed out");
            case OUTPUT_LIMIT ->
                new VcsException(Kind.FAILED, operation + " " + where + ": output exceeds the size limit");
            case EXITED -> byMessage(operation, where, host, result, credentialSource);
        };
    }

    private static VcsException byMessage(
            String operation, String where, String host, GitResult result, String credentialSource) {
        String detail = detail(result.stderr(), result.exitCode());
        String lower = result.stderr().toLowerCase(Locale.ROOT);
        if (containsAny(lower, AUTH)) {
            return new VcsException(
                    Kind.AUTH,
                    "authentication to " + host + " failed (" + operation + " " + where + ": " + detail
                            + "); credentials tried: " + credentialSource);
        }
        if (containsAny(lower, NOT_FOUND) || lower.contains(" not found") && !lower.contains("command not found")) {
            return new VcsException(Kind.NOT_FOUND, operation + " " + where + ": " + detail);
        }
        return new VcsException(Kind.FAILED, operation + " " + where + ": " + detail);
    }

    /** The first lines of stderr, one line, redacted and capped; or the exit status. */
    static String detail(String stderr, int exitCode) {
        String text = LocalErrors.withoutPaths(redact(stderr)).strip().replaceAll("\\s*\\R\\s*", "; ");
        StringBuilder clean = new StringBuilder();
        text.codePoints().filter(c -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
        if (clean.isEmpty()) {
            return "exit status " + exitCode;
        }
        return clean.length() <= MAX_DETAIL ? clean.toString() : clean.substring(0, MAX_DETAIL) + "...";
    }

    /** Removes userinfo from every URL in the text. */
    static String redact(String text) {
        return USERINFO.matcher(text).replaceAll("$1");
    }

    /** The URI as text without userinfo. */
    static String redact(URI uri) {
        return redact(uri.toString());
    }

    /** The host a user recognises: the URI's host, or the local path for file URLs. */
    static String host(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        return "file".equalsIgnoreCase(uri.getScheme()) ? "local repository " + uri.getPath() : redact(uri);
    }

    private static boolean containsAny(String text, String[] needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
