package io.modvault.core.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modvault.core.catalog.IndexLines;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a follower of {@code feed} stopped: the next run asks for lines from {@code since} (less
 * {@link FeedWalk#OVERLAP}) and skips the {@code done} lines, those at most {@link FeedWalk#OVERLAP}
 * older than {@code since} that were already prewarmed. Kept as a small JSON file
 * ({@code {"feed","since","done":[{"Path","Version","Timestamp"}]}}), replaced atomically.
 */
public record FeedState(String feed, Instant since, List<IndexLines.Line> done) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public FeedState {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(since, "since");
        done = List.copyOf(done);
    }

    /** A follower that has seen nothing yet, or was told where to start ({@code --since}). */
    public static FeedState startingAt(String feed, Instant since) {
        return new FeedState(feed, since, List.of());
    }

    /** The state in {@code file}; empty when there is no such file. */
    public static Optional<FeedState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<IndexLines.Line> done = new ArrayList<>();
            for (JsonNode line : root.path("done")) {
                done.add(new IndexLines.Line(
                        line.path("Path").asText(),
                        line.path("Version").asText(),
                        Instant.parse(line.path("Timestamp").asText())));
            }
            return Optional.of(new FeedState(
                    root.path("feed").asText(), Instant.parse(root.path("since").asText()), done));
        } catch (IOException | DateTimeParseException e) {
            throw new FeedException(
                    "feed state " + file + " is unreadable (" + e.getMessage() + "); fix or delete it, or give --since",
                    e);
        }
    }

    /** Replaces {@code file} atomically (a crash leaves the old state or the new one). */
    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("feed", feed);
        root.put("since", since.toString());
        ArrayNode lines = root.putArray("done");
        for (IndexLines.Line line : done) {
            lines.addObject()
                    .put("Path", line.path())
                    .put("Version", line.version())
                    .put("Timestamp", line.timestamp().toString());
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.write(temp, JSON.writeValueAsBytes(root));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new FeedException("cannot write feed state " + file + ": " + e, e);
        }
    }
}
