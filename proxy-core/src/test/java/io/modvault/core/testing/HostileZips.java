package io.modvault.core.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zips that {@link java.util.zip.ZipOutputStream} refuses to write: duplicate names, and
 * headers that lie about an entry's size or checksum. {@link #bomb} makes a Deflate entry that
 * inflates to many MiB of zeros from about 1 KiB per MiB, built without compressing the zeros
 * each time, so a 1 GiB bomb costs the test a few milliseconds and about 1 MiB of memory.
 */
public final class HostileZips {
    private static final int MIB = 1 << 20;

    /** One entry: its raw (stored or deflated) data and what the headers claim about it. */
    public record Entry(String name, byte[] data, boolean deflated, long declaredSize, long declaredCrc) {
        /** A stored entry with truthful headers. */
        public static Entry stored(String name, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return new Entry(name, bytes, false, bytes.length, crc.getValue());
        }

        public Entry declaring(long size) {
            return new Entry(name, data, deflated, size, declaredCrc);
        }

        public Entry withCrc(long crc) {
            return new Entry(name, data, deflated, declaredSize, crc);
        }
    }

    private HostileZips() {}

    /** A Deflate entry that inflates to {@code mebibytes} MiB of zeros whatever its headers say. */
    public static Entry bomb(String name, int mebibytes, long declaredSize) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        // Without earlier input every back-reference points into this chunk, and SYNC_FLUSH ends it
        // on a byte boundary, so the chunk can be repeated: each copy inflates to one more MiB.
        deflater.setInput(new byte[MIB]);
        byte[] chunk = drain(deflater, Deflater.SYNC_FLUSH);
        deflater.finish();
        byte[] end = drain(deflater, Deflater.NO_FLUSH);
        deflater.end();
        ByteArrayOutputStream data = new ByteArrayOutputStream(chunk.length * mebibytes + end.length);
        for (int i = 0; i < mebibytes; i++) {
            data.writeBytes(chunk);
        }
        data.writeBytes(end);
        return new Entry(name, data.toByteArray(), true, declaredSize, 0);
    }

    /** The zip of {@code entries}, in order, exactly as declared. */
    public static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> central = new ArrayList<>();
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            out.writeBytes(header(0x04034b50, e, name, -1));
            out.writeBytes(e.data());
            central.add(header(0x02014b50, e, name, offset));
        }
        int centralStart = out.size();
        central.forEach(out::writeBytes);
        ByteBuffer end = little(22)
                .putInt(0x06054b50)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) entries.size())
                .putShort((short) entries.size())
                .putInt(out.size() - centralStart)
                .putInt(centralStart)
                .putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    /** A local header ({@code offset} -1) or a central directory header for {@code e}. */
    private static byte[] header(int signature, Entry e, byte[] name, int offset) {
        boolean local = offset < 0;
        ByteBuffer b = little((local ? 30 : 46) + name.length).putInt(signature);
        if (!local) {
            b.putShort((short) 20);
        }
        b.putShort((short) 20)
                .putShort((short) 0x0800)
                .putShort((short) (e.deflated() ? 8 : 0))
                .putShort((short) 0)
                .putShort((short) 0x21)
                .putInt((int) e.declaredCrc())
                .putInt(e.data().length)
                .putInt((int) e.declaredSize())
                .putShort((short) name.length)
                .putShort((short) 0);
        if (!local) {
            b.putShort((short) 0)
                    .putShort((short) 0)
                    .putShort((short) 0)
                    .putInt(0)
                    .putInt(offset);
        }
        return b.put(name).array();
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] drain(Deflater deflater, int flush) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, flush);
            out.write(buffer, 0, n);
        } while (n == buffer.length || flush == Deflater.NO_FLUSH && !deflater.finished());
        return out.toByteArray();
    }
}
