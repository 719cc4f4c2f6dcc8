package io.modvault.core.vcs.discovery.xml;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with truncation, like Go's bytes.Buffer as its XML decoder uses it. */
final class XmlBuffer {
    private byte[] bytes = new byte[256];
    int len;

    void reset() {
        len = 0;
    }

    void write(int b) {
        if (len == bytes.length) {
            bytes = Arrays.copyOf(bytes, len * 2);
        }
        bytes[len++] = (byte) b;
    }

    byte[] copy(int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    String string(int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}
