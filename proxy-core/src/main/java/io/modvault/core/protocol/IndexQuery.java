package io.modvault.core.protocol;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code GET /index?since=TIME&limit=N}, the feed of stored module versions in the format of the
 * public index (index.golang.org): {@code since} is an RFC 3339 time (default the beginning),
 * {@code limit} a positive count, 2000 by default and at most (larger values are lowered, as the
 * public index does). {@code /index} cannot collide with a module: a module path's first element
 * has a dot. Parameter values are percent-decoded but never form-decoded, so a {@code +01:00}
 * offset keeps its plus sign; unknown parameters are ignored.
 */
public record IndexQuery(Instant since, int limit) {
    public static final String PATH = "/index";
    public static final int MAX_LIMIT = 2000;

    /** Outcome of parsing: a query, or the one-line reason for a 400. */
    public sealed interface Result {
        record Valid(IndexQuery query) implements Result {}

        record Invalid(String reason) implements Result {}
    }

    /** Whether {@code rawUri} (path and optional query) asks for the index. */
    public static boolean isIndex(String rawUri) {
        int q = rawUri.indexOf('?');
        return (q < 0 ? rawUri : rawUri.substring(0, q)).equals(PATH);
    }

    public static Result parse(String rawUri) {
        int q = rawUri.indexOf('?');
        Instant since = Instant.EPOCH;
        int limit = MAX_LIMIT;
        for (String pair : q < 0 ? new String[0] : rawUri.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            Optional<String> value = PercentDecoding.decodePath(eq < 0 ? "" : pair.substring(eq + 1));
            if (name.equals("since") || name.equals("limit")) {
                if (value.isEmpty() || value.get().isEmpty()) {
                    return new Result.Invalid("empty or malformed " + name + " parameter");
                }
            }
            try {
                if (name.equals("since")) {
                    since = OffsetDateTime.parse(value.orElseThrow(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            .toInstant();
                } else if (name.equals("limit")) {
                    limit = Integer.parseInt(value.orElseThrow());
                }
            } catch (DateTimeParseException e) {
                return new Result.Invalid(
                        "since must be an RFC 3339 time like 2019-04-10T19:08:52.997264Z, not " + value.orElseThrow());
            } catch (NumberFormatException e) {
                return new Result.Invalid(
                        "limit must be a whole number from 1 to " + MAX_LIMIT + ", not " + value.orElseThrow());
            }
        }
        if (limit < 1) {
            return new Result.Invalid("limit must be a whole number from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        return new Result.Valid(new IndexQuery(since, Math.min(limit, MAX_LIMIT)));
    }
}
