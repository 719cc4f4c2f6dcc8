package io.modvault.core.vcs.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code MODVAULT_GIT_CREDENTIALS}: comma-separated {@code host=user:password} or
 * {@code host=token} entries (a token is sent with user {@value Credentials#TOKEN_USER}). Entries
 * are trimmed; secrets cannot contain commas. Errors name the entry by position and host only.
 */
final class CredentialSetting {

    private CredentialSetting() {}

    static List<Credential> parse(String value, String name) {
        List<Credential> entries = new ArrayList<>();
        String[] raw = value.split(",", -1);
        for (int i = 0; i < raw.length; i++) {
            String entry = raw[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String where = name + " entry " + (i + 1);
            if (eq < 0) {
                throw new IllegalArgumentException(where + ": expected host=user:password or host=token");
            }
            String host = entry.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String secret = entry.substring(eq + 1).strip();
            if (host.isEmpty() || host.contains("/")) {
                throw new IllegalArgumentException(where + ": expected a host name (optionally with :port) before '='");
            }
            int colon = secret.indexOf(':');
            String user = colon < 0 ? Credentials.TOKEN_USER : secret.substring(0, colon);
            String password = colon < 0 ? secret : secret.substring(colon + 1);
            if (user.isEmpty() || password.isEmpty()) {
                throw new IllegalArgumentException(where + " (host " + host + "): empty user name or secret");
            }
            entries.add(new Credential(host, user, password, name));
        }
        return entries;
    }
}
