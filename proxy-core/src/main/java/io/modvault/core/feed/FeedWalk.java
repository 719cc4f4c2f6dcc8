package io.modvault.core.feed;

import io.modvault.core.catalog.IndexLines;
import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One pass over a feed from a {@link FeedState}: {@link #collect} pages from the remembered point
 * to the end of the feed (or {@code maxLines}), {@link #advance} moves the point past what was
 * prewarmed. The point never passes a version that failed or did not run: the next pass starts at
 * the first such line again (re-listing what followed it, which prewarm finds present). Pages
 * overlap by {@link #OVERLAP}: a version whose write committed a little after its timestamp (a
 * slow synced write on the feed's side) is still seen by the next pass, while the lines already
 * done in that window are remembered and skipped, so a pass with nothing new prewarms nothing.
 */
public final class FeedWalk {
    /** How far before the remembered point each pass looks again for late-committed versions. */
    public static final Duration OVERLAP = Duration.ofSeconds(30);

    private FeedWalk() {}

    /** The lines of one pass, oldest first, and whether the feed has more after them. */
    public record Collected(List<IndexLines.Line> lines, boolean more) {
        public Collected {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Pages through {@code source} from {@code state}, skipping its done lines. With {@code
     * exactStart} (the user gave {@code --since}) the pass starts at {@code state.since()} itself.
     */
    public static Collected collect(
            FeedSource source, FeedState state, boolean exactStart, int pageSize, int maxLines) {
        Instant cursor = exactStart ? state.since() : earlier(state.since());
        Set<IndexLines.Line> seen = new HashSet<>(state.done());
        List<IndexLines.Line> lines = new ArrayList<>();
        while (true) {
            List<IndexLines.Line> page = source.page(cursor, pageSize);
            for (IndexLines.Line line : page) {
                if (line.timestamp().isBefore(cursor)) {
                    throw new FeedException(source.name() + " answered a line older than since=" + cursor + ": "
                            + line.path() + "@" + line.version() + " " + line.timestamp());
                }
                if (seen.add(line)) {
                    lines.add(line);
                }
            }
            if (page.size() < pageSize) {
                return new Collected(lines, false);
            }
            Instant last = page.getLast().timestamp();
            if (last.equals(cursor)) {
                throw new FeedException(source.name() + " lists more than " + pageSize + " versions at " + cursor
                        + ": a page cannot get past that instant");
            }
            if (lines.size() >= maxLines) {
                return new Collected(lines, true);
            }
            cursor = last;
        }
    }

    /** The module version a line names; empty when it is not a valid canonical version. */
    public static Optional<ModuleCoordinate> coordinate(IndexLines.Line line) {
        try {
            return Optional.of(ModuleCoordinate.checked(ModulePath.of(line.path()), line.version()));
        } catch (InvalidModuleException e) {
            return Optional.empty();
        }
    }

    /** Each valid version of {@code lines} once, in order of first appearance. */
    public static List<ModuleCoordinate> versions(List<IndexLines.Line> lines) {
        Map<ModuleCoordinate, Boolean> ordered = new LinkedHashMap<>();
        lines.forEach(line -> coordinate(line).ifPresent(c -> ordered.put(c, Boolean.TRUE)));
        return List.copyOf(ordered.keySet());
    }

    /**
     * The state after prewarming {@code lines}: the point moves to the first line whose version did
     * not succeed (lines that name no valid version count as done: no run can prewarm them), or to
     * the last line when all did; done lines within {@link #OVERLAP} before the point are kept.
     */
    public static FeedState advance(
            FeedState before, List<IndexLines.Line> lines, Predicate<ModuleCoordinate> succeeded) {
        int boundary = 0;
        while (boundary < lines.size()
                && coordinate(lines.get(boundary)).map(succeeded::test).orElse(true)) {
            boundary++;
        }
        Instant since = boundary < lines.size()
                ? lines.get(boundary).timestamp()
                : lines.isEmpty() ? before.since() : lines.getLast().timestamp();
        Instant windowStart = earlier(since);
        Set<IndexLines.Line> done = new LinkedHashSet<>(before.done());
        done.addAll(lines.subList(0, boundary));
        List<IndexLines.Line> kept = done.stream()
                .filter(line -> !line.timestamp().isBefore(windowStart)
                        && !line.timestamp().isAfter(since))
                .toList();
        return new FeedState(before.feed(), since, kept);
    }

    private static Instant earlier(Instant since) {
        Instant back = since.minus(OVERLAP);
        return back.isBefore(Instant.EPOCH) ? Instant.EPOCH : back;
    }
}
