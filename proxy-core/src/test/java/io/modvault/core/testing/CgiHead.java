package io.modvault.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The header block a CGI program (here {@code git http-backend}) writes before its body: the
 * status from a {@code Status: 404 Not Found} line (RFC 3875 §6.3.3; 200 when absent) and the
 * other header lines in order. Lines may end in LF or CRLF; a blank line ends the block.
 */
record CgiHead(int status, List<Map.Entry<String, String>> headers) {

    /** Header blocks of http-backend are a few hundred bytes; more means a broken program. */
    static final int MAX_HEAD_BYTES = 64 * 1024;

    CgiHead {
        headers = List.copyOf(headers);
    }

    /** Reads exactly the header block from {@code in}, leaving the body unread. */
    static CgiHead read(InputStream in) throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int status = 200;
        int total = 0;
        while (true) {
            String line = readLine(in);
            total += line.length() + 1;
            if (total > MAX_HEAD_BYTES) {
                throw new IOException("CGI header block longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (line.isEmpty()) {
                return new CgiHead(status, headers);
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed CGI header line: " + line);
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Status")) {
                status = parseStatus(value);
            } else {
                headers.add(Map.entry(name, value));
            }
        }
    }

    /** The first value of a header, by case-insensitive name. */
    Optional<String> header(String name) {
        return headers.stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The declared body length, if the program sent a valid {@code Content-Length}. */
    OptionalLong contentLength() {
        Optional<String> value = header("Content-Length");
        if (value.isEmpty() || !value.get().matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value.get()));
    }

    private static int parseStatus(String value) throws IOException {
        String code = value.split(" ", 2)[0];
        if (!code.matches("[1-5][0-9][0-9]")) {
            throw new IOException("malformed CGI Status header: " + value);
        }
        return Integer.parseInt(code);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("CGI output ended inside the header block");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            if (line.size() > MAX_HEAD_BYTES) {
                throw new IOException("CGI header line longer than " + MAX_HEAD_BYTES + " bytes");
            }
        }
    }
}
