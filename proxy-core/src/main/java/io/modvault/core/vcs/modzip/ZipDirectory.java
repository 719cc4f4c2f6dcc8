package io.modvault.core.vcs.modzip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the central directory of a zip file for what {@code java.util.zip} does not expose: each
 * entry's creator system and external attributes, from which Go's {@code zip.FileHeader.Mode}
 * tells regular files from symbolic links, directories and devices (git archive marks symlinks
 * and executables with Unix modes). Handles Zip64 end records and sizes.
 */
public final class ZipDirectory {
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int MAX_COMMENT = 0xFFFF;

    /** The kind of file an entry holds, as Go's FileInfo.Mode() classifies it. */
    public enum Kind {
        REGULAR,
        DIRECTORY,
        SYMLINK,
        OTHER
    }

    /** One central-directory entry, in directory order. */
    public record Entry(String name, Kind kind, long size) {}

    private ZipDirectory() {}

    /** The entries of {@code zip}'s central directory; fails for a file that is not a zip. */
    public static List<Entry> read(Path zip) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = channel.size();
            int tailLength = (int) Math.min(size, 22 + MAX_COMMENT);
            ByteBuffer tail = readAt(channel, size - tailLength, tailLength);
            int eocd = -1;
            for (int i = tailLength - 22; i >= 0; i--) {
                if (tail.getInt(i) == EOCD) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new IOException("not a valid zip file: no end of central directory");
            }
            long count = tail.getShort(eocd + 10) & 0xFFFF;
            long offset = tail.getInt(eocd + 16) & 0xFFFFFFFFL;
            long dirSize = tail.getInt(eocd + 12) & 0xFFFFFFFFL;
            if ((count == 0xFFFF || offset == 0xFFFFFFFFL || dirSize == 0xFFFFFFFFL)
                    && eocd >= 20
                    && tail.getInt(eocd - 20) == ZIP64_LOCATOR) {
                ByteBuffer record = readAt(channel, tail.getLong(eocd - 20 + 8), 56);
                if (record.getInt(0) != ZIP64_EOCD) {
                    throw new IOException("not a valid zip file: bad zip64 end record");
                }
                count = record.getLong(32);
                dirSize = record.getLong(40);
                offset = record.getLong(48);
            }
            if (dirSize > Integer.MAX_VALUE || offset + dirSize > size) {
                throw new IOException("not a valid zip file: central directory out of range");
            }
            return entries(readAt(channel, offset, (int) dirSize), count);
        }
    }

    private static List<Entry> entries(ByteBuffer dir, long count) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int at = 0;
        for (long n = 0; n < count; n++) {
            if (at + 46 > dir.limit() || dir.getInt(at) != CENTRAL) {
                throw new IOException("not a valid zip file: bad central directory entry " + n);
            }
            int creator = (dir.getShort(at + 4) & 0xFFFF) >>> 8;
            long size = dir.getInt(at + 24) & 0xFFFFFFFFL;
            int nameLength = dir.getShort(at + 28) & 0xFFFF;
            int extraLength = dir.getShort(at + 30) & 0xFFFF;
            int commentLength = dir.getShort(at + 32) & 0xFFFF;
            long external = dir.getInt(at + 38) & 0xFFFFFFFFL;
            if (at + 46 + nameLength + extraLength + commentLength > dir.limit()) {
                throw new IOException("not a valid zip file: truncated central directory");
            }
            byte[] nameBytes = new byte[nameLength];
            dir.get(at + 46, nameBytes);
            String name = new String(nameBytes, StandardCharsets.UTF_8);
            if (size == 0xFFFFFFFFL) {
                size = zip64Size(dir, at + 46 + nameLength, extraLength);
            }
            entries.add(new Entry(name, kind(creator, external, name), size));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    /** Go's FileHeader.Mode(), reduced to the file kind. */
    static Kind kind(int creator, long external, String name) {
        Kind kind = Kind.REGULAR;
        if (creator == 3 || creator == 19) {
            int type = (int) (external >>> 16) & 0xF000;
            kind = switch (type) {
                case 0x4000 -> Kind.DIRECTORY;
                case 0xA000 -> Kind.SYMLINK;
                case 0x6000, 0x2000, 0x1000, 0xC000 -> Kind.OTHER;
                default -> Kind.REGULAR;
            };
        } else if ((creator == 0 || creator == 11 || creator == 14) && (external & 0x10) != 0) {
            kind = Kind.DIRECTORY;
        }
        return name.endsWith("/") ? Kind.DIRECTORY : kind;
    }

    private static long zip64Size(ByteBuffer dir, int extraStart, int extraLength) throws IOException {
        int at = extraStart;
        while (at + 4 <= extraStart + extraLength) {
            int id = dir.getShort(at) & 0xFFFF;
            int length = dir.getShort(at + 2) & 0xFFFF;
            if (id == 0x0001 && length >= 8) {
                return dir.getLong(at + 4);
            }
            at += 4 + length;
        }
        throw new IOException("not a valid zip file: missing zip64 size");
    }

    private static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("not a valid zip file: unexpected end");
            }
        }
        return buffer.flip().order(ByteOrder.LITTLE_ENDIAN);
    }
}
