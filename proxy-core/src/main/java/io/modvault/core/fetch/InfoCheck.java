package io.modvault.core.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Checks {@code .info} and {@code @latest} answers the way the go command will read them, so a
 * broken upstream answer is refused (502) instead of being cached and breaking every client:
 * a JSON object whose {@code Version} is canonical for the module, whose optional {@code Time}
 * is RFC 3339, and which equals the requested version when one was asked for exactly.
 */
public final class InfoCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InfoCheck() {}

    /** The answer's problem, if any; {@code requested} is empty for queries and {@code @latest}. */
    public static Optional<String> problem(byte[] body, ModulePath module, Optional<String> requested) {
        Optional<String> version = version(body);
        if (version.isEmpty()) {
            return Optional.of("not a JSON object with a string Version and an RFC 3339 Time");
        }
        String v = version.get();
        if (!ModuleVersion.isCanonical(v) || !module.acceptsVersion(v)) {
            return Optional.of("version " + v + " is not a canonical version of " + module.value());
        }
        if (requested.isPresent() && !requested.get().equals(v)) {
            return Optional.of("info for version " + v + " instead of requested version " + requested.get());
        }
        return Optional.empty();
    }

    /** The {@code Version} of a well-formed info body. */
    public static Optional<String> version(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject() || !node.path("Version").isTextual()) {
                return Optional.empty();
            }
            JsonNode time = node.path("Time");
            if (!time.isMissingNode() && !time.isNull()) {
                OffsetDateTime.parse(time.asText());
            }
            return Optional.of(node.get("Version").asText());
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
