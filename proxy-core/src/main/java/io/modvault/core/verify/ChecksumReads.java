package io.modvault.core.verify;

/**
 * Port through which verification reads the checksum database (implemented with the caching
 * fetch layer). Paths are relative to the database: {@code lookup/<m>@<v>}, {@code tile/…}.
 */
public interface ChecksumReads {

    /** The body at {@code path}, or a {@link ChecksumReadException} saying why there is none. */
    byte[] read(String path);

    /** Why a checksum-database read produced no body; {@code notFound} for a 404/410 answer. */
    final class ChecksumReadException extends RuntimeException {
        private final boolean notFound;
        private final boolean timedOut;

        public ChecksumReadException(String message, boolean notFound, boolean timedOut) {
            super(message);
            this.notFound = notFound;
            this.timedOut = timedOut;
        }

        public boolean notFound() {
            return notFound;
        }

        public boolean timedOut() {
            return timedOut;
        }
    }
}
