package io.modvault.core.vcs.coderepo;

import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.modzip.ModuleZipWriter;
import io.modvault.core.vcs.modzip.ZipDirectory;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The candidate files of a module zip taken from a {@code git archive} zip, as coderepo.go's
 * {@code Zip} takes them: one top-level directory stripped, only files below the module's
 * subdirectory (which is stripped too), directory entries skipped, and the repository-root
 * LICENSE added when a subdirectory module has none of its own. Content streams from the
 * archive on disk; nothing is held in memory but the LICENSE.
 */
final class ArchiveSources implements Closeable {
    private final ZipFile zip;
    private final List<ModuleZipWriter.Source> sources;

    private ArchiveSources(ZipFile zip, List<ModuleZipWriter.Source> sources) {
        this.zip = zip;
        this.sources = sources;
    }

    /**
     * @param license the repository-root LICENSE at the same commit, read only when needed
     */
    static ArchiveSources open(Path archive, String subdir, LicenseReader license) throws IOException {
        List<ZipDirectory.Entry> directory = ZipDirectory.read(archive);
        ZipFile zip = new ZipFile(archive.toFile());
        try {
            List<ModuleZipWriter.Source> sources = new ArrayList<>();
            String dirPrefix = subdir.isEmpty() ? "" : subdir + "/";
            String top = null;
            boolean haveLicense = false;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            for (ZipDirectory.Entry entry : directory) {
                ZipEntry zipEntry = entries.nextElement();
                if (!zipEntry.getName().equals(entry.name())) {
                    throw new IOException("zip directory out of order at " + entry.name());
                }
                if (top == null) {
                    int slash = entry.name().indexOf('/');
                    if (slash < 0) {
                        throw new VcsException(VcsException.Kind.FAILED, "missing top-level directory prefix");
                    }
                    top = entry.name().substring(0, slash + 1);
                }
                if (!entry.name().startsWith(top)) {
                    throw new VcsException(
                            VcsException.Kind.FAILED, "zip file contains more than one top-level directory");
                }
                String name = entry.name().substring(top.length());
                if (!name.startsWith(dirPrefix)) {
                    continue;
                }
                name = name.substring(dirPrefix.length());
                if (name.isEmpty() || name.endsWith("/")) {
                    continue;
                }
                sources.add(new Entry(zip, zipEntry, name, entry.kind(), entry.size()));
                haveLicense |= name.equals("LICENSE");
            }
            if (!haveLicense && !subdir.isEmpty()) {
                license.read().ifPresent(data -> sources.add(new Data("LICENSE", data)));
            }
            return new ArchiveSources(zip, List.copyOf(sources));
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    List<ModuleZipWriter.Source> sources() {
        return sources;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Reads the root LICENSE on demand (codehost ReadFile: absent is empty). */
    interface LicenseReader {
        Optional<byte[]> read();
    }

    private record Entry(ZipFile zip, ZipEntry entry, String path, ZipDirectory.Kind kind, long size)
            implements ModuleZipWriter.Source {
        @Override
        public InputStream open() throws IOException {
            return zip.getInputStream(entry);
        }
    }

    /** coderepo's dataFile: mode 0644, so always a regular file, whatever the root LICENSE is in git. */
    private record Data(String path, byte[] data) implements ModuleZipWriter.Source {
        @Override
        public ZipDirectory.Kind kind() {
            return ZipDirectory.Kind.REGULAR;
        }

        @Override
        public long size() {
            return data.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(data);
        }
    }
}
