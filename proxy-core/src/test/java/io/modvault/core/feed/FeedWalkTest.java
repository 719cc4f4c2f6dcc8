package io.modvault.core.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.catalog.IndexLines.Line;
import io.modvault.core.module.ModuleCoordinate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedWalkTest {
    private static final String URL = "http://dmz.example/index";
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path dir;

    /** A feed over a fixed list, answering like GET /index, counting its pages. */
    private static final class ListFeed implements FeedSource {
        final List<Line> lines = new ArrayList<>();
        final List<Instant> asked = new ArrayList<>();

        @Override
        public String name() {
            return URL;
        }

        @Override
        public List<Line> page(Instant since, int limit) {
            asked.add(since);
            return lines.stream()
                    .filter(l -> !l.timestamp().isBefore(since))
                    .limit(limit)
                    .toList();
        }
    }

    private static Line line(String path, String version, long seconds) {
        return new Line(path, version, T0.plusSeconds(seconds));
    }

    @Test
    void collectsEveryPageToTheEndOfTheFeedWithoutDuplicates() {
        ListFeed feed = new ListFeed();
        for (int i = 0; i < 10; i++) {
            feed.lines.add(line("example.com/m" + i, "v1.0.0", i / 2));
        }

        FeedWalk.Collected pass = FeedWalk.collect(feed, FeedState.startingAt(URL, Instant.EPOCH), false, 3, 1000);

        assertThat(pass.lines()).isEqualTo(feed.lines);
        assertThat(pass.more()).isFalse();
        assertThat(feed.asked.size()).isGreaterThan(3);
    }

    @Test
    void aPassStopsAtMaxLinesAndSaysThereIsMore() {
        ListFeed feed = new ListFeed();
        for (int i = 0; i < 10; i++) {
            feed.lines.add(line("example.com/m" + i, "v1.0.0", i));
        }

        FeedWalk.Collected pass = FeedWalk.collect(feed, FeedState.startingAt(URL, T0), true, 2, 4);

        assertThat(pass.lines()).hasSize(4);
        assertThat(pass.more()).isTrue();
    }

    @Test
    void theNextPassOverlapsButSkipsWhatWasDoneAndCatchesALateCommit() {
        ListFeed feed = new ListFeed();
        feed.lines.add(line("example.com/a", "v1.0.0", 0));
        feed.lines.add(line("example.com/b", "v1.0.0", 10));
        FeedState start = FeedState.startingAt(URL, Instant.EPOCH);
        FeedWalk.Collected first = FeedWalk.collect(feed, start, false, 2000, 1000);
        FeedState after = FeedWalk.advance(start, first.lines(), c -> true);
        after.write(dir.resolve("state.json"));
        FeedState reread = FeedState.read(dir.resolve("state.json")).orElseThrow();
        assertThat(reread).isEqualTo(after);
        assertThat(after.since()).isEqualTo(T0.plusSeconds(10));

        assertThat(FeedWalk.collect(feed, reread, false, 2000, 1000).lines()).isEmpty();

        Line late = line("example.com/late", "v1.0.0", 5);
        feed.lines.add(1, late);
        Line zipOfA = line("example.com/a", "v1.0.0", 20);
        feed.lines.add(zipOfA);
        assertThat(FeedWalk.collect(feed, reread, false, 2000, 1000).lines()).containsExactly(late, zipOfA);
    }

    @Test
    void thePointStopsAtTheFirstFailedVersionAndInvalidLinesDoNotHoldItBack() {
        List<Line> lines = List.of(
                line("example.com/a", "v1.0.0", 1),
                line("not a module", "v1.0.0", 2),
                line("example.com/b", "v1.0.0", 3),
                line("example.com/c", "v1.0.0", 4),
                line("example.com/d", "v1.0.0", 5));
        FeedState start = FeedState.startingAt(URL, Instant.EPOCH);

        FeedState after = FeedWalk.advance(start, lines, c -> !c.path().value().equals("example.com/c"));

        assertThat(after.since()).isEqualTo(T0.plusSeconds(4));
        assertThat(after.done()).containsExactlyElementsOf(lines.subList(0, 3));
        assertThat(FeedWalk.versions(lines))
                .extracting(ModuleCoordinate::toString)
                .containsExactly(
                        "example.com/a@v1.0.0", "example.com/b@v1.0.0", "example.com/c@v1.0.0", "example.com/d@v1.0.0");
        assertThat(FeedWalk.advance(after, List.of(), c -> true)).isEqualTo(after);
    }

    @Test
    void aFeedStuckAtOneInstantIsAnError() {
        ListFeed feed = new ListFeed();
        for (int i = 0; i < 3; i++) {
            feed.lines.add(line("example.com/m" + i, "v1.0.0", 0));
        }

        assertThatThrownBy(() -> FeedWalk.collect(feed, FeedState.startingAt(URL, T0), true, 3, 1000))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("more than 3 versions at " + T0);
    }
}
