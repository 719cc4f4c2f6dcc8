package io.modvault.core.feed;

import io.modvault.core.catalog.IndexLines;
import java.time.Instant;
import java.util.List;

/** Port: pages of an index feed, the versions stored at or after a time, oldest first. */
public interface FeedSource {

    /** The feed's URL, as messages name it. */
    String name();

    /** At most {@code limit} lines stored at or after {@code since}; throws {@link FeedException} when it cannot answer. */
    List<IndexLines.Line> page(Instant since, int limit);
}
