package io.modvault.core.prewarm;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How one item ended. {@code item} names what was fetched ({@code module@version}, the resolved
 * version for a query), {@code origin} the input that asked for it; {@code bytes} counts every
 * artifact delivered and {@code fetchedBytes} those the cache did not hold before. A failed item
 * has a one-line {@code reason} naming the artifact.
 */
public record ItemResult(
        String item, String origin, Status status, long bytes, long fetchedBytes, Optional<String> reason) {

    /** FETCHED when at least one artifact came from the upstream, PRESENT when all were stored already. */
    public enum Status {
        FETCHED,
        PRESENT,
        FAILED;

        /** The lower-case name, as the JSON report writes it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ItemResult {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (status == Status.FAILED != reason.isPresent()) {
            throw new IllegalArgumentException("a reason exactly for failed items: " + item + " " + status);
        }
    }

    public static ItemResult failed(String item, String origin, long bytes, long fetchedBytes, String reason) {
        return new ItemResult(item, origin, Status.FAILED, bytes, fetchedBytes, Optional.of(reason));
    }
}
