package io.modvault.server.prewarm;

import io.modvault.core.catalog.IndexLines;
import io.modvault.core.feed.FeedException;
import io.modvault.core.feed.FeedSource;
import io.modvault.core.feed.FeedState;
import io.modvault.core.feed.FeedWalk;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.prewarm.ItemResult;
import io.modvault.core.prewarm.PrewarmItem;
import io.modvault.core.prewarm.PrewarmReport;
import io.modvault.core.protocol.IndexQuery;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code prewarm --feed URL}: one pass over an index feed from the remembered point (or
 * {@code --since}) to its end, the versions it lists as prewarm items (all three artifacts), and
 * afterwards the point moved past what succeeded ({@link FeedWalk}). The point lives in a state
 * file: {@code --feed-state FILE}, by default {@code <data-dir>/feeds/<sha256 of the URL, 16 hex>.json}
 * (with {@code --server} the file must be named). A pass reads at most {@link #MAX_LINES_PER_RUN}
 * lines; the next run continues. It runs once and ends, for cron or a systemd timer.
 */
public final class FeedPrewarm {
    /** Lines read per pass at most, so one run's item list stays small in memory. */
    public static final int MAX_LINES_PER_RUN = 100_000;

    private final FeedSource source;
    private final Path stateFile;
    private final FeedState before;
    private final FeedWalk.Collected collected;
    private final PrintStream err;
    private boolean stateWritten;

    private FeedPrewarm(
            FeedSource source, Path stateFile, FeedState before, FeedWalk.Collected collected, PrintStream err) {
        this.source = source;
        this.stateFile = stateFile;
        this.before = before;
        this.collected = collected;
        this.err = err;
    }

    /** A usage error in the feed options; the message says which. */
    public static final class Usage extends Exception {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }

    /** The state file used when none is named: one per feed URL under the data directory. */
    public static Path defaultStateFile(Path dataDir, String feedUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(feedUrl.getBytes(StandardCharsets.UTF_8));
            return dataDir.resolve("feeds").resolve(HexFormat.of().formatHex(digest, 0, 8) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Reads the state and pages through the feed; throws {@link FeedException} when the feed cannot be read. */
    public static FeedPrewarm prepare(FeedSource source, Path stateFile, Optional<String> since, PrintStream err)
            throws Usage {
        Optional<Instant> start = since.isPresent() ? Optional.of(parseSince(since.get())) : Optional.empty();
        Optional<FeedState> remembered = FeedState.read(stateFile);
        if (remembered.isPresent() && !remembered.get().feed().equals(source.name())) {
            throw new Usage("feed state " + stateFile + " belongs to "
                    + remembered.get().feed() + ", not " + source.name() + "; name another --feed-state");
        }
        FeedState before = start.map(s -> FeedState.startingAt(source.name(), s))
                .or(() -> remembered)
                .orElseGet(() -> FeedState.startingAt(source.name(), Instant.EPOCH));
        FeedWalk.Collected collected =
                FeedWalk.collect(source, before, start.isPresent(), IndexQuery.MAX_LIMIT, MAX_LINES_PER_RUN);
        return new FeedPrewarm(source, stateFile, before, collected, err);
    }

    /** Each valid version the pass listed, with all three artifacts; invalid lines are named and left out. */
    public List<PrewarmItem> items() {
        for (IndexLines.Line line : collected.lines()) {
            if (FeedWalk.coordinate(line).isEmpty()) {
                err.println("modvault prewarm: skipped " + line.path() + "@" + line.version() + " from " + source.name()
                        + ": not a valid module version");
            }
        }
        return FeedWalk.versions(collected.lines()).stream()
                .<PrewarmItem>map(c -> PrewarmItem.Version.complete(c, source.name()))
                .toList();
    }

    /** After the run: moves the remembered point past what succeeded and says where the next run starts. */
    public void remember(PrewarmReport report) {
        Set<String> succeeded = report.items().stream()
                .filter(item -> item.status() != ItemResult.Status.FAILED)
                .map(ItemResult::item)
                .collect(Collectors.toSet());
        FeedState after =
                FeedWalk.advance(before, collected.lines(), (ModuleCoordinate c) -> succeeded.contains(c.toString()));
        try {
            after.write(stateFile);
            stateWritten = true;
            err.println("modvault prewarm: feed " + source.name() + ": next run continues from " + after.since()
                    + " (" + stateFile + ")"
                    + (collected.more() ? "; the feed has more versions, run again to continue" : ""));
        } catch (FeedException e) {
            err.println("modvault prewarm: " + e.getMessage());
        }
        err.flush();
    }

    /** Whether {@link #remember} saved the new point (false after a write failure, or before the run). */
    public boolean stateWritten() {
        return stateWritten;
    }

    private static Instant parseSince(String text) throws Usage {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new Usage("--since " + text + ": not an RFC 3339 time like 2026-12-04T10:00:00Z");
        }
    }
}
