package io.modvault.core.verify;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.note.VerifierKey;
import java.net.URI;
import java.util.Optional;

/**
 * The checksum database modvault verifies against, parsed from a {@code GOSUMDB} value with the
 * go command's grammar: {@code off}, a known name, {@code name+hash+key}, or either followed by
 * a URL. Without a URL the database is reached through the upstream proxy's {@code /sumdb/}
 * path when the upstream supports it, directly at {@code https://<name>} otherwise.
 */
public record ChecksumDatabase(VerifierKey key, Optional<URI> url) {
    /** The go command's built-in key (golang/go src/cmd/go/internal/modfetch/key.go). */
    public static final String SUM_GOLANG_ORG = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

    public String name() {
        return key.name();
    }

    /** Empty for {@code off}; an {@link IllegalArgumentException} in the go command's words otherwise. */
    public static Optional<ChecksumDatabase> parse(String gosumdb) {
        String value = gosumdb.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("missing GOSUMDB");
        }
        if (value.equals("off")) {
            return Optional.empty();
        }
        if (value.equals("sum.golang.google.cn")) {
            value = "sum.golang.org https://sum.golang.google.cn";
        }
        String[] fields = value.split("\\s+");
        if (fields.length > 2) {
            throw new IllegalArgumentException("invalid GOSUMDB: too many fields");
        }
        String keyText = fields[0].equals("sum.golang.org") ? SUM_GOLANG_ORG : fields[0];
        VerifierKey key;
        try {
            key = VerifierKey.parse(keyText);
        } catch (SumdbException e) {
            throw new IllegalArgumentException("invalid GOSUMDB: malformed verifier id (" + e.getMessage() + ")");
        }
        Optional<URI> url = Optional.empty();
        if (fields.length == 2) {
            URI uri = URI.create(fields[1]);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("invalid GOSUMDB URL: " + fields[1]);
            }
            url = Optional.of(uri);
        }
        return Optional.of(new ChecksumDatabase(key, url));
    }
}
