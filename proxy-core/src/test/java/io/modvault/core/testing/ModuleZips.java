package io.modvault.core.testing;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds module zips the way the go command does ({@code x/mod/zip.Create}): one Deflate entry
 * per file named {@code <path>@<version>/<file>} with the plain, unescaped path and version, no
 * directory entries, go.mod at the root only when the module ships one. Entry timestamps are a
 * fixed 1980-01-01 (the go command writes an all-zero DOS time, which {@link ZipEntry} cannot);
 * neither timestamps nor compression take part in the {@code h1:} hash.
 */
public final class ModuleZips {

    /** Name of the incompressible payload entry added by {@link #sized}. */
    public static final String PAYLOAD_FILE = "testdata/payload.bin";

    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final int BUFFER = 64 * 1024;

    private ModuleZips() {}

    /** Writes the zip of {@code module} to {@code target} (parents created) and returns it. */
    public static Path write(TestModule module, Path target) {
        try {
            createParent(target);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), BUFFER)) {
                writeTo(module, out);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("writing zip of " + module.coordinate() + " to " + target, e);
        }
    }

    /** The zip as bytes; for the small catalogue modules only. */
    public static byte[] bytes(TestModule module) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(module, out);
        } catch (IOException e) {
            throw new UncheckedIOException("zipping " + module.coordinate(), e);
        }
        return out.toByteArray();
    }

    /**
     * Streams to {@code target} a zip of about {@code approxBytes}: the files of {@code base}
     * plus {@link #PAYLOAD_FILE} filled from {@code random}, so the result does not compress and
     * its size is what the benchmarks and memory tests ask for. Nothing large is held in memory.
     * The same seed gives the same zip. Returns {@code target}.
     */
    public static Path sized(TestModule base, long approxBytes, Random random, Path target) {
        if (approxBytes < 0) {
            throw new IllegalArgumentException("approxBytes must not be negative: " + approxBytes);
        }
        if (base.files().containsKey(PAYLOAD_FILE)) {
            throw new IllegalArgumentException(base.coordinate() + " already has " + PAYLOAD_FILE);
        }
        // Room for the base files and per-entry headers, so the whole file lands near approxBytes.
        long payload = Math.max(
                0, approxBytes - base.contentSize() - 512L * (base.files().size() + 2));
        try {
            createParent(target);
            try (ZipOutputStream zip =
                    new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(target), BUFFER))) {
                writeEntries(base, zip);
                // Random bytes do not shrink; stored Deflate blocks keep it fast and still "Deflate".
                zip.setLevel(Deflater.NO_COMPRESSION);
                zip.putNextEntry(entry(base.zipPrefix() + PAYLOAD_FILE));
                byte[] buffer = new byte[BUFFER];
                for (long left = payload; left > 0; left -= buffer.length) {
                    random.nextBytes(buffer);
                    zip.write(buffer, 0, (int) Math.min(buffer.length, left));
                }
                zip.closeEntry();
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("writing sized zip of " + base.coordinate() + " to " + target, e);
        }
    }

    /** The {@code .info} body: {@code {"Version":"v1.0.0","Time":"2024-01-02T03:04:05Z"}}. */
    public static String infoJson(TestModule module) {
        return "{\"Version\":\"" + module.version() + "\",\"Time\":\""
                + DateTimeFormatter.ISO_INSTANT.format(module.time()) + "\"}";
    }

    /** Entry names of an existing zip file, in archive order (for assertions). */
    public static List<String> entryNames(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<String> names = new ArrayList<>();
            file.stream().forEach(e -> names.add(e.getName()));
            return Collections.unmodifiableList(names);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + zip, e);
        }
    }

    private static void writeTo(TestModule module, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            writeEntries(module, zip);
        }
    }

    private static void writeEntries(TestModule module, ZipOutputStream zip) throws IOException {
        for (Map.Entry<String, byte[]> file : module.files().entrySet()) {
            zip.putNextEntry(entry(module.zipPrefix() + file.getKey()));
            zip.write(file.getValue());
            zip.closeEntry();
        }
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setTimeLocal(ZIP_TIME);
        return entry;
    }

    private static void createParent(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
