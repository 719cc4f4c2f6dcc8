package io.modvault.core.modcheck;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Inflates every entry and compares what comes out with what the central directory declares,
 * as x/mod's {@code Unzip} and archive/zip's checksum reader do: never more bytes than declared
 * (reading stops at the first byte too many, so a lying zip bomb costs almost nothing), not fewer,
 * the declared CRC-32, and never more than {@code maxTotal} bytes in all. Data is only counted
 * and discarded, through one small buffer.
 */
final class InflatedSizeCheck {
    private static final int BUFFER = 1 << 16;

    private InflatedSizeCheck() {}

    static Optional<String> problem(ZipFile zip, List<? extends ZipEntry> entries, long maxTotal) {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (ZipEntry entry : entries) {
            long declared = entry.getSize();
            if (declared < 0 || declared > maxTotal - total) {
                return Optional.of(
                        "total uncompressed size of module contents too large (max size is " + maxTotal + " bytes)");
            }
            CRC32 crc = new CRC32();
            long actual;
            try (InputStream in = zip.getInputStream(entry)) {
                actual = read(in, declared + 1, buffer, crc);
            } catch (IOException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                return Optional.of(entry.getName() + ": cannot uncompress: "
                        + why.lines().findFirst().orElse(""));
            }
            if (actual > declared) {
                return Optional.of("uncompressed size of file " + entry.getName() + " is larger than declared size ("
                        + declared + " bytes)");
            }
            if (actual < declared) {
                return Optional.of("uncompressed size of file " + entry.getName() + " is smaller than declared size ("
                        + declared + " bytes)");
            }
            if (entry.getCrc() != crc.getValue()) {
                return Optional.of(entry.getName() + ": checksum error (content does not match its CRC-32)");
            }
            total += actual;
        }
        return Optional.empty();
    }

    /** Reads at most {@code limit} bytes, returning how many there were. */
    private static long read(InputStream in, long limit, byte[] buffer, CRC32 crc) throws IOException {
        long count = 0;
        while (count < limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - count));
            if (n < 0) {
                break;
            }
            crc.update(buffer, 0, n);
            count += n;
        }
        return count;
    }
}
