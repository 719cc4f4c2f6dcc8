package io.modvault.core.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Extracts the one-line explanation a proxy puts in an error body. Follows the go command's
 * rules (web/api.go): only {@code text/plain} in UTF-8 or US-ASCII counts, and text holding
 * control characters is dropped rather than shown.
 */
final class ErrorDetail {

    static final int MAX_READ = 4096;
    static final int MAX_CHARS = 200;

    private ErrorDetail() {}

    /**
     * Reads at most {@link #MAX_READ} bytes of the body; the caller cancels the rest. The body is
     * read even when it cannot be shown: a short error body read to its end lets the connection
     * be reused, which matters when a chain collects many 404s.
     */
    static Optional<String> read(Optional<String> contentType, BodyQueue body, Duration idle)
            throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            while (out.size() < MAX_READ) {
                Optional<List<ByteBuffer>> chunks = body.next(idle);
                if (chunks.isEmpty()) {
                    break;
                }
                for (ByteBuffer chunk : chunks.get()) {
                    byte[] bytes = new byte[Math.min(chunk.remaining(), MAX_READ - out.size())];
                    chunk.get(bytes);
                    out.write(bytes, 0, bytes.length);
                }
            }
        } catch (IOException e) {
            // The status alone still explains the failure; a broken error body adds nothing.
            return Optional.empty();
        }
        if (contentType.isEmpty() || !isPlainText(contentType.get())) {
            return Optional.empty();
        }
        return firstLine(out.toByteArray());
    }

    static boolean isPlainText(String contentType) {
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("text/plain")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")) {
                String charset = kv[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
                return charset.equals("utf-8") || charset.equals("us-ascii") || charset.isEmpty();
            }
        }
        return true;
    }

    /** The first line, trimmed and capped; empty if blank, not UTF-8 or not printable. */
    static Optional<String> firstLine(byte[] body) {
        String text;
        try {
            // A cut may split a multi-byte character at the end: decode the first line only.
            int end = indexOf(body, (byte) '\n');
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, 0, end < 0 ? trimPartial(body) : end))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        String line = text.strip();
        if (line.isEmpty() || line.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
            return Optional.empty();
        }
        if (line.length() <= MAX_CHARS) {
            return Optional.of(line);
        }
        int cut = Character.isHighSurrogate(line.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return Optional.of(line.substring(0, cut) + "...");
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Length without a trailing incomplete UTF-8 sequence, for bodies cut at {@link #MAX_READ}. */
    private static int trimPartial(byte[] body) {
        int end = body.length;
        int back = 0;
        while (end - back > 0 && back < 3 && (body[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back > 0) {
            int lead = body[end - back - 1] & 0xff;
            int need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
            if (need > back) {
                return end - back - 1;
            }
        }
        return end;
    }
}
