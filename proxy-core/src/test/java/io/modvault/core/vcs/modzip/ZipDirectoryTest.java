package io.modvault.core.vcs.modzip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Central-directory reading: file kinds as Go's FileHeader.Mode sees them, and Zip64 archives. */
class ZipDirectoryTest {
    @TempDir
    Path temp;

    @Test
    void classifiesEntriesLikeGoFileHeaderMode() {
        assertThat(ZipDirectory.kind(3, 0100644L << 16, "a.go")).isEqualTo(ZipDirectory.Kind.REGULAR);
        assertThat(ZipDirectory.kind(3, 0100755L << 16, "run.sh")).isEqualTo(ZipDirectory.Kind.REGULAR);
        assertThat(ZipDirectory.kind(3, 0120777L << 16, "link")).isEqualTo(ZipDirectory.Kind.SYMLINK);
        assertThat(ZipDirectory.kind(19, 0120777L << 16, "link")).isEqualTo(ZipDirectory.Kind.SYMLINK);
        assertThat(ZipDirectory.kind(3, 0010644L << 16, "fifo")).isEqualTo(ZipDirectory.Kind.OTHER);
        assertThat(ZipDirectory.kind(3, 040755L << 16, "dir")).isEqualTo(ZipDirectory.Kind.DIRECTORY);
        assertThat(ZipDirectory.kind(0, 0, "plain.txt")).isEqualTo(ZipDirectory.Kind.REGULAR);
        assertThat(ZipDirectory.kind(0, 0x10, "dosdir")).isEqualTo(ZipDirectory.Kind.DIRECTORY);
        assertThat(ZipDirectory.kind(10, 0120777L << 16, "other-system")).isEqualTo(ZipDirectory.Kind.REGULAR);
        assertThat(ZipDirectory.kind(0, 0, "sub/")).isEqualTo(ZipDirectory.Kind.DIRECTORY);
    }

    @Test
    void readsZip64DirectoriesWithMoreThan65535Entries() throws IOException {
        Path zip = temp.resolve("many.zip");
        int count = 65_600;
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            out.setLevel(0);
            for (int i = 0; i < count; i++) {
                out.putNextEntry(new ZipEntry("prefix/f" + i));
                out.write('x');
                out.closeEntry();
            }
        }

        List<ZipDirectory.Entry> entries = ZipDirectory.read(zip);

        assertThat(entries).hasSize(count);
        assertThat(entries.get(count - 1))
                .isEqualTo(new ZipDirectory.Entry("prefix/f" + (count - 1), ZipDirectory.Kind.REGULAR, 1));
    }
}
