package io.modvault.core.testing;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.testing.TestChecksumLog;
import io.modvault.sumdb.tlog.Tile;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checksum database URL space of x/mod's reference server ({@code sumdb/server.go}), applied
 * to a {@link TestChecksumLog}: {@code /supported}, {@code /latest}, {@code /lookup/<escaped
 * module>@<escaped version>} and {@code /tile/…}, with that server's status codes and content
 * types. Paths arrive percent-decoded and relative to the database root.
 */
final class SumdbRoutes {

    /** One answer: status, content type and body. */
    record Answer(int status, String contentType, byte[] body) {
        static Answer text(int status, String text) {
            return new Answer(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A looked-up module version, plain (unescaped). */
    record Coordinate(String module, String version) {
        @Override
        public String toString() {
            return module + "@" + version;
        }
    }

    static final String TEXT = "text/plain; charset=UTF-8";
    static final String BINARY = "application/octet-stream";
    /** server.go {@code modVerRE}: what the reference server accepts after {@code /lookup/}. */
    private static final Pattern MODULE_VERSION =
            Pattern.compile("^[^@]+@v[0-9]+\\.[0-9]+\\.[0-9]+(-[^@]*)?(\\+incompatible)?$");

    private SumdbRoutes() {}

    static Answer answer(TestChecksumLog log, String path) {
        if (path.equals("/supported")) {
            return new Answer(200, TEXT, new byte[0]);
        }
        if (path.equals("/latest")) {
            return new Answer(200, TEXT, log.signedTreeHead());
        }
        if (path.startsWith("/lookup/")) {
            return lookup(log, path.substring("/lookup/".length()));
        }
        if (path.startsWith("/tile/")) {
            return tile(log, path.substring(1));
        }
        return Answer.text(404, "404 page not found\n");
    }

    /** The module version a lookup path asks for, if it is a well-formed lookup path. */
    static Optional<Coordinate> lookedUp(String path) {
        if (!path.startsWith("/lookup/")) {
            return Optional.empty();
        }
        return parse(path.substring("/lookup/".length()));
    }

    private static Answer lookup(TestChecksumLog log, String moduleVersion) {
        if (!MODULE_VERSION.matcher(moduleVersion).matches()) {
            return Answer.text(400, "invalid module@version syntax\n");
        }
        Optional<Coordinate> parsed = parse(moduleVersion);
        if (parsed.isEmpty()) {
            return Answer.text(400, "invalid escaped module@version " + moduleVersion + "\n");
        }
        Coordinate wanted = parsed.get();
        return log.lookup(wanted.module(), wanted.version())
                .map(body -> new Answer(200, TEXT, body))
                .orElseGet(() -> Answer.text(404, "not found: " + wanted + "\n"));
    }

    private static Optional<Coordinate> parse(String moduleVersion) {
        int at = moduleVersion.indexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        Optional<String> module = BangCase.unescape(moduleVersion.substring(0, at));
        Optional<String> version = BangCase.unescape(moduleVersion.substring(at + 1));
        return module.isPresent() && version.isPresent()
                ? Optional.of(new Coordinate(module.get(), version.get()))
                : Optional.empty();
    }

    private static Answer tile(TestChecksumLog log, String tilePath) {
        Tile tile;
        try {
            tile = Tile.parse(tilePath);
        } catch (SumdbException e) {
            return Answer.text(400, "invalid tile syntax\n");
        }
        String type = tile.isData() ? TEXT : BINARY;
        return log.tile(tilePath)
                .map(body -> new Answer(200, type, body))
                .orElseGet(() -> Answer.text(404, "not found: " + tilePath + "\n"));
    }
}
