package io.modvault.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class LocalErrorsTest {

    @Test
    void fileSystemErrorsAreDescribedByKindAndReasonWithoutTheirFile() {
        FileSystemException full =
                new FileSystemException("/srv/modvault/tmp/blob-123.tmp", null, "No space left on device");
        assertThat(LocalErrors.describe(full)).isEqualTo("FileSystemException: No space left on device");
        assertThat(LocalErrors.describe(new NoSuchFileException("/srv/modvault/blobs/ab/cd")))
                .isEqualTo("NoSuchFileException");
    }

    @Test
    void absolutePathsInOtherMessagesAreHiddenButUrlsAndModulePathsStay() {
        String git =
                "fatal: could not create leading directories of '/srv/modvault/vcs/a1/b2': No space left on device;"
                        + " from https://git.example/org/repo.git for example.test/m@v1.0.0 (cwd=/srv/modvault/vcs)";
        assertThat(LocalErrors.withoutPaths(git))
                .isEqualTo("fatal: could not create leading directories of '<local path>': No space left on device;"
                        + " from https://git.example/org/repo.git for example.test/m@v1.0.0 (cwd=<local path>)");
        assertThat(LocalErrors.describe(
                        new IOException("Cannot run program \"git\" (in directory \"/data/vcs/x\"): error=2")))
                .doesNotContain("/data");
    }

    @Test
    void diskFullIsRecognisedAnywhereInTheCauseChainAndInChildProcessOutput() {
        Throwable wrapped = new StoreException(
                "commit blob for example.test/m@v1.0.0",
                new UncheckedIOException(new FileSystemException("/d/t", null, "No space left on device")));
        assertThat(DiskFull.causedBy(wrapped)).isTrue();
        assertThat(DiskFull.causedBy(
                        new IOException("IO error: No space left on deviceWhile appending to file: /d/000012.log")))
                .isTrue();
        assertThat(DiskFull.causedBy(new IOException("Disk quota exceeded"))).isTrue();
        assertThat(DiskFull.causedBy(new IOException("Connection reset by peer")))
                .isFalse();
        assertThat(DiskFull.mentioned("error: unable to write file: No space left on device"))
                .isTrue();
    }
}
