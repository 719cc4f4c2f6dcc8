package io.modvault.server.http;

import io.modvault.core.fetch.CacheOutcome;
import io.modvault.core.fetch.FetchResult;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Small answers recently served (with their ETag), kept in memory so that repeat requests are
 * answered on the event loop without a thread hop, a RocksDB read or hashing. It holds only
 * copies of what the store has: entries are served while fresh for their kind, and a TTL'd
 * answer past its TTL falls through to the full algorithm. Bounded by bytes; when full, an
 * arbitrary slice of entries is dropped (cheap, and hot entries come straight back).
 */
final class MemoryCache {
    private static final int ENTRY_OVERHEAD = 200;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long capacity;
    private final Clock clock;

    /** A cached answer; {@code content.outcome()} is replaced by HIT when served from here. */
    record Entry(FetchResult.Content content, String etag) {
        long weight() {
            return (long) content.body().length + ENTRY_OVERHEAD;
        }
    }

    MemoryCache(long capacityBytes, Clock clock) {
        this.capacity = capacityBytes;
        this.clock = clock;
    }

    Optional<Entry> fresh(String key) {
        Entry entry = entries.get(key);
        if (entry == null
                || !entry.content().freshness().isFresh(entry.content().storedAt(), clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    void offer(String key, FetchResult.Content content, String etag) {
        if (capacity <= 0 || content.outcome() == CacheOutcome.STALE || content.body().length > capacity / 16) {
            return;
        }
        FetchResult.Content hit = new FetchResult.Content(
                content.body(), content.type(), CacheOutcome.HIT, content.freshness(), content.storedAt(), "");
        Entry entry = new Entry(hit, etag);
        Entry previous = entries.put(key, entry);
        bytes.addAndGet(entry.weight() - (previous == null ? 0 : previous.weight()));
        if (bytes.get() > capacity) {
            shrink();
        }
    }

    private void shrink() {
        long target = capacity - capacity / 4;
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
                it.hasNext() && bytes.get() > target; ) {
            Map.Entry<String, Entry> victim = it.next();
            if (entries.remove(victim.getKey(), victim.getValue())) {
                bytes.addAndGet(-victim.getValue().weight());
            }
        }
    }

    long sizeBytes() {
        return bytes.get();
    }
}
