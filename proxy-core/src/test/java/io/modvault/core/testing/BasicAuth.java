package io.modvault.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Basic credentials in an {@code Authorization} header: the user name sent, and whether they match. */
final class BasicAuth {

    private BasicAuth() {}

    /** The user name of Basic credentials, if the header carries well-formed ones. */
    static Optional<String> user(String header) {
        return decode(header).map(pair -> pair.substring(0, pair.indexOf(':')));
    }

    static boolean matches(String header, String user, String password) {
        return decode(header).filter(pair -> pair.equals(user + ":" + password)).isPresent();
    }

    private static Optional<String> decode(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String pair =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            return pair.indexOf(':') < 0 ? Optional.empty() : Optional.of(pair);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
