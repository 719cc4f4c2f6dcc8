package io.modvault.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The form every start-up failure takes, and the helper for files named by a setting (TLS, users). */
class StartupFailureTest {
    @TempDir
    Path temp;

    @Test
    void unreadableFileNamesTheSettingThePathAndWhatToCheck() {
        Path missing = temp.resolve("absent.pem");
        StartupFailure failure = null;
        try {
            Files.readAllBytes(missing);
        } catch (IOException e) {
            failure = StartupFailure.unreadableFile(ConfigKey.DATA_DIR, missing, e);
        }

        assertThat(failure).isNotNull();
        assertThat(failure.lines())
                .containsExactly(
                        "MODVAULT_DATA_DIR=" + missing + ": cannot read " + missing + ": no such file",
                        "check the path in MODVAULT_DATA_DIR or --data-dir and that the user running modvault may"
                                + " read the file");
        assertThat(failure.getCause()).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void reasonIsOneShortLine() {
        assertThat(StartupFailure.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(StartupFailure.reason(new IOException("first\nsecond"))).isEqualTo("first");
        assertThat(StartupFailure.reason(new IOException((String) null))).isEqualTo("IOException");
    }
}
