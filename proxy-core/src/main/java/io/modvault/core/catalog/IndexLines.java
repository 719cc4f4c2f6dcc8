package io.modvault.core.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modvault.core.catalog.StoredVersions.StoredVersion;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The wire format of the public Go module index (index.golang.org), written by {@code GET /index}
 * and read by {@code prewarm --feed}: one JSON object per line, {@code {"Path","Version",
 * "Timestamp"}}, oldest first, the timestamp in RFC 3339 with as many fraction digits as it needs.
 * Reading ignores unknown fields and blank lines.
 */
public final class IndexLines {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private IndexLines() {}

    /** One line of the index: a module version and when the serving index stored it. */
    public record Line(String path, String version, Instant timestamp) {
        public Line {
            Objects.requireNonNull(path, "Path");
            Objects.requireNonNull(version, "Version");
            Objects.requireNonNull(timestamp, "Timestamp");
        }
    }

    public static byte[] render(List<StoredVersion> versions) {
        StringBuilder out = new StringBuilder(versions.size() * 96);
        for (StoredVersion version : versions) {
            out.append("{\"Path\":")
                    .append(quote(version.coordinate().path().value()))
                    .append(",\"Version\":")
                    .append(quote(version.coordinate().version()))
                    .append(",\"Timestamp\":")
                    .append(quote(version.storedAt().toString()))
                    .append("}\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a page; throws {@link IllegalArgumentException} naming the first bad line. */
    public static List<Line> parse(String body) {
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (String text : body.split("\n", -1)) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            try {
                JsonLine raw = JSON.readValue(text, JsonLine.class);
                lines.add(new Line(raw.path, raw.version, Instant.parse(raw.timestamp)));
            } catch (JsonProcessingException | RuntimeException e) {
                throw new IllegalArgumentException(
                        "index line " + number + " is not {\"Path\",\"Version\",\"Timestamp\"}: " + text, e);
            }
        }
        return List.copyOf(lines);
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson's view of a line; fields stay strings so the timestamp is parsed (and reported) here. */
    private static final class JsonLine {
        @JsonProperty("Path")
        String path;

        @JsonProperty("Version")
        String version;

        @JsonProperty("Timestamp")
        String timestamp;
    }
}
