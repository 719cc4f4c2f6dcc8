package io.modvault.server.http;

import java.util.Optional;

/**
 * A single {@code Range: bytes=…} request resolved against a file size (RFC 9110 §14). Only one
 * range is served; a multi-range request is answered with the whole file, which the RFC allows.
 */
record ByteRange(long start, long length) {

    /** Parse result: the whole file, a satisfiable range, or unsatisfiable (416). */
    sealed interface Parsed {}

    record Whole() implements Parsed {}

    record Partial(ByteRange range) implements Parsed {}

    record Unsatisfiable() implements Parsed {}

    static Parsed parse(Optional<String> header, long size) {
        if (header.isEmpty()) {
            return new Whole();
        }
        String h = header.get().trim();
        if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
            return new Whole();
        }
        String spec = h.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0 || size == 0) {
                    return new Unsatisfiable();
                }
                long len = Math.min(suffix, size);
                return new Partial(new ByteRange(size - len, len));
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (start >= size || end < start) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(start, end - start + 1));
        } catch (NumberFormatException e) {
            return new Whole();
        }
    }

    String contentRange(long size) {
        return "bytes " + start + "-" + (start + length - 1) + "/" + size;
    }
}
