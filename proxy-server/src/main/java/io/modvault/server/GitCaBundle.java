package io.modvault.server;

import io.modvault.core.storage.LocalErrors;
import io.modvault.core.upstream.TrustBundle;
import io.modvault.server.config.ConfigException;
import io.modvault.server.config.ConfigKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the certificates modvault trusts to {@code <data dir>/git-ca-bundle.pem} for git's
 * {@code http.sslCAInfo}, which replaces git's defaults: the file holds the JVM's defaults plus
 * {@code MODVAULT_CA_FILE}, so git trusts what the JDK client trusts. Written whole through a
 * temporary file, so a git started meanwhile never reads half of it.
 */
final class GitCaBundle {
    static final String FILE_NAME = "git-ca-bundle.pem";

    private GitCaBundle() {}

    static Path write(TrustBundle bundle, Path dataDir) {
        Path target = dataDir.toAbsolutePath().resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            Path temp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
            try {
                Files.writeString(temp, bundle.pem(), StandardCharsets.US_ASCII);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new ConfigException(ConfigKey.CA_FILE.envName() + ": cannot write the bundle for git to " + target
                    + ": " + LocalErrors.describe(e));
        }
    }
}
